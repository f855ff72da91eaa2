#!/usr/bin/env bash
# The smoke scenario of the load tests through the local driver (load-tests/driver): starts
# approval-routing, notification and assessment for a fresh region, runs 2 VUs x 10 iterations of
# the approval routing path, and fails when a threshold of the smoke profile fails (checks, not
# wall-clock limits). Takes seconds. Postgres and NATS are started when they are not running.
source "$(dirname "$0")/lib/env.sh"
cd "$STEWARD_ROOT"

bash scripts/stack.sh up
eval "$(bash scripts/stack.sh env)"
export STEWARD_PG_URL STEWARD_NATS_URL
mkdir -p bench-results
# The services run their bundles (services/<name>/dist): build those that are stale or missing.
node --import tsx scripts/build/fresh.ts approval-routing notification assessment
node --import tsx load-tests/driver/main.ts --profile smoke --out bench-results/load-smoke.json
