# shellcheck shell=bash
# The department clients' tool chain (Go and Java), sourced after env.sh by proto-gen.sh and
# clients.sh. Everything it downloads or builds stays under .tools/, at the pinned versions below
# (the Java ones are in clients/java/pom.xml), so a clean clone builds the same code.

PROTOC_GEN_GO=google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
PROTOC_GEN_GO_GRPC=google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.2

# Go's module and build caches under .tools/go, writable so `rm -rf` of a checkout just works.
use_go_caches() {
  command -v go >/dev/null 2>&1 || { log "Go 1.26 or later is needed for the Go department client (grpc-go 1.85 requires it)"; exit 1; }
  export GOMODCACHE="$STEWARD_TOOLS/go/mod" GOCACHE="$STEWARD_TOOLS/go/cache" GOFLAGS="-modcacherw" GOTOOLCHAIN=local
}

# Maven with its repository under .tools/m2, quiet and non-interactive.
maven() {
  command -v mvn >/dev/null 2>&1 || { log "Maven is needed for the Java department client"; exit 1; }
  mvn -B -q -Dmaven.repo.local="$STEWARD_TOOLS/m2" "$@"
}

# The classifier Maven Central publishes protoc and grpc-java's plugin under for this machine.
maven_platform() {
  local arch
  case "$(uname -m)" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch_64 ;;
    *) log "no protoc build for $(uname -m)"; exit 1 ;;
  esac
  echo "$(uname -s | tr '[:upper:]' '[:lower:]')-$arch"
}

# protoc-gen-go and protoc-gen-go-grpc (go install), protoc and protoc-gen-grpc-java (Maven
# Central): what buf.gen.clients.yaml runs. Go and Maven download side by side.
ensure_client_generators() {
  use_go_caches
  ensure_go_tool protoc-gen-go "$PROTOC_GEN_GO" &
  local go_tools=$!
  local dir="$STEWARD_TOOLS/java-protoc" pom="$STEWARD_ROOT/clients/java/pom.xml" stamp
  stamp="$(grep -E '<(protobuf|grpc\.plugin)\.version>' "$pom" | sha256sum | cut -c1-16)"
  if [ ! -x "$dir/protoc" ] || [ ! -x "$dir/protoc-gen-grpc-java" ] || [ "$(cat "$dir/.pom" 2>/dev/null)" != "$stamp" ]; then
    log "fetching protoc and protoc-gen-grpc-java from Maven Central (first run only)"
    maven -f "$pom" -Dsteward.platform="$(maven_platform)" dependency:copy@protoc
    chmod +x "$dir/protoc" "$dir/protoc-gen-grpc-java"
    echo "$stamp" >"$dir/.pom"
  fi
  wait "$go_tools"
  # One `go install` at a time into one module cache keeps its downloads from racing.
  ensure_go_tool protoc-gen-go-grpc "$PROTOC_GEN_GO_GRPC"
}
