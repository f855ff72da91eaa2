#!/usr/bin/env bash
# The fuzz suite at full strength (e2e/fuzz/main.ts): starts Postgres and NATS (scripts/stack.sh),
# then the five services as processes, and sends every RPC and route of the contract FUZZ_RUNS
# generated requests (default 10,000): malformed frames, hostile text, boundary numbers, forged
# tokens and cursors. Prints the counts per RPC and route; exits 1 on an INTERNAL, a 5xx, a crash,
# an error log record, or a write by a refused request. The test command runs the same suite with
# a few hundred per target (e2e/fuzz/fuzz.test.ts).
#   pnpm fuzz                                    10,000 per target
#   FUZZ_RUNS=1000 FUZZ_ONLY=Gateway pnpm fuzz   a quick look at the department gateway
#   FUZZ_SEED=123 pnpm fuzz                      the same requests again
source "$(dirname "$0")/lib/env.sh"
cd "$STEWARD_ROOT"

bash scripts/stack.sh up
eval "$(bash scripts/stack.sh env)"
export STEWARD_PG_URL STEWARD_NATS_URL
exec node --import tsx e2e/fuzz/main.ts
