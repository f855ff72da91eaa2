#!/usr/bin/env bash
# The benchmark of the approval routing path (load-tests/bench/bench.ts): starts Postgres and NATS
# (scripts/stack.sh), then in one run measures the baseline probe (grpc-js -> one Postgres
# transaction -> JetStream publish with ack) and the routing path under the average scenario of
# load-tests/lib/profiles.ts, prints decisions/s, p50/p95/p99, decision -> notification latency,
# peak RSS per process and the ratio routing / probe, and writes bench-results/<timestamp>.json.
#   pnpm bench                          every phase as long as the average scenario (60 s)
#   BENCH_DURATION_S=10 pnpm bench      a quick look
#   BENCH_CAPACITY=0 pnpm bench         skip the capacity phases (closed loop at the average VUs)
#   BENCH_REPLICAS=1 / BENCH_LARGE_ITEMS=0   skip the two-process / the 10^6-item phase
#   pnpm bench:cost                     CPU per call of each process, by kind of call (load-tests/bench/cost.ts)
#   pnpm bench:startup                  start-up CPU and RSS of the services, tsx source against the bundles (load-tests/bench/startup.ts)
#   pnpm bench:compare <checkout>       bench:cost of another build's services and this one's, interleaved
#   pnpm bench:clock                    each clock round's duration at 10^3 and 10^6 finished items
#                                       (load-tests/bench/clock-rounds.ts; also run after `pnpm bench` unless BENCH_CLOCK=0)
# A measurement, not a test: it asserts nothing and is not a CI step.
source "$(dirname "$0")/lib/env.sh"
cd "$STEWARD_ROOT"

bash scripts/stack.sh up
eval "$(bash scripts/stack.sh env)"
export STEWARD_PG_URL STEWARD_NATS_URL
# The services run their bundles (services/<name>/dist): build those that are stale or missing.
node --import tsx scripts/build/fresh.ts approval-routing notification assessment
if [ "${1:-}" = cost ]; then exec node --import tsx load-tests/bench/cost.ts; fi
if [ "${1:-}" = clock ]; then exec node --import tsx load-tests/bench/clock-rounds.ts; fi
if [ "${1:-}" = startup ]; then exec node --import tsx load-tests/bench/startup.ts; fi
if [ "${1:-}" = cost-compare ]; then
  # Two builds measured by this same driver, interleaved (the machine drifts from hour to hour):
  # the other checkout's services (its own `pnpm install` done) and then this one's, COMPARE_ROUNDS times.
  other="${2:?usage: scripts/bench.sh cost-compare <checkout of the other build>}"
  [ -d "$other/node_modules" ] || { log "$other has no node_modules: run pnpm install there first"; exit 1; }
  for round in $(seq 1 "${COMPARE_ROUNDS:-2}"); do
    log "round $round: $other"
    STEWARD_SERVICES_ROOT="$other" node --import tsx load-tests/bench/cost.ts
    log "round $round: this checkout"
    node --import tsx load-tests/bench/cost.ts
  done
  exit 0
fi
node --import tsx load-tests/bench/bench.ts
if [ "${BENCH_CLOCK:-1}" != 0 ]; then exec node --import tsx load-tests/bench/clock-rounds.ts; fi
