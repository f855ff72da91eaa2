/**
 * What must hold after every fault, checked once the load stopped and the system settled: nothing
 * acknowledged lost, nothing done twice, every ledger intact, every event in the stream once, one
 * notice per event, assessment agreeing with routing, and no process that exited on its own.
 */
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { streamFor } from "@steward/platform/events";
import { verifyLedger } from "@steward/platform/ledger";
import { stack } from "@steward/testing";
import postgres from "postgres";
import { hotlineRecipient } from "../lib/hotline-webhook.ts";
import type { SteadyLoad } from "./load.ts";
import type { WebhookReceiver } from "./receiver.ts";
import { serviceNames, type SystemUnderFault } from "./services.ts";

export interface Invariant {
  name: string;
  holds: boolean;
  /** The figures behind the verdict. */
  detail: string;
}

const connectTo = (url: string) => postgres(url, { max: 2, onnotice: () => {} });

/**
 * The notices the suite counts: each completed case to the 12345 system's webhook (the rule
 * lib/hotline-webhook.ts adds), one claim per (event, recipient, channel) in notification's table.
 */
const caseCompletedToHotline = (sql: postgres.Sql, region: string) => sql`region = ${region} and event_type = 'routing.case.completed' and recipient = ${hotlineRecipient} and channel = 'webhook'`;

/**
 * Waits (bounded) until every outbox is published, every counted delivery settled and assessment's
 * projection has every event of the region, so the counts are final.
 */
