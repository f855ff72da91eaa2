{{/*
Shared helpers. Every per-service template loops over `services` with `steward.services`, which
yields each enabled service's settings: `default` overlaid with `services.<name>`.
*/}}

{{/* Names: the release name prefixes everything, so the same chart installs once per namespace. */}}
{{- define "steward.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "steward.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: steward
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Values.image.tag | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
steward/region: {{ .root.Values.region.slug }}
{{- end -}}

{{- define "steward.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/*
The enabled services as a list of {name, settings, root}, in a stable order. Settings are
`default` deep-merged with the service's own values (the service wins).
*/}}
{{- define "steward.services" -}}
{{- include "steward.validate" . -}}
{{- $root := . -}}
{{- $list := list -}}
{{- range $name := keys .Values.services | sortAlpha -}}
{{- $own := index $root.Values.services $name -}}
{{- if $own.enabled -}}
{{- $settings := mergeOverwrite (deepCopy $root.Values.default) (deepCopy $own) -}}
{{- $list = append $list (dict "name" $name "settings" $settings) -}}
{{- end -}}
{{- end -}}
{{- toJson $list -}}
{{- end -}}

{{/* Fails the render when a required value is missing, naming it. */}}
{{- define "steward.validate" -}}
{{- $v := .Values -}}
{{- if not $v.region.slug }}{{ fail "region.slug is required (deploy/helm/<city>/<region>.yaml)" }}{{ end -}}
{{- if not (regexMatch "^[a-z][a-z0-9-]{1,30}$" $v.region.slug) }}{{ fail (printf "region.slug %q is not a region slug" $v.region.slug) }}{{ end -}}
{{- if not $v.image.tag }}{{ fail "image.tag is required: the git revision scripts/images.sh built the images from" }}{{ end -}}
{{- if not $v.auth.secretName }}{{ fail "auth.secretName is required: the Secret holding STEWARD_AUTH_SECRET" }}{{ end -}}
{{- if not $v.database.host }}{{ fail "database.host is required" }}{{ end -}}
{{- if not $v.nats.host }}{{ fail "nats.host is required" }}{{ end -}}
{{- if and $v.networkPolicy.enabled (not $v.database.networkPeers) }}{{ fail "database.networkPeers is required with networkPolicy.enabled: where PostgreSQL runs" }}{{ end -}}
{{- if and $v.networkPolicy.enabled (not $v.nats.networkPeers) }}{{ fail "nats.networkPeers is required with networkPolicy.enabled: where NATS runs" }}{{ end -}}
{{- range $name, $own := $v.services -}}
{{- if $own.enabled -}}
{{- $s := mergeOverwrite (deepCopy $v.default) (deepCopy $own) -}}
{{- if not $s.database.credentialsSecret }}{{ fail (printf "services.%s.database.credentialsSecret is required" $name) }}{{ end -}}
{{- $drain := add $s.shutdown.preStopSleepSeconds $s.shutdown.drainSeconds -}}
{{- if le (int $s.shutdown.terminationGracePeriodSeconds) (int $drain) -}}
{{- fail (printf "services.%s: shutdown.terminationGracePeriodSeconds (%v) must be longer than preStopSleepSeconds + drainSeconds (%v), or the kubelet kills calls mid-drain" $name $s.shutdown.terminationGracePeriodSeconds $drain) -}}
{{- end -}}
{{- if and $s.hotline $s.hotline.callbackUrl (not $s.hotline.secretName) -}}
{{- fail (printf "services.%s.hotline.secretName is required with hotline.callbackUrl: the Secret holding STEWARD_HOTLINE_SECRET" $name) -}}
{{- end -}}
{{- if and $v.networkPolicy.enabled $s.hotline $s.hotline.callbackUrl (not $s.hotline.networkPeers) -}}
{{- fail (printf "services.%s.hotline.networkPeers is required with networkPolicy.enabled: where %s is" $name $s.hotline.callbackUrl) -}}
{{- end -}}
{{- if and (has $name (include "steward.ledgerServices" $ | fromJsonArray)) (not $v.ledger.secretName) -}}
{{- fail (printf "ledger.secretName is required while %s is enabled: the Secret holding the Ed25519 key that signs its ledger's checkpoints" $name) -}}
{{- end -}}
{{- if $s.sms -}}
{{- if ne (empty $s.sms.gatewayUrl) (empty $s.sms.apiKeySecret.secretName) -}}
{{- fail (printf "services.%s.sms: set gatewayUrl and apiKeySecret.secretName together (or neither: no SMS)" $name) -}}
{{- end -}}
{{- if regexMatch "/v1/messages/?$" $s.sms.gatewayUrl -}}
{{- fail (printf "services.%s.sms.gatewayUrl is the gateway's base URL: notification posts to <gatewayUrl>/v1/messages, so %s would be posted to twice that path" $name $s.sms.gatewayUrl) -}}
{{- end -}}
{{- if and $v.networkPolicy.enabled $s.sms.gatewayUrl (not $s.sms.networkPeers) -}}
{{- fail (printf "services.%s.sms.networkPeers is required with networkPolicy.enabled: where %s is" $name $s.sms.gatewayUrl) -}}
{{- end -}}
{{- end -}}
{{- if and $s.mail $v.networkPolicy.enabled $s.mail.smtpUrlSecret.secretName (not $s.mail.networkPeers) -}}
{{- fail (printf "services.%s.mail.networkPeers is required with networkPolicy.enabled: where the mail server is" $name) -}}
{{- end -}}
{{- if and $s.console $s.console.devSignIn (not $s.console.allowDevSignIn) -}}
{{- fail (printf "services.%s.console.devSignIn lets anyone sign in as any role: never in production; set console.allowDevSignIn too on a development cluster" $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if and .Values.podSecurity.requireRestrictedNamespace -}}
{{- $namespace := lookup "v1" "Namespace" "" .Release.Namespace -}}
{{- if $namespace -}}
{{- $enforce := index ($namespace.metadata.labels | default dict) "pod-security.kubernetes.io/enforce" | default "" -}}
{{- if ne $enforce "restricted" -}}
{{- fail (printf "namespace %s does not enforce Pod Security \"restricted\" (label pod-security.kubernetes.io/enforce=%q); apply deploy/helm/<city>/namespaces.yaml" .Release.Namespace $enforce) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The services whose databases keep a ledger: they sign its checkpoints (ledger.*). */}}
{{- define "steward.ledgerServices" -}}
["agreement","approval-routing","intake"]
{{- end -}}

{{/* "region=host:port,…" of the approval-routing services of linkage.peers (and with `self`, this region's first). */}}
{{- define "steward.routingAddresses" -}}
{{- $root := .root -}}
{{- $entries := list -}}
{{- if .self }}{{ $entries = append $entries (printf "%s=%s" $root.Values.region.slug (include "steward.grpcAddress" (dict "root" $root "name" "approval-routing"))) }}{{ end -}}
{{- range $peer := $root.Values.linkage.peers -}}
{{- $entries = append $entries (printf "%s=%s" $peer.region (include "steward.grpcAddress" (dict "root" $root "name" "approval-routing" "namespace" $peer.namespace))) -}}
{{- end -}}
{{- join "," $entries -}}
{{- end -}}

{{- define "steward.image" -}}
{{- printf "%s/%s/%s:%s" .root.Values.image.registry .root.Values.image.repositoryPrefix .name .root.Values.image.tag -}}
{{- end -}}

{{/* Host:port of a service's gRPC port, in this namespace or (with `namespace`) another. */}}
{{- define "steward.grpcAddress" -}}
{{- $host := include "steward.fullname" . -}}
{{- if .namespace }}{{ $host = printf "%s.%s.svc.%s" $host .namespace .root.Values.clusterDomain }}{{ end -}}
{{- printf "%s:%v" $host .root.Values.ports.grpc -}}
{{- end -}}

{{/*
The service's plain configuration (the ConfigMap's data, and the migration Job's env, which runs
before the ConfigMap exists).
*/}}
{{- define "steward.config" -}}
{{- $root := .root -}}
{{- $v := $root.Values -}}
{{- $s := .settings -}}
{{- $config := dict
  "STEWARD_REGION" $v.region.slug
  "STEWARD_GRPC_HOST" "0.0.0.0"
  "STEWARD_GRPC_PORT" (toString $v.ports.grpc)
  "STEWARD_HTTP_HOST" "0.0.0.0"
  "STEWARD_HTTP_PORT" (toString $v.ports.http)
  "STEWARD_MIGRATE_ON_START" "false"
  "STEWARD_SHUTDOWN_GRACE_MS" (toString (mul $s.shutdown.drainSeconds 1000))
  "OTEL_SERVICE_NAME" (printf "steward-%s" .name)
  "OTEL_TRACES_SAMPLER" $v.telemetry.sampler
  "OTEL_TRACES_SAMPLER_ARG" (toString $v.telemetry.samplerRatio)
  "STEWARD_TRACE_DB_QUERIES" (toString $v.telemetry.dbQuerySpans)
  "STEWARD_CITY_REGION" $v.region.city
  "STEWARD_AUTH_MAX_TOKEN_LIFETIME_S" (toString $v.auth.maxTokenLifetimeSeconds)
  "STEWARD_AUTH_CLOCK_SKEW_S" (toString $v.auth.clockSkewSeconds)
  "STEWARD_HTTP_MAX_BODY_BYTES" (toString $v.http.maxBodyBytes)
-}}
{{- if has .name (include "steward.ledgerServices" $root | fromJsonArray) -}}
{{- $_ := set $config "STEWARD_LEDGER_CHECKPOINT_INTERVAL_MS" (toString $v.ledger.checkpointIntervalMs) -}}
{{- end -}}
{{- if $v.telemetry.otlpEndpoint }}{{ $_ := set $config "OTEL_EXPORTER_OTLP_ENDPOINT" $v.telemetry.otlpEndpoint }}{{ end -}}
{{- if has .name (list "agreement" "intake") -}}
{{- $_ := set $config "STEWARD_ROUTING_ADDRESS" (include "steward.grpcAddress" (dict "root" $root "name" "approval-routing")) -}}
{{- end -}}
{{- if and (eq .name "intake") $s.hotline.callbackUrl -}}
{{- $_ := set $config "STEWARD_HOTLINE_CALLBACK_URL" $s.hotline.callbackUrl -}}
{{- end -}}
{{- if eq .name "approval-routing" -}}
{{- $_ := set $config "STEWARD_REGION_ROUTING_ADDRESSES" (include "steward.routingAddresses" (dict "root" $root)) -}}
{{- end -}}
{{- if eq .name "notification" -}}
{{- $_ := set $config "STEWARD_ROUTING_ADDRESS" (include "steward.grpcAddress" (dict "root" $root "name" "approval-routing")) -}}
{{- $_ := set $config "STEWARD_INTAKE_ADDRESS" (include "steward.grpcAddress" (dict "root" $root "name" "intake")) -}}
{{- $publicUrl := $s.publicUrl | default (printf "http://%s.%s.svc.%s:%v" (include "steward.fullname" .) $root.Release.Namespace $v.clusterDomain $v.ports.http) -}}
{{- $_ := set $config "STEWARD_NOTIFICATION_PUBLIC_URL" (replace "{region}" $v.region.slug $publicUrl) -}}
{{- $_ := set $config "STEWARD_NOTIFICATION_MAX_ATTEMPTS" (toString $s.delivery.maxAttempts) -}}
{{- $_ := set $config "STEWARD_NOTIFICATION_TIMEOUT_MS" (toString $s.delivery.timeoutMs) -}}
{{- $_ := set $config "STEWARD_NOTIFICATION_ROUND_INTERVAL_MS" (toString $s.roundIntervalMs) -}}
{{- if $s.sms.gatewayUrl -}}
{{- $_ := set $config "STEWARD_NOTIFICATION_SMS_GATEWAY_URL" $s.sms.gatewayUrl -}}
{{- $_ := set $config "STEWARD_NOTIFICATION_SMS_SIGN" $s.sms.sign -}}
{{- end -}}
{{- $_ := set $config "STEWARD_NOTIFICATION_MAIL_FROM" $s.mail.from -}}
{{- end -}}
{{- if eq .name "assessment" -}}
{{- $_ := set $config "STEWARD_REGION_ROUTING_ADDRESSES" (include "steward.routingAddresses" (dict "root" $root "self" true)) -}}
{{- $_ := set $config "STEWARD_CONSOLE_DEV_SIGN_IN" (toString $s.console.devSignIn) -}}
{{- $_ := set $config "STEWARD_CONSOLE_WALL_REFRESH_S" (toString $s.console.wallRefreshSeconds) -}}
{{- $_ := set $config "STEWARD_ASSESSMENT_SOURCE_REGIONS" (join "," $s.history.sourceRegions) -}}
{{- $_ := set $config "STEWARD_ASSESSMENT_HISTORY_MAX_AGE_DAYS" (toString $s.history.maxAgeDays) -}}
{{- end -}}
{{- range $key, $value := $s.env }}{{ $_ := set $config $key (toString $value) }}{{ end -}}
{{- toYaml $config -}}
{{- end -}}

{{/* A postgres:// URL built by Kubernetes from the variables of steward.databaseEnv. */}}
{{- define "steward.databaseUrl" -}}
{{- $v := .root.Values -}}
{{- printf "postgres://$(%s_USER):$(%s_PASSWORD)@%s:%v/%s%s" .prefix .prefix $v.database.host $v.database.port .settings.database.name (ternary (printf "?%s" $v.database.params) "" (ne $v.database.params "")) -}}
{{- end -}}

{{/*
Environment from Secrets: the database roles (runtime, and for migrations the owner), NATS, the
token key, and the service's own secretEnv and secretFiles. Values never appear in the manifest.
*/}}
{{- define "steward.secretEnv" -}}
{{- $v := .root.Values -}}
{{- $s := .settings -}}
{{- $runtime := $s.database.credentialsSecret -}}
{{- $owner := $s.database.migrationCredentialsSecret | default $runtime -}}
- name: DATABASE_RUNTIME_USER
  valueFrom: {secretKeyRef: {name: {{ $runtime }}, key: username}}
- name: DATABASE_RUNTIME_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ $runtime }}, key: password}}
- name: STEWARD_DATABASE_URL
  value: {{ include "steward.databaseUrl" (dict "root" .root "settings" $s "prefix" "DATABASE_RUNTIME") | quote }}
{{- if .migration }}
- name: DATABASE_OWNER_USER
  valueFrom: {secretKeyRef: {name: {{ $owner }}, key: username}}
