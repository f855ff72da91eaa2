#!/usr/bin/env bash
# Builds the Kubernetes tools at the versions pinned in scripts/k8s/versions.sh, each once, into
# .tools/k8s/<name>-<version>/bin (a stamp records what it was built from, so a changed version or
# module rebuilds it). Go's module and build caches are Go's own (GOMODCACHE, GOCACHE): a second
# checkout on the same machine builds in a minute or two; a fresh machine builds everything.
#   scripts/k8s/build.sh fast      helm, the helm-unittest plugin, kubeconform (the offline tiers)
#   scripts/k8s/build.sh cluster   fast + Kubernetes, etcd, CoreDNS, kube-router, the pause binary
# Prints nothing but progress on stderr; `source scripts/k8s/tools.sh` puts the results on PATH.
source "$(dirname "$0")/../lib/env.sh"
source "$STEWARD_ROOT/scripts/k8s/versions.sh"
source "$STEWARD_ROOT/scripts/k8s/tools.sh"

MODULES="$STEWARD_ROOT/scripts/k8s/modules"
GO_BUILD_FLAGS=(-trimpath -p 2)

command -v go >/dev/null 2>&1 || { log "Go is needed to build the Kubernetes tools"; exit 1; }
mkdir -p "$K8S_TOOLS"

stamp_of() { printf '%s\n' "$@" | sha256sum | cut -c1-16; }
built() { [ -f "$1/.stamp" ] && [ "$(cat "$1/.stamp")" = "$2" ]; }
# One build of a tool at a time: a second caller waits on that tool's lock, then finds it built.
# (A lock per tool, so the offline tiers never wait for the cluster's long build.)
lock() { exec {lock_fd}>"$1.lock"; flock "$lock_fd"; }
unlock() { flock -u "$lock_fd"; }
timed() { # label command...
  local start=$SECONDS
  "${@:2}"
  log "$1 built in $((SECONDS - start)) s"
}

# go install of a module without replace directives.
install_module() { # dir module@version [ldflags]
  local dir="$1" module="$2" ldflags="${3:-}" stamp
  stamp=$(stamp_of "$module" "$ldflags")
  built "$dir" "$stamp" && return
  lock "$dir"
  built "$dir" "$stamp" && { unlock; return; }
  log "building $module"
  rm -rf "$dir" && mkdir -p "$dir/bin"
  timed "$module" env GOBIN="$dir/bin" GOFLAGS=-mod=mod go install "${GO_BUILD_FLAGS[@]}" -ldflags "-s -w $ldflags" "$module" >&2
  echo "$stamp" >"$dir/.stamp"
  unlock
}

# go build inside one of the wrapper modules in scripts/k8s/modules (for modules go install refuses).
build_wrapped() { # dir module-name ldflags package...
  local dir="$1" name="$2" ldflags="$3" stamp src
  shift 3
  stamp=$(stamp_of "$(cat "$MODULES/$name"/*)" "$ldflags" "$@")
  built "$dir" "$stamp" && return
  lock "$dir"
  built "$dir" "$stamp" && { unlock; return; }
  log "building $name ($*)"
  src="$K8S_TOOLS/src/$name"
  rm -rf "$dir" "$src" && mkdir -p "$dir/bin" "$src"
  cp "$MODULES/$name"/* "$src/"
  (cd "$src" && timed "$name" env GOFLAGS=-mod=readonly go build "${GO_BUILD_FLAGS[@]}" -ldflags "-s -w $ldflags" -o "$dir/bin/" "$@" >&2)
  echo "$stamp" >"$dir/.stamp"
  unlock
}

build_fast() {
  pinned helm-unittest github.com/helm-unittest/helm-unittest "$HELM_UNITTEST_VERSION"
  local helm_ldflags="-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
  install_module "$HELM_DIR" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" "$helm_ldflags"
  install_module "$KUBECONFORM_DIR" "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION"
  build_wrapped "$HELM_UNITTEST_DIR" helm-unittest "" github.com/helm-unittest/helm-unittest/cmd/helm-unittest
  # Installed as a plugin by hand: its own plugin.yaml would run an installer that downloads.
  mkdir -p "$HELM_PLUGINS/unittest"
  cp "$HELM_UNITTEST_DIR/bin/helm-unittest" "$HELM_PLUGINS/unittest/untt"
  cat >"$HELM_PLUGINS/unittest/plugin.yaml" <<YAML
name: "unittest"
version: "${HELM_UNITTEST_VERSION#v}"
usage: "unittest for helm charts"
description: "helm-unittest $HELM_UNITTEST_VERSION, built by scripts/k8s/build.sh"
ignoreFlags: false
command: "\$HELM_PLUGIN_DIR/untt"
YAML
}

# The wrapper modules name their versions in go.mod; versions.sh is the one place they are read from.
pinned() { # module-name module version
  grep -qE "^(require )?[[:space:]]*$2 $3\b" "$MODULES/$1/go.mod" ||
    { log "scripts/k8s/modules/$1/go.mod does not require $2 $3 (scripts/k8s/versions.sh); update it"; exit 1; }
}

build_cluster() {
  pinned kubernetes k8s.io/kubernetes "$KUBERNETES_VERSION"
  pinned etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION"
  pinned coredns github.com/coredns/coredns "$COREDNS_VERSION"
  local version="k8s.io/component-base/version" major minor
  major=$(echo "${KUBERNETES_VERSION#v}" | cut -d. -f1)
  minor=$(echo "${KUBERNETES_VERSION#v}" | cut -d. -f2)
  local k8s_ldflags="-X $version.gitVersion=$KUBERNETES_VERSION -X $version.gitMajor=$major -X $version.gitMinor=$minor -X $version.gitTreeState=clean"
  k8s_ldflags="$k8s_ldflags -X k8s.io/client-go/pkg/version.gitVersion=$KUBERNETES_VERSION -X k8s.io/client-go/pkg/version.gitMajor=$major -X k8s.io/client-go/pkg/version.gitMinor=$minor"
  build_wrapped "$KUBERNETES_DIR" kubernetes "$k8s_ldflags" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubelet \
    k8s.io/kubernetes/cmd/kube-proxy k8s.io/kubernetes/cmd/kubectl
  build_wrapped "$ETCD_DIR" etcd "" .
  build_wrapped "$COREDNS_DIR" coredns "" .
  install_module "$KUBE_ROUTER_DIR" "github.com/cloudnativelabs/kube-router/v2/cmd/kube-router@$KUBE_ROUTER_VERSION"
  build_pause
}

# The pod sandbox's pause process cannot be pulled without a registry: it is built from the C
# source in the Kubernetes module, statically linked, for a FROM scratch image.
build_pause() {
  local stamp source
  stamp=$(stamp_of "$KUBERNETES_VERSION" pause)
  built "$PAUSE_DIR" "$stamp" && return
  source="$(cd "$K8S_TOOLS/src/kubernetes" && GOFLAGS=-mod=readonly go list -m -f '{{.Dir}}' k8s.io/kubernetes)/build/pause/linux/pause.c"
  rm -rf "$PAUSE_DIR" && mkdir -p "$PAUSE_DIR/bin"
  gcc -Os -static -Wall -Werror -DVERSION="\"$KUBERNETES_VERSION-steward\"" -o "$PAUSE_DIR/bin/pause" "$source"
  echo "$stamp" >"$PAUSE_DIR/.stamp"
}

case "${1:-cluster}" in
  fast) build_fast ;;
  cluster) build_fast; build_cluster ;;
  *) log "usage: scripts/k8s/build.sh fast|cluster"; exit 2 ;;
esac
