import { startHotlineStandIn, freePort, type HotlineStandIn } from "@steward/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerTicketCommand, receiveHotlineMessage } from "../commands/hotline.js";
import { leaseDeliveries, recordDeliveryOutcome } from "../db/hotline.js";
import { startIntakeFixture, steward, type IntakeFixture } from "../testing/intake-fixture.js";
import { dispatchRound, leaseMarginMs, retryDelayMs, type HotlineDispatchOptions } from "./hotline-dispatcher.js";

/** The outbound half of the 12345 link against the stand-in hotline system: real Postgres, real HTTP. */
let fixture: IntakeFixture & { db: { drop(): Promise<void> } };
let hotline: HotlineStandIn;
const timeoutMs = 5000;

beforeAll(async () => {
  fixture = await startIntakeFixture("intake_hotline_push");
  hotline = await startHotlineStandIn();
});
afterAll(async () => {
  await hotline?.close();
  await fixture?.close();
});
beforeEach(async () => {
  await fixture.reset();
  hotline.received.length = 0;
  hotline.attempts.length = 0;
});

const options = (overrides: Partial<HotlineDispatchOptions> = {}): HotlineDispatchOptions => ({
  sql: fixture.sql,
  region: fixture.deps.region,
  secret: hotline.secret,
  callbackUrl: hotline.callbackUrl,
  maxAttempts: 4,
  timeoutMs,
  logger: fixture.logger,
  now: () => fixture.now,
  ...overrides,
});

let ticketSequence = 0;
/** A ticket the hotline sent about a registered project (one push queued: in_progress), then answered (a second). */
async function ticketTakenAndAnswered(): Promise<{ ticketId: string; ticketNo: string }> {
  const project = await fixture.registerProject();
  const ticketNo = `HL-TEST-${++ticketSequence}`;
  const received = await receiveHotlineMessage(fixture.deps, `msg-${ticketNo}`, {
    type: "ticket.created",
    ticket: { ticketNo, tier: "general", receivedAt: fixture.now.toISOString(), title: "企业来电", content: "反映审批进度", projectId: project.id },
  });
  if (!received.ok || received.value.duplicate) throw new Error("the ticket was not received");
  const answered = await answerTicketCommand(fixture.deps, received.value.ticket.id, { answer: "已协调自然资源局办理" }, steward);
  if (!answered.ok) throw new Error("the ticket was not answered");
  return { ticketId: received.value.ticket.id, ticketNo };
}

const rows = () => fixture.sql<{ id: string; attempts: number; delivered: boolean; failed: boolean; last_error: string | null; next_attempt_at: Date }[]>`
  select id, attempts, delivered_at is not null as delivered, failed_at is not null as failed, last_error, next_attempt_at from hotline_deliveries order by seq`;

const later = (ms: number) => (fixture.now = new Date(fixture.now.getTime() + ms));

