#!/usr/bin/env bash
# Builds the example department adapters (clients/go, clients/java) into .tools/clients/, Go and
# Java side by side, with the caches of scripts/lib/clients.sh under .tools/:
#   .tools/clients/department-adapter-go     the Go adapter
#   .tools/clients/department-adapter-java   a launcher of the Java adapter (java -cp ...)
# Both take the same arguments (`watch ...`, `decide ...`; see clients/go/cmd/department-adapter).
#   scripts/clients.sh build
source "$(dirname "$0")/lib/env.sh"
source "$(dirname "$0")/lib/clients.sh"
cd "$STEWARD_ROOT"

out="$STEWARD_TOOLS/clients"

build_go() {
  use_go_caches
  local unformatted
  unformatted="$(cd clients/go && gofmt -l adapter cmd)"
  [ -z "$unformatted" ] || { log "gofmt: $unformatted"; exit 1; }
  (cd clients/go && go build -trimpath -o "$out/department-adapter-go" ./cmd/department-adapter)
}

build_java() {
  local stamp
  # Maven takes seconds even with nothing to do: skip it when nothing it reads has changed.
  stamp="$(find clients/java/pom.xml clients/java/src -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
  if [ -x "$out/department-adapter-java" ] && [ -d clients/java/target/lib ] && [ "$(cat "$out/.java" 2>/dev/null)" = "$stamp" ]; then
    return
  fi
  # The goals themselves, not the lifecycle: the compiler and the dependency plugin are all it downloads.
  maven -f clients/java/pom.xml compiler:compile dependency:copy-dependencies@runtime
  cat >"$out/department-adapter-java" <<LAUNCHER
#!/usr/bin/env bash
exec java -cp "$STEWARD_ROOT/clients/java/target/classes:$STEWARD_ROOT/clients/java/target/lib/*" gov.steward.adapter.DepartmentAdapter "\$@"
LAUNCHER
  chmod +x "$out/department-adapter-java"
  echo "$stamp" >"$out/.java"
}

case "${1:-build}" in
  build)
    mkdir -p "$out"
    log "building the Go and Java department adapters into .tools/clients"
    build_go &
    go_build=$!
    build_java
    wait "$go_build"
    log "department adapters built" ;;
  *) echo "usage: $0 build" >&2; exit 2 ;;
esac
