#!/usr/bin/env bash
# Regenerates the JSON schemas kubeconform checks the charts against (deploy/schemas/), offline
# tier of the test command. Run it when KUBERNETES_VERSION or a chart's kinds change, and commit
# the result. Only the kinds the charts render are kept.
#   Kubernetes kinds: the OpenAPI v2 document in the pinned k8s.io/kubernetes module
#     (api/openapi-spec/swagger.json), converted by openapi2jsonschema 0.9.1 (PyPI), strict.
#   ServiceMonitor, PrometheusRule: the CRDs of the pinned prometheus-operator module, converted by
#     kubeconform's own scripts/openapi2jsonschema.py.
source "$(dirname "$0")/../lib/env.sh"
source "$STEWARD_ROOT/scripts/k8s/tools.sh"
cd "$STEWARD_ROOT"

PROMETHEUS_OPERATOR_VERSION=v0.85.0
KINDS=(configmap-v1 namespace-v1 secret-v1 service-v1 serviceaccount-v1 deployment-apps-v1 statefulset-apps-v1
  job-batch-v1 horizontalpodautoscaler-autoscaling-v2 poddisruptionbudget-policy-v1 networkpolicy-networking-v1)
OUT=deploy/schemas

module_dir() { # module@version
  (cd "$STEWARD_ROOT/scripts/k8s/modules/kubernetes" && GOFLAGS=-mod=mod go mod download -json "$1" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
}

venv="$K8S_TOOLS/openapi2jsonschema-0.9.1"
if [ ! -x "$venv/bin/openapi2jsonschema" ]; then
  log "installing openapi2jsonschema 0.9.1 into $venv"
  python3 -m venv "$venv"
  # Its declared ranges no longer resolve together; these are the versions it works with.
  "$venv/bin/pip" install --quiet "pyyaml>=6,<7" "click<8" "jsonref<0.3" "colorama" >&2
  "$venv/bin/pip" install --quiet --no-deps openapi2jsonschema==0.9.1 >&2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
kubernetes=$(module_dir "k8s.io/kubernetes@$KUBERNETES_VERSION")
# Stand-alone (no $refs) takes a while: every definition is expanded. It resolves its output folder
# against the working directory, so it runs in the temporary one.
(cd "$tmp" && "$venv/bin/openapi2jsonschema" --kubernetes --expanded --strict --stand-alone -o kubernetes "file://$kubernetes/api/openapi-spec/swagger.json" >/dev/null)
rm -rf "$OUT" && mkdir -p "$OUT/kubernetes-$KUBERNETES_VERSION" "$OUT/monitoring.coreos.com"
for kind in "${KINDS[@]}"; do cp "$tmp/kubernetes/$kind.json" "$OUT/kubernetes-$KUBERNETES_VERSION/"; done

operator=$(module_dir "github.com/prometheus-operator/prometheus-operator@$PROMETHEUS_OPERATOR_VERSION")
kubeconform=$(module_dir "github.com/yannh/kubeconform@$KUBECONFORM_VERSION")
(cd "$OUT/monitoring.coreos.com" && FILENAME_FORMAT='{kind}_{version}' "$venv/bin/python" "$kubeconform/scripts/openapi2jsonschema.py" \
  "$operator/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" \
  "$operator/example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml" >/dev/null)
log "schemas written to $OUT ($(find "$OUT" -name '*.json' | wc -l) kinds)"