describe("pushing ticket status changes to the hotline", () => {
  it("sends a ticket's changes in the order they happened, signed, each once", async () => {
    const { ticketNo } = await ticketTakenAndAnswered();
    // The second change waits for the first: one push per ticket per round.
    expect(await dispatchRound(options())).toBe(1);
    expect(await dispatchRound(options())).toBe(1);
    expect(await dispatchRound(options())).toBe(0);
    expect(hotline.received.map((push) => [push.body.ticketNo, push.body.status])).toEqual([
      [ticketNo, "in_progress"],
      [ticketNo, "answered"],
    ]);
    expect(hotline.received[1]!.body.answer).toBe("已协调自然资源局办理");
    expect(hotline.refused).toBe(0);
    expect(await rows()).toEqual([expect.objectContaining({ attempts: 1, delivered: true }), expect.objectContaining({ attempts: 1, delivered: true })]);
  });

  it("pushes of different tickets go out in the same round", async () => {
    await ticketTakenAndAnswered();
    await ticketTakenAndAnswered();
    expect(await dispatchRound(options())).toBe(2);
    expect(hotline.received.map((push) => push.body.status)).toEqual(["in_progress", "in_progress"]);
  });

  it("retries an outage with back-off under the same webhook id, and delivers once", async () => {
    await ticketTakenAndAnswered();
    hotline.failNext(2, 503);
    expect(await dispatchRound(options())).toBe(1);
    let [first] = await rows();
    expect(first).toMatchObject({ attempts: 1, delivered: false, failed: false, last_error: "hotline answered 503" });
    expect(first!.next_attempt_at).toEqual(new Date(fixture.now.getTime() + retryDelayMs(1)));
    // Not due yet: nothing is sent, and the ticket's next change does not overtake it.
    expect(await dispatchRound(options())).toBe(0);
    later(retryDelayMs(1));
    await dispatchRound(options());
    later(retryDelayMs(2));
    await dispatchRound(options());
    [first] = await rows();
    expect(first).toMatchObject({ attempts: 3, delivered: true, last_error: null });
    expect(hotline.attempts.map((attempt) => [attempt.id, attempt.answered])).toEqual([
      [first!.id, 503],
      [first!.id, 503],
      [first!.id, 204],
    ]);
    expect(hotline.received.map((push) => push.body.status)).toEqual(["in_progress"]);
    await dispatchRound(options());
    expect(hotline.received.map((push) => push.body.status)).toEqual(["in_progress", "answered"]);
  });

  it("gives up after the last attempt, keeps the error, and the ticket's next change goes out", async () => {
    await ticketTakenAndAnswered();
    hotline.failNext(2, 500);
    await dispatchRound(options({ maxAttempts: 2 }));
    later(retryDelayMs(1));
    await dispatchRound(options({ maxAttempts: 2 }));
    const [first, second] = await rows();
    expect(first).toMatchObject({ attempts: 2, delivered: false, failed: true, last_error: "hotline answered 500" });
    expect(second).toMatchObject({ attempts: 0, delivered: false });
    await dispatchRound(options({ maxAttempts: 2 }));
    expect(hotline.received.map((push) => push.body.status)).toEqual(["answered"]);
  });

  it("an unreachable hotline is an attempt that failed, retried later", async () => {
    await ticketTakenAndAnswered();
    await dispatchRound(options({ callbackUrl: `http://127.0.0.1:${await freePort()}/status` }));
    const [first] = await rows();
    expect(first).toMatchObject({ attempts: 1, delivered: false, failed: false });
    expect(first!.last_error).toMatch(/^could not reach the hotline/);
  });

  it("holds no transaction and no row lock while the hotline is being called", async () => {
    await ticketTakenAndAnswered();
    const held = hotline.holdNext();
    const round = dispatchRound(options());
    await held.arrived;
    try {
      const [activity] = await fixture.sql<{ idle_in_transaction: number }[]>`
        select count(*)::int as idle_in_transaction from pg_stat_activity
        where datname = current_database() and state like 'idle in transaction%' and pid <> pg_backend_pid()`;
      expect(activity!.idle_in_transaction).toBe(0);
      // The row being pushed can be locked by anyone else at once: nothing holds it.
      const locked = await fixture.sql.begin((tx) => tx`select id from hotline_deliveries order by seq limit 1 for update nowait`);
      expect(locked).toHaveLength(1);
    } finally {
      held.release();
    }
    expect(await round).toBe(1);
    expect((await rows())[0]).toMatchObject({ attempts: 1, delivered: true });
  });

  it("a push whose sender died mid-call is retried under the same id once its lease runs out; the dead sender's late outcome is ignored", async () => {
    await ticketTakenAndAnswered();
    // A replica leases the push, then dies before recording anything.
    const leaseUntil = new Date(fixture.now.getTime() + timeoutMs + leaseMarginMs);
    const [lost] = await leaseDeliveries(fixture.sql, fixture.deps.region, fixture.now, leaseUntil, 10);
    expect(lost).toBeDefined();
    expect(await dispatchRound(options())).toBe(0);
    fixture.now = leaseUntil;
    expect(await dispatchRound(options())).toBe(1);
    expect(hotline.attempts.map((attempt) => attempt.id)).toEqual([lost!.id]);
    expect((await rows())[0]).toMatchObject({ attempts: 2, delivered: true });
    // The first lease's outcome arrives late: it no longer counts.
    expect(await recordDeliveryOutcome(fixture.sql, lost!, { delivered: false, error: "late", retryAt: undefined })).toBe(false);
    expect((await rows())[0]).toMatchObject({ delivered: true, failed: false, last_error: null });
  });
});
