#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs Node 24 and pnpm where missing, installs
# dependencies, starts Postgres and NATS (scripts/stack.sh) unless they run, then checks the
# contracts, lints, type-checks, bundles, runs the chart's offline tiers and every vitest project
# (unit, integration, end-to-end), then the Kubernetes rehearsal on a real cluster (scripts/k8s.sh
# rehearse; README, "The rehearsal on a real cluster") and one round of the fault suite. A run of
# chosen tests (arguments given) skips the rehearsal and the fault suite.
source "$(dirname "$0")/lib/env.sh"
cd "$STEWARD_ROOT"

log "node $(node --version), pnpm $(pnpm --version)"
pnpm install --frozen-lockfile --reporter=silent
bash scripts/stack.sh up
eval "$(bash scripts/stack.sh env)"
export STEWARD_PG_URL STEWARD_NATS_URL

log "no absolute path of a checkout in tracked files"
if git grep -nE "$STEWARD_ROOT|/work/[a-z]|/home/[a-z]+/|/Users/[A-Za-z]+/" -- . ':(exclude)pnpm-lock.yaml' ':(exclude)*.binpb'; then
  log "the files above name a path of one particular machine or checkout; derive it from the file's own location"; exit 1
fi

log "contracts: buf lint, generated code up to date, no breaking change against main"
bash scripts/proto-gen.sh --check
against=""
if git rev-parse -q --verify origin/main >/dev/null && git cat-file -e origin/main:proto 2>/dev/null; then
  against="origin/main"
elif git rev-parse -q --verify main >/dev/null && [ "$(git rev-parse main)" != "$(git rev-parse HEAD)" ] && git cat-file -e main:proto 2>/dev/null; then
  against="main"
fi
if [ -n "$against" ]; then
  (cd proto && buf breaking . --against "../.git#ref=$against,subdir=proto")
  log "no breaking change against $against"
fi

# The department adapters (Go and Java) build in the background while lint and types run; the
# end-to-end scenario (e2e/department-adapters.test.ts) runs them.
clients_log=$(mktemp)
bash scripts/clients.sh build >"$clients_log" 2>&1 &
clients_build=$!

log "no skipped or focused tests"
if grep -rnE '\b(it|test|describe)\.(skip|only)\(|\bx(it|describe)\(' --include='*.test.ts' packages services e2e scripts; then
  log "remove the skipped or focused tests above"; exit 1
fi

# eslint and the type check each keep one core busy: they run side by side, and both report.
log "lint and types"
eslint --max-warnings 0 . &
lint=$!
types_status=0
bash scripts/typecheck.sh || types_status=$?
lint_status=0
wait "$lint" || lint_status=$?
if [ "$lint_status" != 0 ] || [ "$types_status" != 0 ]; then
  log "lint or types failed (above)"; exit 1
fi

log "bundles: pnpm build (the walking skeleton runs them too)"
pnpm run --silent build

log "alert rules: promtool check and unit tests"
bash scripts/observability/promtool.sh

log "load tests: type-check k6 scripts and run the smoke scenario"
pnpm run --silent load:typecheck; bash scripts/load-smoke.sh
if ! wait "$clients_build"; then
  cat "$clients_log" >&2
  log "the department adapters did not build"; exit 1
fi
rm -f "$clients_log"

log "kubernetes: offline tiers (lint, 13 regions rendered, kubeconform, helm-unittest)"
bash scripts/k8s.sh fast

# The console's browser test drives Debian's Chromium (playwright-core downloads no browser).
if [ -z "${STEWARD_CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
  log "installing Debian's chromium for the console's browser test"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi

# The end-to-end files run one at a time (fileParallelism: false) and mostly wait on the processes
# they start, the unit files one at a time too on two cores (vitest's default: one worker fewer
# than the cores): the two projects run side by side, the end-to-end lines marked "e2e |". The
# end-to-end project gets a Postgres and NATS of its own (under .data/e2e, stopped afterwards):
# department feeds and listings serve what committed below the oldest transaction still running
# in the cluster (db/assignment-changes.ts), so on one cluster either project's transactions would
# hold back what the other's tests wait to see. A run of chosen tests (arguments given) runs them
# in one vitest on the shared stack.
log "tests"
if [ "$#" -gt 0 ]; then
  vitest run "$@"
else
  e2e_data="$STEWARD_DATA/e2e"
  STEWARD_DATA="$e2e_data" bash scripts/stack.sh up
  (
    export STEWARD_DATA="$e2e_data"
    eval "$(bash scripts/stack.sh env)"
    export STEWARD_PG_URL STEWARD_NATS_URL
    exec vitest run --project e2e
  ) > >(sed -u 's/^/e2e | /') 2>&1 &
  e2e=$!
  unit_status=0
  vitest run --project unit || unit_status=$?
  e2e_status=0
  wait "$e2e" || e2e_status=$?
  STEWARD_DATA="$e2e_data" bash scripts/stack.sh down
  if [ "$unit_status" != 0 ] || [ "$e2e_status" != 0 ]; then
    log "tests failed: unit project exit $unit_status, e2e project exit $e2e_status (the e2e project's lines are marked \"e2e |\")"; exit 1
  fi
fi

# The Kubernetes rehearsal on a real cluster, after the tests rather than beside them: run beside
# them on two cores, both failed (README, "The rehearsal on a real cluster"). A run of chosen tests
# (arguments given) skips it.
if [ "$#" -eq 0 ]; then
  log "kubernetes: the rehearsal on a real cluster"
  bash scripts/k8s.sh rehearse --bundles-built
fi

# One round of every fault on a Postgres and NATS of the suite's own (about 3 minutes); a run of
# chosen tests (arguments given) skips it.
if [ "$#" -eq 0 ]; then
  log "fault suite: one round of each fault"
  bash scripts/faults.sh --rounds 1
fi
