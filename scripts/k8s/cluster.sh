#!/usr/bin/env bash
# A real single-node Kubernetes cluster on this machine, owned by this checkout (state under
# .data/k8s/cluster), reachable only from the machine: etcd, kube-apiserver, controller-manager,
# scheduler, containerd (its own instance), kubelet, kube-proxy, kube-router's network policy
# controller and CoreDNS, with pods on a bridge the cluster makes itself.
#   scripts/k8s/cluster.sh up [image…]  build what is missing (scripts/k8s/build.sh, scripts/images.sh) and
#                                    start, importing the cluster's images and these (built) in one go
#   scripts/k8s/cluster.sh load     import this checkout's images into the cluster's containerd
#   scripts/k8s/cluster.sh down     stop everything and remove every trace (mounts, bridge, rules, cgroups)
#   scripts/k8s/cluster.sh env      print KUBECONFIG and PATH for a shell
# One cluster per machine at a time (kube-proxy's rules are machine-wide): a second `up` waits.
source "$(dirname "$0")/../lib/env.sh"
source "$STEWARD_ROOT/scripts/k8s/tools.sh"
cd "$STEWARD_ROOT"

CLUSTER="$STEWARD_DATA/k8s/cluster"
PKI="$CLUSTER/pki"
LOGS="$CLUSTER/logs"
PIDS="$CLUSTER/pids"
export KUBECONFIG="$CLUSTER/kubeconfig/admin.conf"
MACHINE_LOCK=/run/lock/steward-k8s-cluster.lock

# Names, addresses and ports nothing else on a shared machine uses.
BRIDGE=stwk8s0
POD_CIDR=10.247.0.0/24
NODE_IP=10.247.0.1
SERVICE_CIDR=10.247.128.0/24
KUBERNETES_SERVICE_IP=10.247.128.1
DNS_SERVICE_IP=10.247.128.10
CGROUP_ROOT=steward-k8s
ETCD_PORT=27701
ETCD_PEER_PORT=27702
APISERVER_PORT=27743
KUBELET_PORT=27750
KUBELET_HEALTHZ_PORT=27748
CONTROLLER_MANAGER_PORT=27757
SCHEDULER_PORT=27759
PROXY_METRICS_PORT=27749
PROXY_HEALTHZ_PORT=27756
ROUTER_HEALTH_PORT=27758
APISERVER="https://$NODE_IP:$APISERVER_PORT"
CONTAINERD_SOCKET="$CLUSTER/containerd/containerd.sock"

running() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

start() { # name command… (in its own session, logging to logs/<name>.log)
  local name="$1"
  shift
  running "$name" && return
  setsid "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

wait_for() { # description seconds command…
  local description="$1" seconds="$2" i
  shift 2
  for ((i = 0; i < seconds * 2; i++)); do
    "$@" >/dev/null 2>&1 && return
    sleep 0.5
  done
  log "$description did not happen in $seconds s"
  return 1
}

ensure_packages() {
  local missing=() command package
  for pair in containerd:containerd runc:runc iptables:iptables ipset:ipset conntrack:conntrack openssl:openssl; do
    command="${pair%%:*}"; package="${pair#*:}"
    command -v "$command" >/dev/null 2>&1 || missing+=("$package")
  done
  [ -x /usr/lib/cni/bridge ] || missing+=(containernetworking-plugins)
  [ "${#missing[@]}" -eq 0 ] && return
  log "installing ${missing[*]} (Debian)"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >&2
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pki() {
  [ -f "$PKI/apiserver.crt" ] && return
  mkdir -p "$PKI"
  openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=steward-rehearsal-ca" \
    -keyout "$PKI/ca.key" -out "$PKI/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" -keyout "$PKI/apiserver.key" -out "$PKI/apiserver.csr" 2>/dev/null
  printf 'subjectAltName=IP:%s,IP:%s,IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local\n' \
    "$NODE_IP" "$KUBERNETES_SERVICE_IP" >"$PKI/apiserver.ext"
  openssl x509 -req -in "$PKI/apiserver.csr" -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -CAcreateserial -days 7 \
    -extfile "$PKI/apiserver.ext" -out "$PKI/apiserver.crt" 2>/dev/null
  openssl genrsa -out "$PKI/service-account.key" 2048 2>/dev/null
  openssl rsa -in "$PKI/service-account.key" -pubout -out "$PKI/service-account.pub" 2>/dev/null
  # Static tokens: one identity per component (RBAC's built-in roles for each), and the admin.
  : >"$PKI/tokens.csv"
  local user
  for user in admin:system:masters kubelet:system:nodes controller-manager: scheduler: kube-proxy: kube-router:system:masters; do
    local name="${user%%:*}" groups="${user#*:}" token identity
    token=$(openssl rand -hex 24)
    case "$name" in
      kubelet) identity="system:node:localhost" ;;
      controller-manager) identity="system:kube-controller-manager" ;;
      scheduler) identity="system:kube-scheduler" ;;
      kube-proxy) identity="system:kube-proxy" ;;
      *) identity="steward-$name" ;;
    esac
    echo "$token,$identity,$identity,\"$groups\"" >>"$PKI/tokens.csv"
    kubeconfig "$name" "$token"
  done
}

