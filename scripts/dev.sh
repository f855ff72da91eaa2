#!/usr/bin/env bash
# Starts the whole platform locally: Postgres and NATS (installed and started by scripts/stack.sh),
# a webhook receiver, the stand-in 12345 hotline system, a stand-in SMS gateway, a mail server
# (mailpit, with its web UI), and the five services for one county
# region and for `city`, each service a process of its own with its own database, restarted with
# backoff when it exits (scripts/lib/supervise.sh). Seeds demo data. Ctrl-C stops everything.
#   scripts/dev.sh [county]        (default county: hanbin)
source "$(dirname "$0")/lib/env.sh"
source "$STEWARD_ROOT/scripts/lib/layout.sh"
source "$STEWARD_ROOT/scripts/lib/supervise.sh"
cd "$STEWARD_ROOT"

COUNTY="${1:-hanbin}"
REGIONS=("$COUNTY" city)
WEBHOOK_PORT=$((8199 + STEWARD_DEV_PORT_OFFSET))
HOTLINE_PORT=$((8198 + STEWARD_DEV_PORT_OFFSET))
SMS_PORT=$((8197 + STEWARD_DEV_PORT_OFFSET))
MAIL_UI_PORT=$((8196 + STEWARD_DEV_PORT_OFFSET))
SMTP_PORT=$((8195 + STEWARD_DEV_PORT_OFFSET))
# The stand-in SMS gateway's API key (development only).
export STEWARD_NOTIFICATION_SMS_API_KEY="${STEWARD_NOTIFICATION_SMS_API_KEY:-steward-dev-sms-key}"
export STEWARD_AUTH_SECRET="${STEWARD_AUTH_SECRET:-steward-local-development-secret-0123456789}"
# The 12345 link's shared secret between intake and the stand-in hotline (development only).
export STEWARD_HOTLINE_SECRET="${STEWARD_HOTLINE_SECRET:-whsec_c3Rld2FyZC1kZXYtaG90bGluZS1zZWNyZXQtMDEyMzQ1}"

if [ "$COUNTY" = city ] || ! grep -q "\"slug\": \"$COUNTY\"" deploy/regions/ankang.json; then
  log "unknown county $COUNTY; see deploy/regions/ankang.json"; exit 2
fi

log "installing dependencies"
pnpm install --frozen-lockfile --reporter=silent
stack_was_up=$(bash scripts/stack.sh status | grep -c ": up" || true)
bash scripts/stack.sh up
eval "$(bash scripts/stack.sh env)"

LOGS="$STEWARD_DATA/logs"
mkdir -p "$LOGS"
pids=()
declare -A service_pid
cleanup() {
  trap - INT TERM EXIT
  log "stopping services"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$stack_was_up" -lt 2 ]; then bash scripts/stack.sh down; fi
  log "stopped"
}
trap cleanup INT TERM EXIT

node --import tsx scripts/dev/webhook-receiver.ts "$WEBHOOK_PORT" "$STEWARD_DATA/webhook-deliveries.jsonl" >"$LOGS/webhook.log" 2>&1 &
pids+=($!)
node --import tsx scripts/dev/hotline.ts "$HOTLINE_PORT" "$STEWARD_DATA/hotline-pushes.jsonl" >"$LOGS/hotline.log" 2>&1 &
pids+=($!)
node --import tsx scripts/dev/sms-gateway.ts "$SMS_PORT" "$STEWARD_DATA/sms-messages.jsonl" >"$LOGS/sms-gateway.log" 2>&1 &
pids+=($!)
# mailpit (built by stack.sh): notification's e-mail, readable in its web UI.
.tools/bin/mailpit --smtp "127.0.0.1:$SMTP_PORT" --listen "127.0.0.1:$MAIL_UI_PORT" --quiet --disable-version-check \
  --smtp-auth-accept-any --smtp-auth-allow-insecure >"$LOGS/mailpit.log" 2>&1 &
pids+=($!)

# The services' V8 heap limits (deploy/runtime/node-options, comments dropped).
SERVICE_NODE_OPTIONS=$(grep -v '^#' deploy/runtime/node-options | xargs)

# Each service's database has two roles of its own, as in production (README "Database roles"):
# <db>_owner owns the database and runs the migrations; <db>_app is what the service connects as,
# granted by the migration step only what the service uses, and allowed into this database only.
PG_HOST_PORT="${STEWARD_PG_URL#*@}"; PG_HOST_PORT="${PG_HOST_PORT%%/*}"
ensure_database() {
  local db="$1" owner="$1_owner" app="$1_app" current
  psql "$STEWARD_PG_URL" -qAt -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$owner') THEN CREATE ROLE $owner LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$app') THEN CREATE ROLE $app LOGIN; END IF;
END \$\$;
SQL
  current=$(psql "$STEWARD_PG_URL" -tAc "select pg_get_userbyid(datdba) from pg_database where datname = '$db'")
  if [ -n "$current" ] && [ "$current" != "$owner" ]; then
    log "$db predates per-service roles (owned by $current): recreating it; the demo data is seeded again"
    psql "$STEWARD_PG_URL" -qc "drop database $db with (force)"
    current=""
  fi
  [ -n "$current" ] || psql "$STEWARD_PG_URL" -qc "create database $db owner $owner"
  psql "$STEWARD_PG_URL" -qc "revoke connect, temporary on database $db from public"
}

