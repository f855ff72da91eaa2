#!/usr/bin/env bash
# Type-checks every workspace package and the root scripts (tsc --noEmit per tsconfig).
source "$(dirname "$0")/lib/env.sh"
cd "$STEWARD_ROOT"
status=0
for project in tsconfig.json packages/*/tsconfig.json services/*/tsconfig.json e2e/tsconfig.json; do
  if ! output=$(tsc -p "$project" 2>&1); then
    printf '%s\n' "$output" >&2
    status=1
  fi
done
[ "$status" = 0 ] && log "types check"
exit "$status"
