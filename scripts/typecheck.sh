#!/usr/bin/env bash
# Type-checks every workspace package and the root scripts (tsc --noEmit per tsconfig), projects
# with equal compiler options as one program (scripts/typecheck.ts says why that is the same check).
source "$(dirname "$0")/lib/env.sh"
cd "$STEWARD_ROOT"
node --import tsx scripts/typecheck.ts tsconfig.json packages/*/tsconfig.json services/*/tsconfig.json e2e/tsconfig.json
log "types check"