- name: DATABASE_OWNER_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ $owner }}, key: password}}
- name: STEWARD_MIGRATION_DATABASE_URL
  value: {{ include "steward.databaseUrl" (dict "root" .root "settings" $s "prefix" "DATABASE_OWNER") | quote }}
{{- end }}
- name: STEWARD_NATS_URL
  value: {{ printf "nats://%s:%v" $v.nats.host $v.nats.port | quote }}
{{- with $v.nats.credentials }}
{{- if .secretName }}
- name: STEWARD_NATS_USER
  valueFrom: {secretKeyRef: {name: {{ .secretName }}, key: {{ .usernameKey }}}}
- name: STEWARD_NATS_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ .secretName }}, key: {{ .passwordKey }}}}
{{- end }}
{{- end }}
- name: STEWARD_AUTH_SECRET
  valueFrom: {secretKeyRef: {name: {{ $v.auth.secretName }}, key: {{ $v.auth.secretKey }}}}
{{- with $v.pageTokens.secretName }}
- name: STEWARD_PAGE_TOKEN_SECRET
  valueFrom: {secretKeyRef: {name: {{ . }}, key: {{ $v.pageTokens.secretKey }}}}
{{- end }}
{{- if has .name (include "steward.ledgerServices" .root | fromJsonArray) }}
- name: STEWARD_LEDGER_SIGNING_KEY_FILE
  value: {{ printf "%s/%s" $v.ledger.mountPath $v.ledger.signingKeyKey | quote }}
{{- with $v.ledger.trustedKeysKey }}
- name: STEWARD_LEDGER_TRUSTED_KEYS_FILE
  value: {{ printf "%s/%s" $v.ledger.mountPath . | quote }}
{{- end }}
{{- end }}
{{- if eq .name "notification" }}
{{- if $s.sms.gatewayUrl }}
- name: STEWARD_NOTIFICATION_SMS_API_KEY
  valueFrom: {secretKeyRef: {name: {{ $s.sms.apiKeySecret.secretName }}, key: {{ $s.sms.apiKeySecret.key }}}}
{{- end }}
{{- with $s.mail.smtpUrlSecret }}
{{- if .secretName }}
- name: STEWARD_NOTIFICATION_SMTP_URL
  valueFrom: {secretKeyRef: {name: {{ .secretName }}, key: {{ .key }}}}
{{- end }}
{{- end }}
{{- end }}
{{- if and (eq .name "intake") $s.hotline.callbackUrl }}
- name: STEWARD_HOTLINE_SECRET
  valueFrom: {secretKeyRef: {name: {{ $s.hotline.secretName }}, key: {{ $s.hotline.secretKey }}}}
{{- end }}
{{- range $s.secretEnv }}
- name: {{ .name }}
  valueFrom: {secretKeyRef: {name: {{ .secretName }}, key: {{ .key }}}}
{{- end }}
{{- range $s.secretFiles }}
{{- $mount := .mountPath }}
{{- range $variable, $file := .env }}
- name: {{ $variable }}
  value: {{ printf "%s/%s" $mount $file | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Volumes every pod has: a writable /tmp, the ledger's signing key where the service keeps a ledger, and the service's secret files. */}}
{{- define "steward.volumes" -}}
{{- $ledger := .root.Values.ledger -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .settings.tmpSizeLimit }}
{{- if has .name (include "steward.ledgerServices" .root | fromJsonArray) }}
# Only the entries the service reads: the public key and anything else in the Secret stay out.
- name: ledger-signing-key
  secret:
    secretName: {{ $ledger.secretName }}
    defaultMode: 0440
    items:
      - {key: {{ $ledger.signingKeyKey }}, path: {{ $ledger.signingKeyKey }}}
      {{- with $ledger.trustedKeysKey }}
      - {key: {{ . }}, path: {{ . }}}
      {{- end }}
{{- end }}
{{- range $index, $file := .settings.secretFiles }}
- name: {{ printf "secret-file-%d" $index }}
  secret:
    secretName: {{ $file.secretName }}
    defaultMode: 0440
{{- end }}
{{- end -}}

{{- define "steward.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if has .name (include "steward.ledgerServices" .root | fromJsonArray) }}
- name: ledger-signing-key
  mountPath: {{ .root.Values.ledger.mountPath }}
  readOnly: true
{{- end }}
{{- range $index, $file := .settings.secretFiles }}
- name: {{ printf "secret-file-%d" $index }}
  mountPath: {{ $file.mountPath }}
  readOnly: true
{{- end }}
{{- end -}}

{{/* The restricted Pod Security profile, for pods and containers. */}}
{{- define "steward.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
fsGroup: 1000
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "steward.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
{{- end -}}
