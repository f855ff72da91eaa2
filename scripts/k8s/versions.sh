# shellcheck shell=bash
# Pinned versions of everything the Kubernetes tiers build or install (scripts/k8s/build.sh).
# Each tool is cached under .tools/k8s/<name>-<version>/; changing a version here rebuilds it.
KUBERNETES_VERSION=v1.37.2 # kube-apiserver, -controller-manager, -scheduler, kubelet, kube-proxy, kubectl
ETCD_VERSION=v3.7.3
COREDNS_VERSION=v1.15.0    # cluster DNS, so services find NATS, Postgres and each other by Service name
KUBE_ROUTER_VERSION=v2.1.0 # its network policy controller only: enforces NetworkPolicy on the bridge network
HELM_VERSION=v3.22.0
HELM_UNITTEST_VERSION=v1.1.2
KUBECONFORM_VERSION=v0.8.0
