#!/usr/bin/env bash
# Regenerates packages/proto from /proto: TypeScript (ts-proto) and the descriptor set that
# server reflection serves. With --check, fails when the committed output differs.
source "$(dirname "$0")/lib/env.sh"
cd "$STEWARD_ROOT"

out=packages/proto/src/gen
descriptor=packages/proto/descriptor-set.binpb

generate() { # target folder, target descriptor
  rm -rf "$1" && mkdir -p "$1"
  buf generate --template buf.gen.yaml -o . 2>&1
  buf build proto --as-file-descriptor-set -o "$2"
}

buf lint proto
if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cp -r "$out" "$tmp/committed"
  cp "$descriptor" "$tmp/committed.binpb"
  generate "$out" "$descriptor"
  if ! diff -r "$tmp/committed" "$out" >/dev/null || ! cmp -s "$tmp/committed.binpb" "$descriptor"; then
    diff -r "$tmp/committed" "$out" | head -40 >&2 || true
    log "generated code is out of date with /proto: run 'pnpm proto:gen' and commit the result"
    exit 1
  fi
  log "generated code matches /proto"
else
  generate "$out" "$descriptor"
  log "generated $out and $descriptor"
fi