for r in "${!REGIONS[@]}"; do
  region="${REGIONS[$r]}"
  for service in "${STEWARD_SERVICES[@]}"; do
    db=$(database_name "$region" "$service")
    ensure_database "$db"
    : >"$LOGS/$region-$service.log"
    # Supervised: a service that exits (a crash, an OOM kill) is started again with backoff, and
    # the console says so, so one crash cannot leave the region without the service.
    supervise "$region/$service" "$LOGS/$region-$service.log" env \
      STEWARD_REGION="$region" \
      STEWARD_HTTP_PORT="$(http_port "$r" "$service")" \
      STEWARD_GRPC_PORT="$(grpc_port "$r" "$service")" \
      STEWARD_DATABASE_URL="postgres://${db}_app@$PG_HOST_PORT/$db" \
      STEWARD_MIGRATION_DATABASE_URL="postgres://${db}_owner@$PG_HOST_PORT/$db" \
      STEWARD_LEDGER_SIGNING_KEY_FILE="$STEWARD_LEDGER_SIGNING_KEY_FILE" \
      STEWARD_NATS_URL="$STEWARD_NATS_URL" \
      STEWARD_ROUTING_ADDRESS="127.0.0.1:$(grpc_port "$r" approval-routing)" \
      STEWARD_INTAKE_ADDRESS="127.0.0.1:$(grpc_port "$r" intake)" \
      STEWARD_NOTIFICATION_SMS_GATEWAY_URL="http://127.0.0.1:$SMS_PORT" \
      STEWARD_NOTIFICATION_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" \
      STEWARD_NOTIFICATION_PUBLIC_URL="http://127.0.0.1:$(http_port "$r" notification)" \
      STEWARD_HOTLINE_CALLBACK_URL="http://127.0.0.1:$HOTLINE_PORT/status" \
      STEWARD_REGION_ROUTING_ADDRESSES="$COUNTY=127.0.0.1:$(grpc_port 0 approval-routing),city=127.0.0.1:$(grpc_port 1 approval-routing)" \
      STEWARD_CONSOLE_DEV_SIGN_IN=true \
      NODE_OPTIONS="$SERVICE_NODE_OPTIONS" \
      node --import tsx "services/$service/src/main.ts" &
    pids+=($!)
    service_pid["$region/$service"]=$!
  done
done

log "waiting for the services to be ready"
for r in "${!REGIONS[@]}"; do
  for service in "${STEWARD_SERVICES[@]}"; do
    port=$(http_port "$r" "$service")
    for _ in $(seq 1 300); do
      curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
      kill -0 "${service_pid["${REGIONS[$r]}/$service"]}" 2>/dev/null || break
      sleep 0.2
    done
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 \
      || { log "${REGIONS[$r]}/$service did not become ready; see $LOGS/${REGIONS[$r]}-$service.log"; tail -20 "$LOGS/${REGIONS[$r]}-$service.log" >&2; exit 1; }
  done
done

log "seeding demo data"
# Earlier months come from a second county whose services do not run here (scripts/dev/history.ts).
HISTORY_COUNTY=hanyin
[ "$COUNTY" = hanyin ] && HISTORY_COUNTY=hanbin
STEWARD_NATS_URL="$STEWARD_NATS_URL" STEWARD_DEV_ROUTING_DATABASE_URL="${STEWARD_PG_URL%/*}/$(database_name "$COUNTY" approval-routing)" \
  node --import tsx scripts/dev/seed.ts "http://127.0.0.1:$(http_port 0 intake)" "127.0.0.1:$(grpc_port 0 agreement)" "127.0.0.1:$(grpc_port 0 approval-routing)" "$COUNTY" "127.0.0.1:$(grpc_port 0 assessment)" \
  "127.0.0.1:$(grpc_port 1 assessment)" "$HISTORY_COUNTY" "127.0.0.1:$(grpc_port 0 notification)"

printf '\n  %-10s %-18s %-24s %-24s\n' region service http grpc
for r in "${!REGIONS[@]}"; do
  for service in "${STEWARD_SERVICES[@]}"; do
    printf '  %-10s %-18s http://127.0.0.1:%-7s 127.0.0.1:%s\n' "${REGIONS[$r]}" "$service" "$(http_port "$r" "$service")" "$(grpc_port "$r" "$service")"
  done
done
printf '\n  postgres  %s (each service as <db>_app, migrated as <db>_owner)\n  nats      %s\n  webhook   http://127.0.0.1:%s (deliveries in .data/webhook-deliveries.jsonl)\n  12345     http://127.0.0.1:%s/status (stand-in hotline; pushes in .data/hotline-pushes.jsonl)\n  sms       http://127.0.0.1:%s (stand-in gateway; messages in .data/sms-messages.jsonl)\n  mail      smtp://127.0.0.1:%s (mailpit; read at http://127.0.0.1:%s)\n  ledger    checkpoints signed with %s (public key: .pub beside it)\n  logs      %s\n\n' \
  "$STEWARD_PG_URL" "$STEWARD_NATS_URL" "$WEBHOOK_PORT" "$HOTLINE_PORT" "$SMS_PORT" "$SMTP_PORT" "$MAIL_UI_PORT" "$STEWARD_LEDGER_SIGNING_KEY_FILE" "$LOGS"
printf '  console   http://127.0.0.1:%s/console (the city: every county)  http://127.0.0.1:%s/console (%s)\n\n' \
  "$(http_port 1 assessment)" "$(http_port 0 assessment)" "$COUNTY"
log "Steward is up. Tokens (one hour): pnpm dev:token --region $COUNTY --role admin. Ctrl-C stops everything."
wait