kubeconfig() { # name token
  mkdir -p "$CLUSTER/kubeconfig"
  cat >"$CLUSTER/kubeconfig/$1.conf" <<YAML
apiVersion: v1
kind: Config
clusters:
  - name: steward-rehearsal
    cluster:
      server: $APISERVER
      certificate-authority: $PKI/ca.crt
users:
  - name: $1
    user:
      token: $2
contexts:
  - name: steward-rehearsal
    context: {cluster: steward-rehearsal, user: $1}
current-context: steward-rehearsal
YAML
}

network() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$NODE_IP/24" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  mkdir -p "$CLUSTER/cni/net.d" "$CLUSTER/cni/ipam"
  cat >"$CLUSTER/cni/net.d/10-steward.conflist" <<JSON
{
  "cniVersion": "0.4.0",
  "name": "steward-rehearsal",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$BRIDGE",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "dataDir": "$CLUSTER/cni/ipam",
        "ranges": [[{ "subnet": "$POD_CIDR", "rangeStart": "10.247.0.10", "gateway": "$NODE_IP" }]],
        "routes": [{ "dst": "0.0.0.0/0" }]
      }
    },
    { "type": "loopback" }
  ]
}
JSON
}

control_plane() {
  mkdir -p "$CLUSTER/etcd"
  start etcd etcd --name steward --data-dir "$CLUSTER/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "steward=http://127.0.0.1:$ETCD_PEER_PORT" --log-level warn
  wait_for "etcd" 60 etcdctl_health
  start kube-apiserver kube-apiserver --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address "$NODE_IP" --advertise-address "$NODE_IP" --secure-port "$APISERVER_PORT" \
    --tls-cert-file "$PKI/apiserver.crt" --tls-private-key-file "$PKI/apiserver.key" \
    --token-auth-file "$PKI/tokens.csv" --authorization-mode Node,RBAC \
    --service-cluster-ip-range "$SERVICE_CIDR" --allow-privileged=true \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$PKI/service-account.pub" --service-account-signing-key-file "$PKI/service-account.key" \
    --kubelet-preferred-address-types Hostname --enable-admission-plugins NodeRestriction \
    --cert-dir "$PKI/apiserver" --profiling=false --v=1
  wait_for "kube-apiserver /readyz" 120 kubectl get --raw /readyz
  start kube-controller-manager kube-controller-manager --kubeconfig "$CLUSTER/kubeconfig/controller-manager.conf" \
    --bind-address 127.0.0.1 --secure-port "$CONTROLLER_MANAGER_PORT" --cert-dir "$PKI/controller-manager" --leader-elect=false \
    --service-account-private-key-file "$PKI/service-account.key" --root-ca-file "$PKI/ca.crt" \
    --use-service-account-credentials=true --allocate-node-cidrs=true --cluster-cidr "$POD_CIDR" \
    --node-cidr-mask-size 24 --v=1
  start kube-scheduler kube-scheduler --kubeconfig "$CLUSTER/kubeconfig/scheduler.conf" \
    --bind-address 127.0.0.1 --secure-port "$SCHEDULER_PORT" --cert-dir "$PKI/scheduler" --leader-elect=false --v=1
}

