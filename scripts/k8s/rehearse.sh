#!/usr/bin/env bash
# The rehearsal on a real cluster: builds what is missing (bundles, images, the cluster's tools,
# each cached), starts the single-node cluster (scripts/k8s/cluster.sh), checks every region's
# manifests with a server-side dry run, installs the city and two counties from the chart, and
# proves what a release must do, printing "N passed, N failed". The cluster is torn down at the
# end, leaving nothing behind (STEWARD_K8S_KEEP=1 keeps it for a look: scripts/k8s.sh down later).
#   scripts/k8s.sh rehearse [--bundles-built]   (--bundles-built: `pnpm build` has just run; the test command)
source "$(dirname "$0")/../lib/env.sh"
source "$STEWARD_ROOT/scripts/k8s/tools.sh"
cd "$STEWARD_ROOT"

CITY=city
COUNTIES=(hanbin hanyin)
REGIONS=("$CITY" "${COUNTIES[@]}")
COUNTY="${COUNTIES[0]}"
OTHER_COUNTY="${COUNTIES[1]}"
NODE_IP=10.247.0.1
WEBHOOK_PORT=27780
WORK="$STEWARD_DATA/k8s/rehearsal"
export KUBECONFIG="$STEWARD_DATA/k8s/cluster/kubeconfig/admin.conf"
rm -rf "$WORK" && mkdir -p "$WORK"
bundles_built=false
[ "${1:-}" = --bundles-built ] && bundles_built=true

passed=0
failed=0
started=$SECONDS
pass() { passed=$((passed + 1)); printf '\033[32m  ✓ %s\033[0m\n' "$1"; }
fail() { failed=$((failed + 1)); printf '\033[31m  ✗ %s\033[0m\n' "$1"; [ -z "${2:-}" ] || sed 's/^/      /' "$2" | tail -15; }
phase() { log "rehearsal [$((SECONDS - started)) s]: $*"; }
# check NAME COMMAND…: one check, its output kept in $WORK/<n>.log and shown when it fails.
check() {
  local name="$1" out="$WORK/check-$((passed + failed + 1)).log" at=$SECONDS
  shift
  if "$@" >"$out" 2>&1; then pass "$name ($((SECONDS - at)) s)"; else fail "$name ($((SECONDS - at)) s)" "$out"; fi
}
# in_background NAME COMMAND… / collect NAME: a check that runs while the next steps do.
declare -A background_pids=()
in_background() {
  local name="$1"
  shift
  "$@" >"$WORK/background-${name// /-}.log" 2>&1 &
  background_pids[$name]=$!
}
collect() {
  local name="$1" out="$WORK/background-${1// /-}.log"
  if wait "${background_pids[$name]}"; then pass "$name"; else fail "$name" "$out"; fi
}
# tap COMMAND…: a program that prints "ok - …" / "not ok - …" lines, one check each.
tap() {
  local out="$WORK/tap-$((passed + failed + 1)).log" line
  "$@" >"$out" 2>&1 || true
  while IFS= read -r line; do
    case "$line" in
      "ok - "*) pass "${line#ok - }" ;;
      "not ok - "*) fail "${line#not ok - }" ;;
    esac
  done <"$out"
  grep -qE '^(not )?ok - ' "$out" || fail "$* printed no result" "$out"
}

teardown() {
  local status=$?
  if [ "${STEWARD_K8S_KEEP:-0}" = 1 ]; then
    log "rehearsal: cluster kept (STEWARD_K8S_KEEP=1); scripts/k8s.sh down removes it"
  else
    bash scripts/k8s/cluster.sh down || true
  fi
  log "rehearsal: $passed passed, $failed failed in $((SECONDS - started)) s"
  printf '%s passed, %s failed\n' "$passed" "$failed"
  [ "$failed" -eq 0 ] && [ "$status" -eq 0 ] || exit 1
}
trap teardown EXIT
# Stopped from outside (the test command ending early): the teardown above still runs.
trap 'exit 143' TERM INT

