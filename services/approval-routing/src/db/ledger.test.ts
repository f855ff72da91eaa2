import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLedger } from "@steward/platform/ledger";
import { addDays, civilDateOf, workingDaysBetween } from "@steward/calendar";
import type { CaseItem } from "../domain/case-item.js";
import { elapsedWorkingDays } from "../domain/clock.js";
import { activeStates, itemActions, itemStates, transition, type ItemAction } from "../domain/item-state.js";
import { runClockRound } from "../jobs/clock-scheduler.js";
import { caseChain } from "./item-pipeline.js";
import { createHarness, value, type GatewayAction, type Harness, type Routing } from "./test-harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness("routing_ledger");
});
afterAll(async () => {
  await harness?.close();
});

/** STHJ-HPB allows every mode and excludes expert review; one material of each kind. */
const code = "STHJ-HPB";
const core = "环境影响报告表";
const nonCore = "项目代码及备案证明";

async function routedItem(routing: Routing): Promise<CaseItem> {
  const kase = value(await routing.submit([code]));
  return routing.item(kase.id, code);
}

describe("the case ledger", () => {
  it("holds one row per transition and names the row someone altered", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await routedItem(routing);
    const script: GatewayAction[] = [
      { kind: "accept", mode: "tolerant", missingMaterials: [nonCore] },
      { kind: "record_supplement", materials: [nonCore] },
      { kind: "pause", periodKind: "expert_review" },
      { kind: "resume" },
      { kind: "request_supplement", materials: [core] },
      { kind: "decide", decision: "approve" }, // refused: the applicant is correcting
      { kind: "record_supplement", materials: [core] },
      { kind: "decide", decision: "approve" },
    ];
    let day = "2026-03-02";
    let refused = 0;
    for (const action of script) {
      const before = await routing.writes();
      const result = await routing.act(item, action);
      if (!result.ok) {
        refused++;
        expect(await routing.writes()).toEqual(before);
      }
      day = addDays(day, 1);
      routing.setDay(day);
    }
    expect(refused).toBe(1);

    const steps = routing.steps.filter((step) => step.itemId === item.id);
    expect(steps.map((step) => step.action)).toEqual([
      "accept",
      "start_review",
      "supplement_received",
      "pause_clock",
      "resume_clock",
      "request_supplement",
      "record_supplement",
      "approve",
    ]);
    const rows = await routing.ledger(item.caseId);
    const itemRows = rows.filter((row) => row.subject === item.id);
    // planned and routed come from the plan; every command step after them has exactly its row.
    expect(itemRows.map((row) => row.action)).toEqual(["item.planned", "item.route", ...steps.map((step) => `item.${step.action}`)]);
    expect(itemRows.slice(2).map((row) => [row.from, row.to])).toEqual(steps.map((step) => [step.from, step.to]));
    expect(rows.map((row) => row.action).filter((action) => action.startsWith("case."))).toEqual(["case.opened", "case.completed"]);
    expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index + 1));

    const chain = caseChain(item.caseId);
    expect(await verifyLedger(harness.sql, routing.region, chain)).toEqual({ ok: true, rows: rows.length });

    // The append-only triggers refuse an edit ...
    const target = itemRows.find((row) => row.action === "item.request_supplement")!;
    await expect(harness.sql`update ledger set reason = 'nothing to correct' where seq = ${target.seq}`).rejects.toThrow(/append-only/);
    // ... but a superuser can switch them off; the chain still shows where.
    await harness.sql.begin(async (tx) => {
      await tx`alter table ledger disable trigger user`;
      await tx`update ledger set reason = 'nothing to correct' where seq = ${target.seq}`;
      await tx`alter table ledger enable trigger user`;
    });
    expect(await verifyLedger(harness.sql, routing.region, chain)).toEqual({
      ok: false,
      rows: rows.length,
      firstBroken: { position: target.position, seq: target.seq, reason: "hash_mismatch" },
    });
  });
});

type Action = GatewayAction | { kind: "clock"; days: number } | { kind: "repeat" };

