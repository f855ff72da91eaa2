#!/usr/bin/env bash
# The local infrastructure: a PostgreSQL 15 cluster and a NATS JetStream server, both owned by
# this checkout (data under .data/), listening on loopback only. Idempotent.
#   scripts/stack.sh up      start both (installing nats-server where missing)
#   scripts/stack.sh down    stop both
#   scripts/stack.sh status
#   scripts/stack.sh env     print the connection variables
#   scripts/stack.sh restart-postgres-immediate   crash-restart Postgres (every backend killed,
#                                                 recovery from the WAL), for the fault suite
#   scripts/stack.sh kill-nats                    SIGKILL nats-server (`up` starts it again)
# STEWARD_DATA moves the whole stack (the fault suite runs its own under .data/faults).
source "$(dirname "$0")/lib/env.sh"
source "$STEWARD_ROOT/scripts/lib/ports.sh"

PG_DATA="$STEWARD_DATA/pg"
NATS_DATA="$STEWARD_DATA/nats"
PG_USER=steward

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  log "PostgreSQL server binaries not found; installing postgresql-15"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
  echo /usr/lib/postgresql/15/bin
}

# PostgreSQL refuses to run as root: as root, run it as the machine's postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}


# The stack's ports: the STEWARD_*_PORT variables when set, else what this data folder recorded
# when its stack was first made (.data/stack.env), else the defaults when free, else free ports
# near them, so two checkouts on one machine each run a stack of their own side by side.
STACK_ENV="$STEWARD_DATA/stack.env"
resolve_ports() {
  if [ -f "$STACK_ENV" ]; then
    # shellcheck disable=SC1090
    source "$STACK_ENV"
  fi
  PG_PORT="${STEWARD_PG_PORT:-${PG_PORT:-}}"
  NATS_PORT="${STEWARD_NATS_PORT:-${NATS_PORT:-}}"
  NATS_MONITOR_PORT="${STEWARD_NATS_MONITOR_PORT:-${NATS_MONITOR_PORT:-}}"
  [ -n "$PG_PORT" ] && [ -n "$NATS_PORT" ] && [ -n "$NATS_MONITOR_PORT" ] && return
  if [ "${1:-}" != up ] || [ -f "$PG_DATA/PG_VERSION" ]; then
    # Not starting, or a stack made before ports were recorded: the ports it was made with.
    PG_PORT="${PG_PORT:-$(sed -n 's/^port = \([0-9]*\).*/\1/p' "$PG_DATA/postgresql.conf" 2>/dev/null | tail -1)}"
    PG_PORT="${PG_PORT:-55432}"; NATS_PORT="${NATS_PORT:-54222}"; NATS_MONITOR_PORT="${NATS_MONITOR_PORT:-58222}"
    [ "${1:-}" = up ] || return 0
  fi
  PG_PORT="${PG_PORT:-$(free_port_from 55432)}"
  NATS_PORT="${NATS_PORT:-$(free_port_from 54222)}"
  NATS_MONITOR_PORT="${NATS_MONITOR_PORT:-$(free_port_from 58222)}"
  mkdir -p "$STEWARD_DATA"
  printf 'PG_PORT=%s\nNATS_PORT=%s\nNATS_MONITOR_PORT=%s\n' "$PG_PORT" "$NATS_PORT" "$NATS_MONITOR_PORT" >"$STACK_ENV"
}
resolve_ports "${1:-up}"

# A recorded port another server took while this stack was down (another checkout's stack started
# meanwhile) is given up for a free one, recorded again; a port set in the environment is kept
# and its conflict reported.
claim_port() {
  local name=$1 variable=$2
  port_busy "${!variable}" || return 0
  if [ -n "$(printenv "STEWARD_$variable" || true)" ]; then
    log "port ${!variable} is taken by another server; stop it or set STEWARD_$variable to another"; exit 1
  fi
  local previous=${!variable}
  printf -v "$variable" '%s' "$(free_port_from "$previous")"
  log "port $previous ($name) is taken by another server; this stack moves to ${!variable}"
  printf 'PG_PORT=%s\nNATS_PORT=%s\nNATS_MONITOR_PORT=%s\n' "$PG_PORT" "$NATS_PORT" "$NATS_MONITOR_PORT" >"$STACK_ENV"
}

pg_up() {
  local bin; bin=$(pg_bin)
  mkdir -p "$STEWARD_DATA"
  if [ "$(id -u)" = 0 ]; then
    chmod o+x "$STEWARD_DATA"
    # Every folder above the data folder must be traversable by the postgres user.
    local d="$STEWARD_DATA"; while [ "$d" != / ]; do d=$(dirname "$d"); chmod o+x "$d" 2>/dev/null || true; done
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster in $PG_DATA"
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_DATA"
    as_pg "$bin/initdb" -D "$PG_DATA" -U "$PG_USER" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA'
max_connections = 400
shared_buffers = 256MB
fsync = on
synchronous_commit = on
log_min_messages = warning
CONF
  fi
  if as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    return
  fi
  claim_port PostgreSQL PG_PORT
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -o "-p $PG_PORT" -w -t 60 start >/dev/null
}

