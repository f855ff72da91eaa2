#!/usr/bin/env bash
# Regenerates everything made from /proto: the TypeScript of packages/proto (ts-proto) and the
# descriptor set that server reflection serves; the Go and Java department clients (clients/go/gen,
# clients/java/src/generated; buf.gen.clients.yaml with the generators of scripts/lib/clients.sh);
# and the API reference (docs/api/reference.md, from the proto comments). With --check, fails when
# the committed output differs.
source "$(dirname "$0")/lib/env.sh"
source "$(dirname "$0")/lib/clients.sh"
cd "$STEWARD_ROOT"

descriptor=packages/proto/descriptor-set.binpb
generated=(packages/proto/src/gen "$descriptor" clients/go/gen clients/java/src/generated docs/api/reference.md)

generate() {
  rm -rf packages/proto/src/gen clients/go/gen clients/java/src/generated
  mkdir -p packages/proto/src/gen docs/api
  buf generate --template buf.gen.yaml -o . 2>&1
  buf build proto --as-file-descriptor-set -o "$descriptor"
  buf generate --template buf.gen.clients.yaml -o . 2>&1
  tsx scripts/proto-docs.ts "$descriptor" docs/api/glossary.json >docs/api/reference.md
}

buf lint proto
ensure_client_generators
if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  for path in "${generated[@]}"; do mkdir -p "$tmp/$(dirname "$path")" && cp -r "$path" "$tmp/$path"; done
  generate
  stale=0
  for path in "${generated[@]}"; do
    if ! diff -r "$tmp/$path" "$path" >/dev/null; then
      diff -r "$tmp/$path" "$path" | head -20 >&2 || true
      stale=1
    fi
  done
  if [ "$stale" = 1 ]; then
    log "generated code is out of date with /proto: run 'pnpm proto:gen' and commit the result"
    exit 1
  fi
  log "generated code and the API reference match /proto"
else
  generate
  log "generated ${generated[*]}"
fi
