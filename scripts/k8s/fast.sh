#!/usr/bin/env bash
# The offline Kubernetes tiers, run by the test command every time (no cluster needed):
#   - the generated region values and namespaces are up to date (scripts/k8s/regions.ts --check)
#   - helm lint --strict of both charts
#   - helm template of every region of every city (production and local values) into
#     .data/k8s/rendered/, checked by kubeconform against the committed schemas (deploy/schemas)
#   - helm-unittest suites of both charts, and the dashboards/alerts rendering against fixtures
# The server-side dry run of the same manifests needs the API server: scripts/k8s.sh rehearse.
source "$(dirname "$0")/../lib/env.sh"
bash "$STEWARD_ROOT/scripts/k8s/build.sh" fast
source "$STEWARD_ROOT/scripts/k8s/tools.sh"
cd "$STEWARD_ROOT"

RENDERED="$STEWARD_DATA/k8s/rendered"
# Any revision (rendering does not look at images), all digits on purpose: a git revision can be,
# and `--set image.tag=348560135077` makes it a number the schema refuses (use --set-string).
TAG=348560135077
# Helm reports following the chart's observability symlink on every load; that is intended.
quiet_helm() { helm "$@" 2> >(grep -v 'found symbolic link in path' >&2); }

log "k8s: region values and namespaces are generated from deploy/regions"
node --import tsx scripts/k8s/regions.ts --check

log "k8s: helm lint --strict"
quiet_helm lint --strict --quiet charts/steward --kube-version "$KUBERNETES_VERSION" \
  -f deploy/helm/production.yaml -f deploy/helm/ankang/city.yaml --set-string image.tag=$TAG
quiet_helm lint --strict --quiet charts/steward --kube-version "$KUBERNETES_VERSION" \
  -f deploy/helm/local.yaml -f deploy/helm/ankang/hanbin.yaml --set-string image.tag=$TAG
quiet_helm lint --strict --quiet charts/steward-local-infrastructure --kube-version "$KUBERNETES_VERSION" \
  --set region.slug=hanbin,image.postgresTag=15-$TAG,image.natsTag=0.0.0

log "k8s: helm template for every region"
rm -rf "$RENDERED" && mkdir -p "$RENDERED"
regions=0
for city_dir in deploy/helm/*/; do
  [ -f "$city_dir/namespaces.yaml" ] || continue
  cp "$city_dir/namespaces.yaml" "$RENDERED/$(basename "$city_dir")-namespaces.yaml"
  for values in "$city_dir"*.yaml; do
    region=$(basename "$values" .yaml)
    [ "$region" = namespaces ] && continue
    for flavour in production local; do
      mkdir -p "$RENDERED/$flavour"
      quiet_helm template steward charts/steward --namespace "steward-$region" --kube-version "$KUBERNETES_VERSION" \
        --api-versions monitoring.coreos.com/v1/ServiceMonitor --api-versions monitoring.coreos.com/v1/PrometheusRule \
        -f "deploy/helm/$flavour.yaml" -f "$values" --set-string image.tag=$TAG >"$RENDERED/$flavour/$region.yaml"
    done
    quiet_helm template steward-infrastructure charts/steward-local-infrastructure --namespace "steward-$region" \
      --kube-version "$KUBERNETES_VERSION" --set "region.slug=$region,image.postgresTag=15-$TAG,image.natsTag=0.0.0" \
      >"$RENDERED/local/$region-infrastructure.yaml"
    regions=$((regions + 1))
  done
done
log "k8s: rendered $regions regions ($(cat "$RENDERED"/*/*.yaml | grep -c '^kind:') objects)"

log "k8s: the local NATS configuration, as nats-server $NATS_SERVER_VERSION reads it"
ensure_go_tool nats-server "github.com/nats-io/nats-server/v2@$NATS_SERVER_VERSION"
nats_conf="$STEWARD_DATA/k8s/local-nats-server.conf"
quiet_helm template steward-infrastructure charts/steward-local-infrastructure --show-only templates/nats.yaml --kube-version "$KUBERNETES_VERSION" \
  --set "region.slug=hanbin,image.postgresTag=15-$TAG,image.natsTag=0.0.0" |
  awk '/^  nats-server.conf: \|/ { inside = 1; next } inside && /^    / { print substr($0, 5); next } { inside = 0 }' >"$nats_conf"
grep -q "sync_interval: always" "$nats_conf"
NATS_USER=steward NATS_PASSWORD=rehearsal nats-server -t -c "$nats_conf"

log "k8s: kubeconform against deploy/schemas"
kubeconform -strict -summary -output text \
  -schema-location "deploy/schemas/kubernetes-$KUBERNETES_VERSION/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
  -schema-location "deploy/schemas/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json" \
  "$RENDERED"

log "k8s: helm-unittest"
quiet_helm unittest --color=false charts/steward charts/steward-local-infrastructure | grep -vE '^\s*$'
# The dashboards and alert rules against fixtures, in a copy of the chart whose
# files/observability is the fixture folder (relative values paths resolve the same there).
fixture=$(mktemp -d)
trap 'rm -rf "$fixture"' EXIT
mkdir -p "$fixture/charts" "$fixture/deploy"
cp -r charts/steward "$fixture/charts/steward"
cp -r deploy/helm "$fixture/deploy/helm"
rm "$fixture/charts/steward/files/observability"
cp -r charts/steward/tests/observability/fixtures "$fixture/charts/steward/files/observability"
quiet_helm unittest --color=false -f 'tests/observability/*_test.yaml' "$fixture/charts/steward" | grep -vE '^\s*$'
