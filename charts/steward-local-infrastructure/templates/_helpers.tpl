{{- define "infra.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: steward-local-infrastructure
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/*
A password that stays the same across upgrades: the one already in the Secret, else a new random
one. Alphanumeric, so it is safe inside the URLs the steward chart composes.
*/}}
{{- define "infra.password" -}}
{{- $key := .key | default "password" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace .secret -}}
{{- if and $existing (index $existing.data $key) -}}
{{- index $existing.data $key | b64dec -}}
{{- else -}}
{{- randAlphaNum 32 -}}
{{- end -}}
{{- end -}}

{{- define "infra.role" -}}
{{- printf "%s_%s" .database .kind -}}
{{- end -}}

{{- define "infra.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "infra.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
{{- end -}}

{{- define "infra.data" -}}
{{- if .persistence.storageClass }}
volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      storageClassName: {{ .persistence.storageClass }}
      resources:
        requests:
          storage: {{ .persistence.size }}
{{- end }}
{{- end -}}

{{- define "infra.natsConfig" -}}
server_name: {{ printf "steward-%s" .Values.region.slug }}
port: 4222
http_port: 8222
jetstream {
  store_dir: /data
  sync_interval: always
}
authorization {
  users: [
    { user: $NATS_USER, password: $NATS_PASSWORD }
  ]
}
# nats-server 2.15 refuses less than 30 s; the pod's grace period is longer (nats.yaml).
lame_duck_duration: 30s
{{- end -}}

{{- define "infra.postgresHba" -}}
# TYPE  DATABASE  USER  ADDRESS    METHOD
local   all       all              scram-sha-256
host    all       all   0.0.0.0/0  scram-sha-256
host    all       all   ::/0       scram-sha-256
{{- end -}}