etcdctl_health() { curl -fsS "http://127.0.0.1:$ETCD_PORT/health" | grep -q '"health":"true"'; }

containerd_up() {
  mkdir -p "$CLUSTER/containerd"
  cat >"$CLUSTER/containerd/config.toml" <<TOML
version = 2
root = "$CLUSTER/containerd/root"
state = "$CLUSTER/containerd/state"
[grpc]
  address = "$CONTAINERD_SOCKET"
[ttrpc]
  address = "$CONTAINERD_SOCKET.ttrpc"
[metrics]
  address = ""
[plugins."io.containerd.internal.v1.opt"]
  path = "$CLUSTER/containerd/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "localhost/steward/pause:$KUBERNETES_VERSION"
  # Raising a container's oom_score_adj needs CAP_SYS_RESOURCE, which this machine does not give.
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$CLUSTER/cni/net.d"
TOML
  start containerd containerd --config "$CLUSTER/containerd/config.toml"
  wait_for "containerd" 60 ctr -a "$CONTAINERD_SOCKET" version
}

load_images() {
  local started=$SECONDS
  # Streamed from podman's store into containerd's: no archive on disk in between.
  bash scripts/images.sh save - "$@" | ctr -a "$CONTAINERD_SOCKET" -n k8s.io images import --no-unpack=false - >/dev/null
  log "k8s: $# images imported into the cluster's containerd in $((SECONDS - started)) s"
}

