# shellcheck shell=bash
# Where scripts/k8s/build.sh puts each tool, and PATH with them first. Sourced after lib/env.sh.
source "$STEWARD_ROOT/scripts/k8s/versions.sh"
K8S_TOOLS="$STEWARD_TOOLS/k8s"
KUBERNETES_DIR="$K8S_TOOLS/kubernetes-$KUBERNETES_VERSION"
ETCD_DIR="$K8S_TOOLS/etcd-$ETCD_VERSION"
COREDNS_DIR="$K8S_TOOLS/coredns-$COREDNS_VERSION"
KUBE_ROUTER_DIR="$K8S_TOOLS/kube-router-$KUBE_ROUTER_VERSION"
HELM_DIR="$K8S_TOOLS/helm-$HELM_VERSION"
HELM_UNITTEST_DIR="$K8S_TOOLS/helm-unittest-$HELM_UNITTEST_VERSION"
KUBECONFORM_DIR="$K8S_TOOLS/kubeconform-$KUBECONFORM_VERSION"
PAUSE_DIR="$K8S_TOOLS/pause-$KUBERNETES_VERSION"
# Helm's plugins, cache and config belong to this checkout, not to the machine's user.
export HELM_PLUGINS="$K8S_TOOLS/helm-home/plugins"
export HELM_CACHE_HOME="$K8S_TOOLS/helm-home/cache"
export HELM_CONFIG_HOME="$K8S_TOOLS/helm-home/config"
export HELM_DATA_HOME="$K8S_TOOLS/helm-home/data"
export PATH="$HELM_DIR/bin:$KUBECONFORM_DIR/bin:$KUBERNETES_DIR/bin:$ETCD_DIR/bin:$COREDNS_DIR/bin:$KUBE_ROUTER_DIR/bin:$PATH"
