#!/usr/bin/env bash
# Kubernetes: the chart's offline tiers, a single-node cluster on this machine, and the rehearsal.
#   scripts/k8s.sh fast        helm lint, helm template for all 13 regions, kubeconform, helm-unittest
#   scripts/k8s.sh rehearse    build, start the cluster, install city + two counties, prove, tear down
#   scripts/k8s.sh up | down   the cluster alone (scripts/k8s/cluster.sh)
#   scripts/k8s.sh kubectl …   kubectl against it
# Everything is built at the versions in scripts/k8s/versions.sh and cached under .tools/k8s.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
  fast) exec bash "$here/k8s/fast.sh" "$@" ;;
  rehearse) exec bash "$here/k8s/rehearse.sh" "$@" ;;
  up | down | load | env) exec bash "$here/k8s/cluster.sh" "$command" "$@" ;;
  kubectl) eval "$(bash "$here/k8s/cluster.sh" env)"; exec kubectl "$@" ;;
  *) echo "usage: scripts/k8s.sh fast|rehearse|up|down|load|env|kubectl …" >&2; exit 2 ;;
esac
