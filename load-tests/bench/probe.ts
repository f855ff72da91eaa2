/**
 * The baseline probe: what this machine can do for the routing path's kind of work with nothing
 * of the routing domain in the way. One process, like a service: a grpc-js server serving the
 * same four methods the scenarios call (so the same driver and iteration load it), whose every
 * handler runs ONE Postgres transaction writing rows shaped like a decision — the item state
 * (update, or insert for a plan), a hash-chained ledger-like row and an outbox-like row — and
 * then publishes one event to JetStream and waits for the ack.
 *
 * Started by bench/bench.ts with PROBE_DATABASE_URL, PROBE_NATS_URL, PROBE_REGION and
 * STEWARD_AUTH_SECRET; prints one JSON line {"event":"probe.ready","grpcPort":…}; SIGTERM stops it.
 */
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Metadata, Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall, type ServiceError } from "@grpc/grpc-js";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { TokenVerifier, bearerToken, type Principal } from "@steward/platform/auth";
import { routingV1 } from "@steward/proto";
import { repositoryRoot } from "@steward/testing";
import postgres, { type TransactionSql } from "postgres";

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const region = env("PROBE_REGION");
const subjectPrefix = `probe.${region}`;
const streamName = `PROBE_${region.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;

// The same pool shape as a service's (packages/platform/src/db): 10 connections unless overridden.
const sql = postgres(env("PROBE_DATABASE_URL"), {
  max: Number(env("STEWARD_DB_POOL_MAX", "10")),
  prepare: true,
  onnotice: () => {},
  connection: { application_name: "steward-probe", statement_timeout: 5000, TimeZone: "UTC" },
});

await sql.unsafe(`
  create table if not exists probe_items (
    id uuid primary key, region text not null, case_id uuid not null, item_code text not null,
    department text not null, state text not null, updated_at timestamptz not null default now());
  create index if not exists probe_items_department on probe_items (region, department, updated_at desc);
  create table if not exists probe_ledger (
    seq bigserial primary key, region text not null, chain_id text not null, action text not null,
    subject text not null, to_state text not null, hash text not null, prev_hash text not null,
    recorded_at timestamptz not null default now());
  create index if not exists probe_ledger_chain on probe_ledger (chain_id, seq desc);
  create table if not exists probe_outbox (
    seq bigserial primary key, event_id uuid not null unique, subject text not null, payload bytea not null,
    created_at timestamptz not null default now());