type Accept = Extract<GatewayAction, { kind: "accept" }>;
const materials = fc.subarray([nonCore, core]);
/** Mostly an acceptance the item allows, in each mode; sometimes anything at all (to be refused). */
const accept: fc.Arbitrary<Accept> = fc.oneof(
  { arbitrary: fc.constant<Accept>({ kind: "accept", mode: "normal", missingMaterials: [], commitmentRef: "" }), weight: 2 },
  { arbitrary: fc.constant<Accept>({ kind: "accept", mode: "tolerant", missingMaterials: [nonCore], commitmentRef: "" }), weight: 3 },
  { arbitrary: fc.constant<Accept>({ kind: "accept", mode: "commitment", missingMaterials: [], commitmentRef: "CN-2026-077" }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant("accept" as const),
      mode: fc.constantFrom("normal" as const, "tolerant" as const, "commitment" as const),
      missingMaterials: materials,
      commitmentRef: fc.constantFrom("", "CN-2026-078"),
    }),
    weight: 1,
  },
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: accept, weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("request_supplement" as const), materials }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("record_supplement" as const), materials }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("decide" as const), decision: fc.constantFrom("approve" as const, "reject" as const, "return" as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("pause" as const), periodKind: fc.constantFrom("expert_review", "hearing") }), weight: 1 },
  { arbitrary: fc.constant({ kind: "resume" as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("verify" as const), commitmentTrue: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("clock" as const), days: fc.integer({ min: 0, max: 10 }) }), weight: 4 },
  { arbitrary: fc.constant({ kind: "repeat" as const }), weight: 1 },
);

const transitionActions = new Set<string>(itemActions);

/** What must hold of an item whatever happened to it. */
function checkItem(item: CaseItem, today: string, schedule: Awaited<ReturnType<Routing["deps"]["schedule"]["get"]>>, owed: Set<string>): void {
  expect(itemStates).toContain(item.state);
  const open = item.pauses.filter((pause) => pause.to === undefined);
  expect(open.length, "at most one open pause").toBeLessThanOrEqual(1);
  if (item.state === "planned" || item.state === "routed") expect(item.acceptedOn).toBeUndefined();
  if (activeStates.has(item.state)) {
    expect(open.every((pause) => item.excludedPeriods.includes(pause.kind)), "an active item pauses only for an excluded period").toBe(true);
  }
  if (item.state === "returned_for_correction") expect(open.map((pause) => pause.kind)).toEqual(["correction"]);
  if (item.state === "suspended" || item.state === "returned") expect(open.map((pause) => pause.kind)).toEqual(["suspension"]);
  if (item.verificationOpen) expect(item).toMatchObject({ state: "approved", mode: "commitment" });
  if (item.state === "approved" && item.mode !== "commitment") {
    expect(item.outstandingMaterials, "approved with materials outstanding").toEqual([]);
    expect([...owed], "approved before the 容缺 materials came").toEqual([]);
  }
  if (item.acceptedOn) {
    // No clock runs backwards or ends before it started.
    const elapsed = elapsedWorkingDays(item, schedule, today);
    expect(elapsed).toBeGreaterThanOrEqual(0);
    expect(elapsed).toBeLessThanOrEqual(workingDaysBetween(item.acceptedOn, today, schedule));
    for (const due of [item.committedDue, item.statutoryDue]) {
      expect(due, "an accepted item has its deadlines").toBeDefined();
      expect(due!.date >= item.acceptedOn, `due ${due!.date} before acceptance ${item.acceptedOn}`).toBe(true);
    }
    expect(item.warnOn! >= item.acceptedOn).toBe(true);
    for (const due of [item.supplementDue, item.returnOn, item.verificationDue]) if (due) expect(due.date >= item.acceptedOn).toBe(true);
    // The lights belong to the deadlines as they stand: a yellow light not before its warn day,
    // a red light only after the committed deadline.
    if (item.warnedAt) expect(civilDateOf(item.warnedAt) >= item.warnOn!, `warned ${civilDateOf(item.warnedAt)}, warn day ${item.warnOn}`).toBe(true);
    if (item.overdueAt) expect(civilDateOf(item.overdueAt) > item.committedDue!.date, `overdue ${civilDateOf(item.overdueAt)}, due ${item.committedDue!.date}`).toBe(true);
  }
}