export async function settle(system: SystemUnderFault, timeoutMs: number): Promise<boolean> {
  const { region } = system;
  const until = performance.now() + timeoutMs;
  const databases = serviceNames.map((name) => connectTo(system.databases[name].url));
  const notification = databases[serviceNames.indexOf("notification")]!;
  const routing = databases[serviceNames.indexOf("approval-routing")]!;
  try {
    while (performance.now() < until) {
      const pending = await Promise.all(databases.map(async (sql) => (await sql<{ n: number }[]>`select count(*)::int as n from outbox where published_at is null`)[0]!.n)).catch(() => [1]);
      const [deliveries] = await notification<{ pending: number; total: number }[]>`
        select count(*) filter (where status = 'pending')::int as pending, count(*)::int as total from deliveries where ${caseCompletedToHotline(notification, region)}`.catch(() => [{ pending: 1, total: 0 }]);
      const [completed] = await routing<{ n: number }[]>`select count(*)::int as n from cases where status = 'completed'`.catch(() => [{ n: -1 }]);
      const projection = await assessmentProjection(region).catch(() => undefined);
      const projected = projection !== undefined && projection.copied >= projection.published && projection.unprocessed === 0;
      if (pending.every((n) => n === 0) && deliveries!.pending === 0 && deliveries!.total === completed!.n && projected) return true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return false;
  } finally {
    await Promise.all(databases.map((sql) => sql.end({ timeout: 1 })));
  }
}

export async function checkInvariants(system: SystemUnderFault, load: SteadyLoad, webhook: WebhookReceiver, assessmentCompletedCases: number): Promise<Invariant[]> {
  const { region } = system;
  const routing = connectTo(system.databases["approval-routing"].url);
  const notification = connectTo(system.databases.notification.url);
  const outboxes = serviceNames.map((name) => connectTo(system.databases[name].url));
  const invariants: Invariant[] = [];
  const check = (name: string, holds: boolean, detail: string) => invariants.push({ name, holds, detail });
  try {
    // Every acknowledged command stored exactly once.
    const acknowledgedPlans = load.acknowledged.plans;
    const [plans] = await routing<{ stored: number; cases: number }[]>`
      select count(distinct plan_id)::int as stored, count(*)::int as cases from cases where region = ${region} and plan_id = any(${acknowledgedPlans}::uuid[])`;
    check("every acknowledged SubmitPlan opened exactly one case", plans!.stored === acknowledgedPlans.length && plans!.cases === acknowledgedPlans.length, `${acknowledgedPlans.length} acknowledged, ${plans!.cases} cases`);
    for (const [label, action, commands] of [
      ["AcceptItem", "item.accept", load.acknowledged.accepts],
      ["DecideItem", "item.approve", load.acknowledged.decides],
    ] as const) {
      const [row] = await routing<{ requests: number; once: number; transitions: number }[]>`
        with acknowledged as (
          select * from unnest(${commands.map((c) => c.department)}::text[], ${commands.map((c) => c.requestId)}::text[], ${commands.map((c) => c.itemId)}::uuid[]) as a(department, request_id, item_id)
        )
        select
          (select count(*)::int from acknowledged a join gateway_requests g on g.region = ${region} and g.department = a.department and g.request_id = a.request_id and g.item_id = a.item_id) as requests,
          (select count(*)::int from acknowledged a where (select count(*) from ledger l where l.region = ${region} and l.subject = a.item_id::text and l.action = ${action}) = 1) as once,
          (select count(*)::int from ledger l where l.region = ${region} and l.action = ${action}) as transitions`;
      check(
        `every acknowledged ${label} stored exactly once`,
        row!.requests === commands.length && row!.once === commands.length,
        `${commands.length} acknowledged, ${row!.requests} request ids stored, ${row!.once} items with exactly one ${action} (${row!.transitions} in all)`,
      );
    }

    // No ledger transition twice, and every chain verifies.
    const [repeated] = await routing<{ n: number; rows: number }[]>`
      select (select count(*)::int from (
                select 1 from ledger where region = ${region}
                group by chain_id, subject, action, from_state, to_state having count(*) > 1) twice) as n,
             (select count(*)::int from ledger where region = ${region}) as rows`;
    check("no ledger transition recorded twice", repeated!.n === 0, `${repeated!.n} repeated of ${repeated!.rows} rows`);
    const chains = await routing<{ chain_id: string }[]>`select distinct chain_id from ledger where region = ${region}`;
    const broken: string[] = [];
    for (const { chain_id } of chains) {
      const verification = await verifyLedger(routing, region, chain_id);
      if (!verification.ok) broken.push(chain_id);
    }
    check("every ledger chain verifies", broken.length === 0, `${chains.length} chains, ${broken.length} broken${broken.length ? `: ${broken.slice(0, 3).join(", ")}` : ""}`);

    // Outbox rows = stream messages, each Nats-Msg-Id once.
    const eventIds = new Set<string>();
    let outboxRows = 0;
    let unpublished = 0;
    for (const sql of outboxes) {
      const rows = await sql<{ event_id: string; published: boolean }[]>`select event_id, published_at is not null as published from outbox where region = ${region}`;
      outboxRows += rows.length;
      for (const row of rows) {
        eventIds.add(row.event_id);
        if (!row.published) unpublished++;
      }
    }
    const stream = await streamMessageIds(region);
    const distinct = new Set(stream);
    const missing = [...eventIds].filter((id) => !distinct.has(id)).length;
    check(
      "outbox rows = stream messages, each Nats-Msg-Id once",
      outboxRows === stream.length && distinct.size === stream.length && missing === 0 && unpublished === 0,
      `${outboxRows} outbox rows (${unpublished} unpublished), ${stream.length} messages, ${distinct.size} distinct ids, ${missing} rows missing from the stream`,
    );

    // One notice per (event, recipient, channel), as the receiver counts it by Idempotency-Key:
    // each completed case once at the 12345 system's webhook.
    const deliveries = await notification<{ id: string; subject_id: string; status: string }[]>`select id, subject_id, status from deliveries where ${caseCompletedToHotline(notification, region)}`;
    const webhookDeliveries = await notification<{ id: string }[]>`select id from deliveries where region = ${region} and channel = 'webhook'`;
    const [completed] = await routing<{ n: number }[]>`select count(*)::int as n from cases where region = ${region} and status = 'completed'`;
    const keysPerCase = new Map<string, number>();
    for (const notice of webhook.notices.values()) if (notice.type === "routing.case.completed" && notice.recipient === hotlineRecipient) keysPerCase.set(notice.subjectId, (keysPerCase.get(notice.subjectId) ?? 0) + 1);
    const casesWithTwo = [...keysPerCase.values()].filter((n) => n > 1).length;
    const deliveryIds = new Set(webhookDeliveries.map((delivery) => delivery.id));
    const strangers = [...webhook.notices.keys()].filter((key) => !deliveryIds.has(key)).length;
    check(
      "one notice per (event, recipient, channel) by Idempotency-Key",
      casesWithTwo === 0 && strangers === 0 && webhook.unkeyed === 0 && keysPerCase.size === completed!.n && deliveries.every((delivery) => delivery.status === "delivered"),
      `${completed!.n} cases completed, ${keysPerCase.size} noticed, ${casesWithTwo} noticed twice, ${webhook.repeatedPosts} repeated POSTs under the same key, ${webhook.unkeyed} without a key, ${strangers} unknown keys`,
    );

    const projection = await assessmentProjection(region);
    check(
      "assessment's count = routing's",
      assessmentCompletedCases === completed!.n,
      `assessment ${assessmentCompletedCases}, routing ${completed!.n}; assessment's history stream holds ${projection.copied} of the region stream's ${projection.published} events, ${projection.unprocessed} not yet projected`,
    );
    check(
      "no service process exited on its own",
      system.exits.length === 0,
      system.exits.length === 0 ? "none" : system.exits.map((exit) => `${exit.service} (${exit.signal ?? exit.code})`).join(", "),
    );
  } finally {
    await Promise.all([routing.end(), notification.end(), ...outboxes.map((sql) => sql.end())]);
  }
  return invariants;
}

/** Nats-Msg-Id of every message in the region's stream, in stream order. */
async function streamMessageIds(region: string): Promise<string[]> {
  const connection = await connect({ servers: stack.natsUrl });
  try {
    const jsm = await jetstreamManager(connection);
    const stream = streamFor(region);
    const { first_seq: first, last_seq: last, messages } = (await jsm.streams.info(stream)).state;
    const ids: string[] = [];
    if (messages === 0) return ids;
    for (let seq = first; seq <= last; seq++) {
      const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (message) ids.push(message.header.get("Nats-Msg-Id"));
    }
    return ids;
  } finally {
    await connection.close();
  }
}

/**
 * How far assessment's projection is behind the region's stream: its history stream (the stream
 * that sources the region's, found by its source rather than by a name only assessment knows)
 * against the region stream, and the events its consumers have not yet acknowledged.
 */
async function assessmentProjection(region: string): Promise<{ published: number; copied: number; unprocessed: number }> {
  const connection = await connect({ servers: stack.natsUrl });
  try {
    const jsm = await jetstreamManager(connection);
    const regionStream = streamFor(region);
    const published = (await jsm.streams.info(regionStream)).state.messages;
    for await (const stream of jsm.streams.list()) {
      if (!stream.config.sources?.some((source) => source.name === regionStream)) continue;
      let unprocessed = 0;
      for await (const consumer of jsm.consumers.list(stream.config.name)) unprocessed += consumer.num_pending + consumer.num_ack_pending;
      return { published, copied: stream.state.messages, unprocessed };
    }
    return { published, copied: 0, unprocessed: 0 };
  } finally {
    await connection.close();
  }
}
