#!/usr/bin/env bash
# The fault suite (load-tests/faults): on a Postgres cluster and a nats-server of its own (under
# .data/faults, on ports of their own, so no other checkout's or test's stack is ever restarted),
# drives a steady load through approval-routing, notification and assessment while it kills and
# cuts things, then checks that nothing acknowledged was lost or duplicated. Stops its stack at the
# end. Options go to load-tests/faults/main.ts: --rounds N (CI: 1), --cut-s S, --workers W.
source "$(dirname "$0")/lib/env.sh"
cd "$STEWARD_ROOT"

source "$STEWARD_ROOT/scripts/lib/ports.sh"

# The suite's own stack: another data folder, none of the shared stack's URLs, and ports free
# right now (a stack of its own lives for one run; the ports it had last time may be taken since).
export STEWARD_DATA="$STEWARD_ROOT/.data/faults"
unset STEWARD_PG_URL STEWARD_NATS_URL
stop_stack() { bash scripts/stack.sh down >/dev/null 2>&1 || true; }
stop_stack # what an interrupted run may have left running
STEWARD_PG_PORT=$(free_port_from 56432)
STEWARD_NATS_PORT=$(free_port_from 56222)
STEWARD_NATS_MONITOR_PORT=$(free_port_from 59222)
export STEWARD_PG_PORT STEWARD_NATS_PORT STEWARD_NATS_MONITOR_PORT
trap stop_stack EXIT
bash scripts/stack.sh up
eval "$(bash scripts/stack.sh env)"
export STEWARD_PG_URL STEWARD_NATS_URL
mkdir -p bench-results
# The services run their bundles (services/<name>/dist): build those that are stale or missing.
node --import tsx scripts/build/fresh.ts approval-routing notification assessment
node --import tsx load-tests/faults/main.ts --out bench-results/faults.json "$@"