`);

const nats = await connect({ servers: env("PROBE_NATS_URL"), name: `steward-probe-${region}` });
const jsm = await jetstreamManager(nats);
await jsm.streams.add({ name: streamName, subjects: [`${subjectPrefix}.>`], duplicate_window: 2 * 60 * 1_000_000_000 });
const js = jetstream(nats);

const catalogue = JSON.parse(readFileSync(`${repositoryRoot}services/approval-routing/catalogue/ankang.json`, "utf8")) as {
  items: { code: string; name: string; prerequisites: string[] }[];
};
const catalogueItems = new Map(catalogue.items.map((item) => [item.code, item]));
const tokens = new TokenVerifier({ secret: env("STEWARD_AUTH_SECRET") });

class CallError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
  }
}

async function principalOf(metadata: Metadata): Promise<Principal> {
  const verified = await tokens.verify(bearerToken(String(metadata.get("authorization")[0] ?? "")));
  if (!verified.ok) throw new CallError(status.UNAUTHENTICATED, verified.error.message);
  if (verified.value.region !== region) throw new CallError(status.PERMISSION_DENIED, "token of another region");
  return verified.value;
}

/** The ledger-like row: SHA-256 over the chain's previous hash and the row, appended in `tx`. */
async function appendLedger(tx: TransactionSql, chainId: string, action: string, subject: string, toState: string): Promise<void> {
  const [head] = await tx<{ hash: string }[]>`select hash from probe_ledger where chain_id = ${chainId} order by seq desc limit 1`;
  const prev = head?.hash ?? "0".repeat(64);
  const hash = createHash("sha256").update(prev).update(JSON.stringify([region, chainId, action, subject, toState])).digest("hex");
  await tx`insert into probe_ledger (region, chain_id, action, subject, to_state, hash, prev_hash) values (${region}, ${chainId}, ${action}, ${subject}, ${toState}, ${hash}, ${prev})`;
}

/** The outbox-like row, in `tx`; returns what to publish once committed. */
async function recordEvent(tx: TransactionSql, type: string, body: object): Promise<{ id: string; subject: string; payload: Buffer }> {
  const event = { id: randomUUID(), subject: `${subjectPrefix}.${type}`, payload: Buffer.from(JSON.stringify({ type, region, at: new Date().toISOString(), ...body })) };
  await tx`insert into probe_outbox (event_id, subject, payload) values (${event.id}, ${event.subject}, ${event.payload})`;
  return event;
}

async function publish(event: { id: string; subject: string; payload: Buffer }): Promise<void> {
  await js.publish(event.subject, event.payload, { msgID: event.id });
}

type ItemRow = { id: string; case_id: string; item_code: string; department: string; state: string; updated_at: Date };

const toItem = (row: ItemRow, prerequisites: string[] = catalogueItems.get(row.item_code)?.prerequisites ?? []): routingV1.CaseItem =>
  routingV1.CaseItem.fromPartial({
    id: row.id,
    caseId: row.case_id,
    itemCode: row.item_code,
    itemName: catalogueItems.get(row.item_code)?.name ?? "",
    departmentCode: row.department,
    state: routingV1.itemStateFromJSON(row.state),
    updatedAt: row.updated_at,
    prerequisites,
  });

async function submitPlan(request: routingV1.SubmitPlanRequest, principal: Principal): Promise<routingV1.SubmitPlanResponse> {
  if (principal.role !== "steward" && principal.role !== "service") throw new CallError(status.PERMISSION_DENIED, "stewards submit plans");
  const caseId = randomUUID();
  const inPlan = new Set(request.items.map((item) => item.itemCode));
  const rows = request.items.map((item) => ({
    id: randomUUID(),
    region,
    case_id: caseId,
    item_code: item.itemCode,
    department: item.departmentCode,
    state: (catalogueItems.get(item.itemCode)?.prerequisites ?? []).some((code) => inPlan.has(code)) ? "ITEM_STATE_PLANNED" : "ITEM_STATE_ROUTED",
  }));
  const { event, inserted } = await sql.begin(async (tx) => {
    const inserted = await tx<ItemRow[]>`insert into probe_items ${tx(rows)} returning *`;
    await appendLedger(tx, `case:${caseId}`, "case.opened", caseId, "open");
    const event = await recordEvent(tx, "plan.submitted", { caseId, planId: request.planId, items: rows.length });
    return { event, inserted };
  });
  await publish(event);
  return routingV1.SubmitPlanResponse.fromPartial({
    case: { id: caseId, region, planId: request.planId, planVersion: request.planVersion, projectId: request.projectId, projectName: request.projectName, status: routingV1.CaseStatus.CASE_STATUS_OPEN, items: inserted.map((row) => toItem(row)) },
  });
}

/** One item transition: the state update, the ledger row and the outbox row in one transaction, then the publish. */
async function transition(itemId: string, principal: Principal, toState: string, action: string): Promise<routingV1.CaseItem> {
  if (principal.role !== "department" || !principal.department) throw new CallError(status.PERMISSION_DENIED, "the gateway serves departments");
  const { row, event } = await sql.begin(async (tx) => {
    const [row] = await tx<ItemRow[]>`
      update probe_items set state = ${toState}, updated_at = now()
      where id = ${itemId} and region = ${region} and department = ${principal.department!} returning *`;
    if (!row) throw new CallError(status.NOT_FOUND, `item ${itemId}`);
    await appendLedger(tx, `case:${row.case_id}`, action, row.id, toState);
    const event = await recordEvent(tx, action, { caseId: row.case_id, itemId: row.id, state: toState });
    return { row, event };
  });
  await publish(event);
  return toItem(row);
}

async function listAssignments(request: routingV1.ListAssignmentsRequest, principal: Principal): Promise<routingV1.ListAssignmentsResponse> {
  if (principal.role !== "department" || !principal.department) throw new CallError(status.PERMISSION_DENIED, "the gateway serves departments");
  const rows = await sql<ItemRow[]>`
    select * from probe_items where region = ${region} and department = ${principal.department}
    order by updated_at desc limit ${Math.min(Math.max(request.pageSize, 1), 500)}`;
  // The probe keeps no feed, so its listings have no cursor.
  return { items: rows.map((row) => toItem(row)), nextPageToken: "", cursor: "" };
}

function unary<Req, Res>(handle: (request: Req, principal: Principal) => Promise<Res>) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
    principalOf(call.metadata)
      .then((principal) => handle(call.request, principal))
      .then(
        (response) => callback(null, response),
        (error: unknown) => {
          const known = error instanceof CallError;
          if (!known) process.stderr.write(`${JSON.stringify({ level: "error", msg: "probe handler failed", err: { message: String((error as Error)?.message ?? error) } })}\n`);
          callback({ code: known ? error.code : status.INTERNAL, details: (error as Error).message } as ServiceError);
        },
      );
  };
}

const server = new Server();
server.addService(routingV1.RoutingServiceService, { submitPlan: unary(submitPlan) } as never);
server.addService(routingV1.DepartmentGatewayServiceService, {
  listAssignments: unary(listAssignments),
  acceptItem: unary((request: routingV1.AcceptItemRequest, principal) => transition(request.itemId, principal, "ITEM_STATE_IN_REVIEW", "item.accepted").then((item) => ({ item }))),
  decideItem: unary((request: routingV1.DecideItemRequest, principal) => transition(request.itemId, principal, "ITEM_STATE_APPROVED", "item.decided").then((item) => ({ item }))),
} as never);

const grpcPort = await new Promise<number>((resolve, reject) =>
  server.bindAsync(`127.0.0.1:${env("PROBE_GRPC_PORT", "0")}`, ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
);
process.stdout.write(`${JSON.stringify({ level: "info", event: "probe.ready", grpcPort })}\n`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
      await jsm.streams.delete(streamName).catch(() => false);
      await nats.close();
      await sql.end({ timeout: 5 });
      process.exit(0);
    })();
  });
}