pg_down() {
  local bin; bin=$(pg_bin)
  [ -f "$PG_DATA/PG_VERSION" ] || return 0
  as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
}

nats_running() {
  [ -f "$NATS_DATA/nats.pid" ] && kill -0 "$(cat "$NATS_DATA/nats.pid")" 2>/dev/null
}

NATS_CONFIG="$STEWARD_ROOT/deploy/nats/nats-server.conf"
# What the running server was started as: restarted when the pinned version or the config change.
nats_identity() { echo "$NATS_SERVER_VERSION $(cksum <"$NATS_CONFIG")"; }

nats_up() {
  ensure_go_tool nats-server "github.com/nats-io/nats-server/v2@$NATS_SERVER_VERSION"
  if nats_running; then
    [ "$(cat "$NATS_DATA/identity" 2>/dev/null)" = "$(nats_identity)" ] && return
    log "restarting NATS: the pinned version or deploy/nats/nats-server.conf changed"
    nats_down
  fi
  claim_port NATS NATS_PORT
  claim_port "NATS monitoring" NATS_MONITOR_PORT
  mkdir -p "$NATS_DATA"
  log "starting NATS JetStream on 127.0.0.1:$NATS_PORT (monitor $NATS_MONITOR_PORT)"
  nats_identity >"$NATS_DATA/identity"
  nohup nats-server -c "$NATS_CONFIG" -a 127.0.0.1 -p "$NATS_PORT" -m "$NATS_MONITOR_PORT" -js -sd "$NATS_DATA" \
    -P "$NATS_DATA/nats.pid" -l "$NATS_DATA/nats.log" >/dev/null 2>&1 &
  local i
  for i in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$NATS_MONITOR_PORT/healthz?js-enabled-only=true" >/dev/null 2>&1 && return
    sleep 0.1
  done
  log "NATS did not become healthy; see $NATS_DATA/nats.log"; exit 1
}

nats_down() {
  nats_running || return 0
  local pid; pid=$(cat "$NATS_DATA/nats.pid")
  kill "$pid" 2>/dev/null || true
  local i; for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

# Runtime roles connect to their own database only (README "Database roles"): nobody but the
# cluster's superuser connects to the maintenance databases.
pg_lock_down() {
  as_pg psql -h "$PG_DATA" -p "$PG_PORT" -U "$PG_USER" -d postgres -qAt \
    -c "revoke connect, temporary on database postgres from public" \
    -c "revoke connect, temporary on database template1 from public" >/dev/null
}

# The development key that signs ledger checkpoints (STEWARD_LEDGER_SIGNING_KEY_FILE): an Ed25519
# key made once, outside the database, in the data folder. Production keys are mounted secrets.
LEDGER_KEY="$STEWARD_DATA/keys/ledger-signing-dev.pem"
ledger_key() {
  [ -f "$LEDGER_KEY" ] && return
  mkdir -p "$(dirname "$LEDGER_KEY")"
  local tmp="$LEDGER_KEY.$$"
  node -e '
    const { generateKeyPairSync } = require("node:crypto");
    const { writeFileSync } = require("node:fs");
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    writeFileSync(process.argv[1], privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    writeFileSync(process.argv[2], publicKey.export({ type: "spki", format: "pem" }));' "$tmp" "$tmp.pub"
  # A link does not overwrite: when two runs race, the first key wins whole.
  if ln "$tmp" "$LEDGER_KEY" 2>/dev/null; then mv "$tmp.pub" "$LEDGER_KEY.pub"; log "made the development ledger signing key $LEDGER_KEY"; fi
  rm -f "$tmp" "$tmp.pub"
}

pg_restart_immediate() {
  local bin; bin=$(pg_bin)
  as_pg "$bin/pg_ctl" -D "$PG_DATA" -m immediate -l "$PG_DATA/server.log" -o "-p $PG_PORT" -w -t 60 restart >/dev/null
}

nats_kill() {
  nats_running || return 0
  local pid; pid=$(cat "$NATS_DATA/nats.pid")
  kill -9 "$pid" 2>/dev/null || true
  local i; for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
}

print_env() {
  echo "STEWARD_PG_URL=postgres://$PG_USER@127.0.0.1:$PG_PORT/postgres"
  echo "STEWARD_NATS_URL=nats://127.0.0.1:$NATS_PORT"
  echo "STEWARD_LEDGER_SIGNING_KEY_FILE=$LEDGER_KEY"
}

case "${1:-up}" in
  # mailpit is only built here (first run: a minute or two); tests and dev.sh start their own on free ports.
  up) pg_up; pg_lock_down; nats_up; ledger_key; ensure_go_tool mailpit "github.com/axllent/mailpit@$MAILPIT_VERSION" ;;
  down) nats_down; pg_down; log "stack stopped" ;;
  status)
    as_pg "$(pg_bin)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1 && echo "postgres: up ($PG_PORT)" || echo "postgres: down"
    nats_running && echo "nats: up ($NATS_PORT)" || echo "nats: down" ;;
  env) print_env ;;
  restart-postgres-immediate) pg_restart_immediate ;;
  kill-nats) nats_kill ;;
  *) echo "usage: $0 up|down|status|env|restart-postgres-immediate|kill-nats" >&2; exit 2 ;;
esac