cgroups() { # create | remove
  local controller
  for controller in /sys/fs/cgroup/*/; do
    [ "$(basename "$controller")" = unified ] && continue
    if [ "$1" = create ]; then
      mkdir -p "$controller$CGROUP_ROOT" 2>/dev/null || true
      # A new cpuset starts with no CPUs and no memory nodes: give it the machine's.
      if [ -f "${controller}cpuset.cpus" ] && [ -z "$(cat "$controller$CGROUP_ROOT/cpuset.cpus" 2>/dev/null)" ]; then
        cat "${controller}cpuset.cpus" >"$controller$CGROUP_ROOT/cpuset.cpus"
        cat "${controller}cpuset.mems" >"$controller$CGROUP_ROOT/cpuset.mems"
      fi
    else find "$controller$CGROUP_ROOT" -depth -type d -exec rmdir {} + 2>/dev/null || true
    fi
  done
}

node() {
  cgroups create
  mkdir -p "$CLUSTER/kubelet/root"
  cat >"$CLUSTER/kubelet/config.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: 127.0.0.1
port: $KUBELET_PORT
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: $KUBELET_HEALTHZ_PORT
# Reached only from this machine (apiserver -> localhost) for logs and exec.
authentication:
  anonymous: {enabled: true}
  webhook: {enabled: false}
authorization: {mode: AlwaysAllow}
cgroupDriver: cgroupfs
cgroupRoot: /$CGROUP_ROOT
# The machine mounts cgroup v1 and v2 side by side.
failCgroupV1: false
failSwapOn: false
containerRuntimeEndpoint: unix://$CONTAINERD_SOCKET
clusterDNS: [$DNS_SERVICE_IP]
clusterDomain: cluster.local
resolvConf: /etc/resolv.conf
serializeImagePulls: false
# A shared development machine: evict only when truly out of room, never collect our images.
evictionHard: {memory.available: 200Mi, nodefs.available: 2%, imagefs.available: 2%}
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
YAML
  start kubelet kubelet --config "$CLUSTER/kubelet/config.yaml" --kubeconfig "$CLUSTER/kubeconfig/kubelet.conf" \
    --root-dir "$CLUSTER/kubelet/root" --cert-dir "$CLUSTER/kubelet/pki" \
    --hostname-override localhost --node-ip "$NODE_IP" --v=1
  start kube-proxy kube-proxy --kubeconfig "$CLUSTER/kubeconfig/kube-proxy.conf" --hostname-override localhost \
    --proxy-mode iptables --cluster-cidr "$POD_CIDR" --iptables-localhost-nodeports=false \
    --nodeport-addresses "$NODE_IP/32" --conntrack-max-per-core 0 \
    --metrics-bind-address "127.0.0.1:$PROXY_METRICS_PORT" --healthz-bind-address "127.0.0.1:$PROXY_HEALTHZ_PORT" --v=1
  wait_for "node localhost Ready" 180 node_ready
  # kube-router's network policy controller alone: pod routing stays with the bridge, services with
  # kube-proxy. It looks its node up at start, so it starts once the kubelet has registered it.
  start kube-router kube-router --kubeconfig "$CLUSTER/kubeconfig/kube-router.conf" --hostname-override localhost \
    --run-router=false --run-service-proxy=false --run-firewall=true --metrics-port 0 \
    --health-port "$ROUTER_HEALTH_PORT" --v=1
  wait_for "kube-router's network policy controller" 60 router_healthy
}

router_healthy() { running kube-router && curl -fsS "http://127.0.0.1:$ROUTER_HEALTH_PORT/healthz" >/dev/null; }

no_pods() { [ -z "$(kubectl get pods -A --no-headers 2>/dev/null)" ]; }

node_ready() { [ "$(kubectl get node localhost -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null)" = True ]; }

addons() {
  sed -e "s/@DNS_SERVICE_IP@/$DNS_SERVICE_IP/g" -e "s/@COREDNS_VERSION@/$COREDNS_VERSION/g" scripts/k8s/cluster/coredns.yaml | kubectl apply -f - >/dev/null
  if ! kubectl -n kube-system rollout status deployment/coredns --timeout=300s >/dev/null; then
    log "k8s: CoreDNS did not roll out"
    kubectl -n kube-system get deployments,replicasets,pods -o wide >&2 || true
    kubectl -n kube-system get events --sort-by=.lastTimestamp 2>/dev/null | tail -n 15 >&2 || true
    return 1
  fi
}

up() {
  ensure_packages
  bash scripts/k8s/build.sh cluster
  bash scripts/images.sh build cluster
  mkdir -p "$CLUSTER" "$LOGS" "$PIDS"
  exec 8>"$MACHINE_LOCK"
  if ! flock -n 8; then
    log "k8s: another checkout's cluster is running on this machine; waiting for it to go"
    flock 8
  fi
  echo "$STEWARD_ROOT" >"$CLUSTER/owner"
  local port
  if ! running kube-apiserver; then
    for port in $ETCD_PORT $ETCD_PEER_PORT $KUBELET_PORT $KUBELET_HEALTHZ_PORT $CONTROLLER_MANAGER_PORT $SCHEDULER_PORT $PROXY_METRICS_PORT $PROXY_HEALTHZ_PORT $ROUTER_HEALTH_PORT; do
      port_free "$port" || { log "k8s: port $port is taken; is a cluster of another checkout up?"; exit 1; }
    done
  fi
  local started=$SECONDS
  pki
  network
  control_plane
  containerd_up
  local cluster_images
  mapfile -t cluster_images < <(bash scripts/images.sh list | grep -E '/(pause|coredns):')
  load_images "${cluster_images[@]}" "$@"
  node
  addons
  log "k8s: cluster up in $((SECONDS - started)) s (KUBECONFIG=$KUBECONFIG)"
}

stop_process() { # name [seconds]
  local pid
  [ -f "$PIDS/$1.pid" ] || return 0
  pid=$(cat "$PIDS/$1.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < ${2:-20} * 4; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDS/$1.pid"
}

down() {
  [ -d "$CLUSTER" ] || return 0
  log "k8s: stopping the cluster"
  local stopping=$SECONDS
  if running kube-apiserver && running kubelet; then
    # Pods stop the way Kubernetes stops them (the kubelet removes their sandboxes and addresses),
    # without their drain: nothing is served any more. The namespaces go first, so no controller
    # makes a pod again; then every pod is given one second.
    kubectl delete namespace -l app.kubernetes.io/part-of=steward --wait=false >/dev/null 2>&1 || true
    kubectl -n kube-system delete deployment coredns --wait=false >/dev/null 2>&1 || true
    kubectl delete pods --all-namespaces --all --grace-period=1 --wait=false >/dev/null 2>&1 || true
    wait_for "every pod gone" 60 no_pods || true
    log "k8s: pods stopped in $((SECONDS - stopping)) s"
  fi
  stop_process kube-router
  stop_process kubelet
  if running containerd; then
    local id
    for id in $(ctr -a "$CONTAINERD_SOCKET" -n k8s.io tasks list -q 2>/dev/null); do
      ctr -a "$CONTAINERD_SOCKET" -n k8s.io tasks kill -s SIGKILL "$id" >/dev/null 2>&1 || true
    done
    sleep 1
    for id in $(ctr -a "$CONTAINERD_SOCKET" -n k8s.io tasks list -q 2>/dev/null); do
      ctr -a "$CONTAINERD_SOCKET" -n k8s.io tasks delete -f "$id" >/dev/null 2>&1 || true
    done
  fi
  stop_process containerd
  # Shims started by this containerd carry its socket path on their command line; none survives it.
  local pid
  for pid in $(pgrep -f -- "-address $CONTAINERD_SOCKET" || true); do kill -KILL "$pid" 2>/dev/null || true; done
  stop_process kube-proxy
  for name in kube-scheduler kube-controller-manager kube-apiserver etcd; do stop_process "$name"; done
  # kube-proxy's and kube-router's rules, then the mounts, the bridge, the addresses and the cgroups.
  kube-proxy --cleanup --proxy-mode iptables >/dev/null 2>&1 || true
  kube-router --cleanup-config >/dev/null 2>&1 || true
  local mount
  for mount in $(awk -v root="$CLUSTER" 'index($2, root) == 1 { print $2 }' /proc/mounts | sort -r); do
    umount -l "$mount" 2>/dev/null || true
  done
  # Pod network namespaces the runtime could not remove: CRI names them cni-*; ours hold an address of the pod range.
  local netns
  for netns in $(ip netns list 2>/dev/null | awk '$1 ~ /^cni-/ { print $1 }'); do
    if ip netns exec "$netns" ip -4 -o addr show 2>/dev/null | grep -q " ${POD_CIDR%.*}\."; then ip netns delete "$netns" 2>/dev/null || true; fi
  done
  ip link show "$BRIDGE" >/dev/null 2>&1 && ip link delete "$BRIDGE"
  cgroups remove
  rm -rf "$CLUSTER/cni/ipam" "$CLUSTER/containerd/state"
  rm -f "$CLUSTER/owner"
  log "k8s: cluster stopped in $((SECONDS - stopping)) s; nothing of it is left running"
}

case "${1:-up}" in
  up) shift; up "$@" ;;
  load) shift; load_images "$@" ;;
  down) down ;;
  env) printf 'export KUBECONFIG=%q\nexport PATH=%q\n' "$KUBECONFIG" "$PATH" ;;
  *) log "usage: scripts/k8s/cluster.sh up|load|down|env"; exit 2 ;;
esac