describe("any sequence of gateway actions and clock rounds", () => {
  it("reaches no illegal state, records one ledger row per step and runs no clock backwards", async () => {
    await fc.assert(
      fc.asyncProperty(accept, fc.array(action, { minLength: 4, maxLength: 30 }), async (first, actions) => {
        const routing = harness.routing({ day: "2026-03-02" });
        let item = await routedItem(routing);
        let day = "2026-03-02";
        let clockRows = 0;
        const owed = new Set<string>();
        let last: { action: GatewayAction; requestId: string } | undefined;

        for (const next of [first, ...actions]) {
          const before = await routing.reload(item);
          const written = await routing.writes();
          if (next.kind === "clock") {
            day = addDays(day, next.days);
            routing.setDay(day);
            const report = await runClockRound(routing.deps);
            const escalated = (await routing.writes()).escalations - written.escalations;
            clockRows += report.warned + report.overdue + report.suspended + report.returned + escalated;
          } else {
            const repeat = next.kind === "repeat";
            if (repeat && !last) continue;
            const gateway = repeat ? last!.action : next;
            const requestId = repeat ? last!.requestId : randomUUID();
            const result = await routing.act(before, gateway, { requestId });
            if (repeat) {
              // A repeated request answers with the item as it is and writes nothing.
              expect(result.ok).toBe(true);
              expect(await routing.writes()).toEqual(written);
            } else if (!result.ok) {
              expect(await routing.reload(item), `refused ${JSON.stringify(gateway)} changed the item`).toEqual(before);
              expect(await routing.writes(), `refused ${JSON.stringify(gateway)} wrote`).toEqual(written);
            } else {
              last = { action: gateway, requestId };
              if (gateway.kind === "accept" && gateway.mode === "tolerant") gateway.missingMaterials?.forEach((material) => owed.add(material));
              if (gateway.kind === "record_supplement") gateway.materials.forEach((material) => owed.delete(material));
            }
          }
          item = await routing.reload(item);
          checkItem(item, day, await routing.deps.schedule.get(), owed);
        }

        // One ledger row per recorded step: the plan's two, each command's steps, each clock row.
        const rows = await routing.itemLedger(item);
        const steps = routing.steps.filter((step) => step.itemId === item.id);
        expect(rows.length).toBe(2 + steps.length + clockRows);
        // The rows chain the states together, and every transition among them is a legal one.
        let state = "";
        for (const row of rows) {
          expect(row.from, `${row.action} starts where the last row ended`).toBe(state);
          if (transitionActions.has(row.action.slice("item.".length))) {
            const legal = transition(row.from as CaseItem["state"], row.action.slice("item.".length) as ItemAction);
            expect(legal.ok && legal.value, `${row.action} from ${row.from}`).toBe(row.to);
          } else if (row.action !== "item.planned") {
            expect(row.to, `${row.action} leaves the state as it is`).toBe(row.from);
          }
          state = row.to;
        }
        expect(state).toBe(item.state);
        expect((await verifyLedger(harness.sql, routing.region, caseChain(item.caseId))).ok).toBe(true);
      }),
      {
        numRuns: 25,
        examples: [
          // Found by hand, too rare for random runs: a 补正 (or a return) must not waive the 容缺 material.
          [
            { kind: "accept", mode: "tolerant", missingMaterials: [nonCore], commitmentRef: "" },
            [
              { kind: "decide", decision: "return" },
              { kind: "record_supplement", materials: [core] },
              { kind: "decide", decision: "approve" },
              { kind: "request_supplement", materials: [core] },
              { kind: "record_supplement", materials: [core] },
              { kind: "decide", decision: "approve" },
            ],
          ],
        ],
      },
    );
  });
});