# --- build and start -------------------------------------------------------------------------
phase "bundles and images"
$bundles_built || pnpm run --silent build
bash scripts/images.sh build services
bash scripts/images.sh build infra
TAG=$(bash scripts/images.sh list | sed -n 's#^localhost/steward/intake:##p')
POSTGRES_TAG=$(bash scripts/images.sh list | sed -n 's#^localhost/steward/postgres:##p')
NATS_TAG=$(bash scripts/images.sh list | sed -n 's#^localhost/steward/nats:##p')
# The image the county is upgraded to later: the same layers under new labels, a new image ID.
NEW_TAG="$TAG-upgrade"
bash scripts/images.sh derive "$NEW_TAG"

phase "cluster"
mapfile -t images < <(bash scripts/images.sh list | grep -vE '/(pause|coredns):'; STEWARD_IMAGE_TAG="$NEW_TAG" bash scripts/images.sh list | grep -E "/(intake|agreement|approval-routing|notification|assessment):")
bash scripts/k8s/cluster.sh up "${images[@]}"

# --- every region's manifests, validated by the API server itself ------------------------------
phase "namespaces; installing ${REGIONS[*]} while all 13 regions are dry-run"
kubectl apply -f deploy/helm/ankang/namespaces.yaml >/dev/null
dry_run_all() {
  local values region
  for values in deploy/helm/ankang/*.yaml; do
    region=$(basename "$values" .yaml)
    [ "$region" = namespaces ] && continue
    helm template steward charts/steward --namespace "steward-$region" --kube-version "$KUBERNETES_VERSION" \
      -f deploy/helm/production.yaml -f "$values" --set-string image.tag="$TAG" 2>/dev/null |
      kubectl apply --dry-run=server -n "steward-$region" -f - >/dev/null || { echo "region $region refused"; return 1; }
    echo "region $region accepted"
  done
}
# The API server alone does this work, while the installs below mostly wait for pods.
in_background "server-side dry run: the API server accepts every object of all 13 regions (production values)" dry_run_all

# --- install the city and two counties -----------------------------------------------------------
# Linked regions sign each other's calls with one key (deploy/helm/local.yaml reads Secret steward-auth).
AUTH_SECRET=$(openssl rand -hex 24)
for region in "${REGIONS[@]}"; do
  kubectl -n "steward-$region" create secret generic steward-auth --from-literal=auth-secret="$AUTH_SECRET" >/dev/null
done
install_infrastructure() { # region
  helm install steward-infrastructure charts/steward-local-infrastructure -n "steward-$1" \
    --set region.slug="$1" --set auth.create=false \
    --set-string image.postgresTag="$POSTGRES_TAG" --set-string image.natsTag="$NATS_TAG" --wait --timeout 10m
}
install_steward() { # region
  helm install steward charts/steward -n "steward-$1" \
    -f deploy/helm/local.yaml -f "deploy/helm/ankang/$1.yaml" --set-string image.tag="$TAG" \
    --set-json "services.notification.webhook.networkPeers=[{\"ipBlock\":{\"cidr\":\"$NODE_IP/32\"}}]" \
    --set-json "services.notification.webhook.ports=[$WEBHOOK_PORT]" \
    --set-json "networkPolicy.ingressControllers=[{\"ipBlock\":{\"cidr\":\"$NODE_IP/32\"}}]" \
    --wait --timeout 15m
}
# A region's PostgreSQL and NATS, then its Steward release (whose migration hooks need them); the
# three regions at once, each going on as soon as its own infrastructure is up. Each step leaves
# $WORK/<step>-<region>.ok when it succeeded.
install_region() { # region
  install_infrastructure "$1" >"$WORK/install_infrastructure-$1.log" 2>&1 && touch "$WORK/install_infrastructure-$1.ok" &&
    install_steward "$1" >"$WORK/install_steward-$1.log" 2>&1 && touch "$WORK/install_steward-$1.ok"
}
installed() { # step — every region's step succeeded
  local region status=0
  for region in "${REGIONS[@]}"; do
    echo "== $region"; tail -5 "$WORK/$1-$region.log" 2>/dev/null || echo "(not started)"
    [ -f "$WORK/$1-$region.ok" ] || status=1
  done
  return $status
}
install_started=$SECONDS
install_pids=()
for region in "${REGIONS[@]}"; do
  install_region "$region" &
  install_pids+=($!)
done
for pid in "${install_pids[@]}"; do wait "$pid" || true; done # the verdicts are the .ok files
log "rehearsal: the three regions installed in $((SECONDS - install_started)) s"
collect "server-side dry run: the API server accepts every object of all 13 regions (production values)"
install_failures=$failed
check "PostgreSQL and NATS of ${REGIONS[*]} installed (charts/steward-local-infrastructure)" installed install_infrastructure
check "Steward installed in ${REGIONS[*]}: migration hooks ran, every Deployment rolled out" installed install_steward
# Nothing below can pass on releases that did not install; the pods say why.
if [ "$failed" -gt "$install_failures" ]; then
  kubectl get pods -A -o wide >&2 || true
  exit 1
fi
all_ready() {
  local region status=0
  for region in "${REGIONS[@]}"; do
    kubectl -n "steward-$region" wait pods --all --for=condition=Ready --timeout=300s || status=1
    kubectl -n "steward-$region" get pods -o wide --no-headers
  done
  return $status
}
check "every pod of every release is Ready" all_ready

# --- the network: Service names, 纵向联动, isolation ---------------------------------------------
phase "the network"
service_ip() { kubectl -n "steward-$1" get service "$2" -o jsonpath='{.spec.clusterIP}'; }
# A TCP connection attempt from inside a pod (the images have no shell, but they have node).
probe() { # region deployment host port -> prints open | timeout | <error code>
  kubectl -n "steward-$1" exec "deploy/$2" -c "${2#steward-}" -- /usr/local/bin/node -e '
    const [host, port] = process.argv.slice(1);
    const socket = require("net").connect({ host, port: Number(port), timeout: 4000 });
    socket.on("connect", () => { console.log("open"); process.exit(0); });
    socket.on("timeout", () => { console.log("timeout"); process.exit(2); });
    socket.on("error", (error) => { console.log(error.code); process.exit(3); });' "$3" "$4" 2>/dev/null | tail -1
}
expect_open() { local got; got=$(probe "$@"); echo "$1/$2 -> $3:$4: $got"; [ "$got" = open ]; }
# Blocked means the name resolved and the connection did not get through: dropped (timeout) or
# refused by the policy's REJECT rule (kube-router answers ICMP port unreachable), where the same
# port answers its own namespace's pods (each isolation check first proves that).
expect_blocked() {
  local got
  got=$(probe "$@")
  echo "$1/$2 -> $3:$4: $got"
  case "$got" in timeout | ECONNREFUSED | EHOSTUNREACH) ;; *) return 1 ;; esac
}
reach_infrastructure() {
  local region
  for region in "${REGIONS[@]}"; do
    expect_open "$region" steward-approval-routing steward-postgres 5432 &&
      expect_open "$region" steward-approval-routing steward-nats 4222 || return 1
  done
}
check "services reach PostgreSQL and NATS by Service name (cluster DNS, kube-proxy)" reach_infrastructure
readyz_all() {
  local region service ip
  for region in "${REGIONS[@]}"; do
    for service in intake agreement approval-routing notification assessment; do
      ip=$(service_ip "$region" "steward-$service")
      curl -fsS --max-time 10 "http://$ip:8080/readyz" | tee /dev/stderr | grep -q '"postgres":true' || { echo "$region $service not ready"; return 1; }
      echo
    done
  done
}
check "every service's /readyz reports its PostgreSQL and NATS up, through its Service" readyz_all
check "county routing reaches the city's routing (纵向联动)" expect_open "$COUNTY" steward-approval-routing "steward-approval-routing.steward-$CITY.svc.cluster.local" 9090
check "the city's routing reaches a county's routing (reports back)" expect_open "$CITY" steward-approval-routing "steward-approval-routing.steward-$COUNTY.svc.cluster.local" 9090
isolation() {
  # The other county's own services reach them, and the city's routing reaches the county's: what
  # is refused below exists and listens.
  expect_open "$OTHER_COUNTY" steward-approval-routing steward-postgres 5432 &&
    expect_open "$OTHER_COUNTY" steward-approval-routing steward-nats 4222 &&
    expect_open "$CITY" steward-approval-routing "steward-approval-routing.steward-$OTHER_COUNTY.svc.cluster.local" 9090 || return 1
  expect_blocked "$COUNTY" steward-approval-routing "steward-postgres.steward-$OTHER_COUNTY.svc.cluster.local" 5432 &&
    expect_blocked "$COUNTY" steward-approval-routing "steward-nats.steward-$OTHER_COUNTY.svc.cluster.local" 4222 &&
    expect_blocked "$COUNTY" steward-approval-routing "steward-approval-routing.steward-$OTHER_COUNTY.svc.cluster.local" 9090 &&
    expect_blocked "$COUNTY" steward-intake "steward-approval-routing.steward-$CITY.svc.cluster.local" 9090
}
check "NetworkPolicy (kube-router): a county's pods cannot reach another county's PostgreSQL, NATS or routing, and only routing reaches the city" isolation

privileged_refused() {
  local out
  out=$(kubectl -n "steward-$COUNTY" apply -f - 2>&1 <<YAML
apiVersion: v1
kind: Pod
metadata: {name: rehearsal-privileged}
spec:
  containers:
    - name: node
      image: localhost/steward/approval-routing:$TAG
      imagePullPolicy: Never
      securityContext: {privileged: true}
YAML
) && { echo "admitted: $out"; kubectl -n "steward-$COUNTY" delete pod rehearsal-privileged --wait=false; return 1; }
  echo "$out"
  echo "$out" | grep -q 'violates PodSecurity "restricted'
}
check "Pod Security: a privileged pod is refused in a Steward namespace" privileged_refused

# --- the walking skeleton against the cluster ---------------------------------------------------
phase "the walking skeleton"
targets() {
  local region service
  printf '{"county": "%s", "city": "%s", "services": {' "$COUNTY" "$CITY"
  for region in "$COUNTY" "$CITY"; do
    [ "$region" = "$COUNTY" ] || printf ','
    printf '"%s": {' "$region"
    for service in intake agreement approval-routing notification assessment; do
      [ "$service" = intake ] || printf ','
      local ip; ip=$(service_ip "$region" "steward-$service")
      printf '"%s": {"grpc": "%s:9090", "http": "%s:8080"}' "$service" "$ip" "$ip"
    done
    printf '}'
  done
  printf '}}\n'
}
targets >"$WORK/targets.json"
tap node --import tsx e2e/cluster/story.ts --targets "$WORK/targets.json" --secret "$AUTH_SECRET" --webhook "$NODE_IP:$WEBHOOK_PORT"

# --- upgrade, rollback and a lost pod, under load -----------------------------------------------
ROUTING="$(service_ip "$COUNTY" steward-approval-routing):9090"
secret_of() { kubectl -n "steward-$COUNTY" get secret "$1" -o jsonpath="{.data.$2}" | base64 -d; }
ROUTING_DB="postgres://$(secret_of steward-approval-routing-db-owner username):$(secret_of steward-approval-routing-db-owner password)@$(service_ip "$COUNTY" steward-postgres):5432/routing"
# drive name seconds — the rollout profile through routing's Service, in the background; its pid
# in $driver. (Started by this shell itself, not in a $(…) subshell, so `wait` can wait for it.)
# `seconds` is a bound: the load is ended (end_load) once what it is held for is over.
drive() {
  node --import tsx load-tests/driver/main.ts --profile rollout --duration-s "$2" --warmup 2 \
    --address "$ROUTING" --region "$COUNTY" --secret "$AUTH_SECRET" \
    --out "$WORK/$1.json" --acknowledged-out "$WORK/$1-acknowledged.json" >"$WORK/$1.log" 2>&1 &
  driver=$!
  # Until the measured scenario runs (warm-up done), bounded; then a few seconds of steady load.
  local i
  for ((i = 0; i < 120; i++)); do
    grep -q '] rollout/rollout:' "$WORK/$1.log" 2>/dev/null && break
    kill -0 "$driver" 2>/dev/null || break
    sleep 0.5
  done
  sleep 5
}
# Ends the load (the driver finishes the iterations in flight and writes its report) and waits for it.
end_load() {
  kill -USR2 "$driver" 2>/dev/null || true
  wait "$driver" || true # its verdict is read from its report
}
no_failed_calls() { # name
  node -e '
    const result = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const checkFails = Object.values(result.checks).reduce((n, c) => n + c.fails, 0);
    const calls = result.errors.reduce((n, e) => n + e.count, 0);
    console.log(`${result.execution.completed} iterations, ${result.throughput.rpcPerS} rpc/s over ${result.execution.elapsedS.toFixed(0)} s; ${calls} failed calls, ${checkFails} failed checks, ${result.execution.failed} iterations threw`);
    for (const e of result.errors) console.log(`  ${e.count} x ${e.method} ${e.code}: ${e.firstMessage}`);
    process.exit(calls === 0 && checkFails === 0 && result.execution.failed === 0 && result.execution.completed > 0 ? 0 : 1);' "$WORK/$1.json"
}
images_are() { # tag — every Deployment of the county runs it, and is fully available
  kubectl -n "steward-$COUNTY" get deployments -o jsonpath='{range .items[*]}{.metadata.name} {.spec.template.spec.containers[0].image} {.status.availableReplicas}/{.spec.replicas}{"\n"}{end}' | tee /dev/stderr |
    awk -v tag=":$1" '{ if (substr($2, length($2) - length(tag) + 1) != tag) bad = 1; split($3, r, "/"); if (r[1] != r[2]) bad = 1 } END { exit bad }'
}

phase "helm upgrade to a new image under load"
# (The new images were built with the first ones and are in the node already.)
drive upgrade 480
upgrade_started=$SECONDS
check "helm upgrade to image $NEW_TAG while the load runs (migration hooks, rolling update)" \
  helm upgrade steward charts/steward -n "steward-$COUNTY" --reuse-values --set-string image.tag="$NEW_TAG" --wait --timeout 10m
echo "upgrade took $((SECONDS - upgrade_started)) s" >>"$WORK/upgrade-timing.log"
check "every Deployment of $COUNTY runs $NEW_TAG, fully available" images_are "$NEW_TAG"
if kill -0 "$driver" 2>/dev/null; then
  pass "the upgrade finished while the load was still running ($((SECONDS - upgrade_started)) s)"
else
  fail "the load ended before the upgrade finished: lengthen the run" "$WORK/upgrade.log"
fi
# The new pods serve the load a little while before it ends.
sleep 10
end_load
check "0 failed calls through the gateway during the upgrade (graceful drain)" no_failed_calls upgrade
tap node --import tsx load-tests/driver/verify.ts --database-url "$ROUTING_DB" --region "$COUNTY" --acknowledged "$WORK/upgrade-acknowledged.json" --label "after the upgrade"

phase "helm rollback"
check "helm rollback to the first release" helm rollback steward 1 -n "steward-$COUNTY" --wait --timeout 10m
check "every Deployment of $COUNTY runs $TAG again, fully available" images_are "$TAG"

phase "a routing pod deleted mid-load"
drive lost-pod 300
victim=$(kubectl -n "steward-$COUNTY" get pods -l app.kubernetes.io/name=approval-routing -o jsonpath='{.items[0].metadata.name}')
check "deleted routing pod $victim mid-load (1 s grace: calls in flight are cut)" kubectl -n "steward-$COUNTY" delete pod "$victim" --grace-period=1 --wait=false
# The load goes on until the Deployment has replaced the pod, and a little while on two again.
routing_replaced() { # the deleted pod
  kubectl -n "steward-$COUNTY" wait --for=delete "pod/$1" --timeout=120s &&
    kubectl -n "steward-$COUNTY" rollout status deployment/steward-approval-routing --timeout=300s
}
check "routing is back to 2 ready replicas" routing_replaced "$victim"
sleep 10
end_load
tap node --import tsx load-tests/driver/verify.ts --database-url "$ROUTING_DB" --region "$COUNTY" --acknowledged "$WORK/lost-pod-acknowledged.json" --label "after the lost pod"
