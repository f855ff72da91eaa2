import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyLedger } from "@steward/platform/ledger";
import { decideItem } from "../domain/item-commands.js";
import { runClockRound } from "../jobs/clock-scheduler.js";
import { caseChain } from "./item-pipeline.js";
import { createHarness, value, type Harness } from "./test-harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness("routing_plans");
});
afterAll(async () => {
  await harness?.close();
});

/** A general industrial project: 15 county items over the four stages and 准营. */
const industrialPlan = [
  "FGW-BA",
  "ZRZY-YDYS",
  "ZRZY-YDGH",
  "STHJ-HPB",
  "SL-STBC",
  "ZRZY-GCGH",
  "ZJ-XFSJ",
  "RF-BJSP",
  "QX-FLSJ",
  "ZJ-SGXK",
  "ZJ-XFYS",
  "ZRZY-GHHS",
  "ZJ-JGBA",
  "SCJG-YYZZ",
  "GA-YZBA",
];

describe("a 15-item industrial plan", () => {
  it("routes each stage's ready items together and completes the case exactly once", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const kase = value(await routing.submit(industrialPlan));
    expect(kase.status).toBe("open");
    expect(kase.items).toHaveLength(15);

    // 并联: everything without an in-plan prerequisite goes out at once.
    expect(await routing.codesIn(kase.id, "routed")).toEqual(["FGW-BA", "SCJG-YYZZ", "SL-STBC", "STHJ-HPB"]);
    expect(await routing.codesIn(kase.id, "planned")).toHaveLength(11);

    // Approving each item, in this order, routes exactly these items next.
    const script: [string, string[]][] = [
      ["FGW-BA", ["ZRZY-YDYS"]],
      ["STHJ-HPB", []],
      ["SL-STBC", []],
      ["SCJG-YYZZ", ["GA-YZBA"]],
      ["GA-YZBA", []],
      ["ZRZY-YDYS", ["ZRZY-YDGH"]],
      ["ZRZY-YDGH", ["QX-FLSJ", "RF-BJSP", "ZJ-XFSJ", "ZRZY-GCGH"]],
      ["ZRZY-GCGH", []],
      ["ZJ-XFSJ", []],
      ["RF-BJSP", []],
      ["QX-FLSJ", ["ZJ-SGXK"]],
      ["ZJ-SGXK", ["ZJ-XFYS", "ZRZY-GHHS"]],
      ["ZJ-XFYS", []],
      ["ZRZY-GHHS", ["ZJ-JGBA"]],
      ["ZJ-JGBA", []],
    ];
    const everRouted = new Set(await routing.codesIn(kase.id, "routed"));
    let day = 2;
    for (const [code, next] of script) {
      routing.setDay(`2026-03-${String(day++).padStart(2, "0")}`);
      const item = await routing.item(kase.id, code);
      expect(item.state, code).toBe("routed");

      // Department-scoped: another department does not even see the item.
      const stranger = await routing.act(item, { kind: "accept", mode: "normal" }, { department: item.departmentCode === "zj" ? "zrzy" : "zj" });
      expect(!stranger.ok && stranger.error.code).toBe("not_found");

      const acceptId = randomUUID();
      const accepted = value(await routing.act(item, { kind: "accept", mode: "normal" }, { requestId: acceptId }));
      expect(accepted.state).toBe("in_review");
      // The same request again is answered with the item as it is, and does nothing more.
      const before = await routing.writes();
      expect(value(await routing.act(item, { kind: "accept", mode: "normal" }, { requestId: acceptId })).state).toBe("in_review");
      expect(await routing.writes()).toEqual(before);

      const approveId = randomUUID();
      expect(value(await routing.act(item, { kind: "decide", decision: "approve" }, { requestId: approveId })).state).toBe("approved");
      expect(value(await routing.act(item, { kind: "decide", decision: "approve" }, { requestId: approveId })).state).toBe("approved");

      const routedNow = (await routing.codesIn(kase.id, "routed")).filter((routed) => !everRouted.has(routed));
      expect(routedNow, `routed after approving ${code}`).toEqual(next);
      routedNow.forEach((routed) => everRouted.add(routed));

      const [status] = await routing.sql<{ status: string }[]>`select status from cases where id = ${kase.id}`;
      expect(status!.status, `case after ${code}`).toBe(code === "ZJ-JGBA" ? "completed" : "open");
    }

    expect(await routing.codesIn(kase.id, "approved")).toEqual([...industrialPlan].sort());
    const completed = await routing.events("routing.case.completed");
    expect(completed).toHaveLength(1);
    expect(completed[0]!.payload).toMatchObject({ $case: "caseCompleted", value: { caseId: kase.id, itemCount: 15 } });
    expect((await routing.events("routing.item.routed")).length).toBe(15);
    expect((await routing.events("routing.item.decided")).length).toBe(15);
    expect((await routing.ledger(kase.id)).filter((row) => row.action === "case.completed")).toHaveLength(1);

    // Nothing afterwards completes it again: a clock round, a repeated last decision.
    await runClockRound(routing.deps);
    const last = await routing.item(kase.id, "ZJ-JGBA");
    expect((await routing.act(last, { kind: "decide", decision: "approve" })).ok).toBe(false);
    expect(await routing.events("routing.case.completed")).toHaveLength(1);
  });
});

describe("the last decisions of a case", () => {
  it("complete it exactly once when two replicas approve its last items at the same time", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const replicas = [routing.replica(), routing.replica()];
    const kases = [];
    for (let n = 0; n < 5; n++) kases.push(value(await routing.submit(["STHJ-HPB", "SL-STBC", "SCJG-YYZZ"])));
    const pairs = [];
    for (const kase of kases) {
      const items = await routing.items(kase.id);
      for (const item of items) value(await routing.act(item, { kind: "accept", mode: "normal" }));
      pairs.push(items);
    }
    // Per case, each replica approves its items concurrently with the other.
    await Promise.all(
      pairs.flatMap((items) =>
        items.map((item, index) =>
          routing.command(
            {
              itemId: item.id,
              department: item.departmentCode,
              request: { id: randomUUID(), digest: Buffer.from(item.id) },
              actor: `dept:${item.departmentCode}`,
              action: "approve",
              run: (current, context) => decideItem(current, { decision: "approve", reason: "同意", documentRefs: [], openConsultations: 0 }, context),
            },
            replicas[index % 2],
          ),
        ),
      ),
    ).then((results) => results.forEach(value));

    const completed = await routing.events("routing.case.completed");
    expect(completed.map((event) => (event.payload?.value as { caseId: string }).caseId).sort()).toEqual(kases.map((kase) => kase.id).sort());
    for (const kase of kases) {
      expect((await routing.ledger(kase.id)).filter((row) => row.action === "case.completed"), kase.id).toHaveLength(1);
      expect(await verifyLedger(routing.sql, routing.region, caseChain(kase.id))).toMatchObject({ ok: true });
    }
  });
});

describe("plan revisions", () => {
  const planId = randomUUID();

  it("adds and drops items, keeps history, answers repeats idempotently and refuses older versions", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const v1 = value(await routing.submit(["FGW-BA", "ZRZY-YDYS", "STHJ-HPB", "SL-STBC"], { planId, version: 1 }));
    expect(await routing.codesIn(v1.id, "routed")).toEqual(["FGW-BA", "SL-STBC", "STHJ-HPB"]);
    const dropped = await routing.item(v1.id, "SL-STBC");
    value(await routing.act(dropped, { kind: "accept", mode: "normal" }));

    routing.setDay("2026-03-04");
    const v2 = value(await routing.submit(["FGW-BA", "ZRZY-YDYS", "STHJ-HPB", "SCJG-YYZZ", "ZRZY-YDGH"], { planId, version: 2 }));
    expect(v2.id).toBe(v1.id);
    expect(v2.planVersion).toBe(2);
    // Added: one routed at once, one planned behind its prerequisite; dropped: cancelled, not deleted.
    const states = Object.fromEntries((await routing.items(v1.id)).map((item) => [item.itemCode, item.state]));
    expect(states).toEqual({ "FGW-BA": "routed", "ZRZY-YDYS": "planned", "STHJ-HPB": "routed", "SL-STBC": "cancelled", "SCJG-YYZZ": "routed", "ZRZY-YDGH": "planned" });

    const ledger = await routing.ledger(v1.id);
    const added = await routing.item(v1.id, "SCJG-YYZZ");
    expect(ledger.filter((row) => row.subject === added.id).map((row) => row.action)).toEqual(["item.planned", "item.route"]);
    expect(ledger.filter((row) => row.subject === dropped.id).map((row) => `${row.action}:${row.from}->${row.to}`)).toEqual([
      "item.planned:->planned",
      "item.route:planned->routed",
      "item.accept:routed->accepted",
      "item.start_review:accepted->in_review",
      "item.cancel:in_review->cancelled",
    ]);
    expect(ledger.filter((row) => row.action === "case.revised").map((row) => `${row.from}->${row.to}`)).toEqual(["1->2"]);
    expect((await routing.itemEvents("routing.item.transitioned", dropped.id)).map((event) => event.payload?.value)).toMatchObject([{ action: "cancel", toState: "cancelled" }]);

    // Repeats of versions already taken change nothing (the items in any order).
    const before = await routing.writes();
    const taken: [number, string[]][] = [
      [1, ["SL-STBC", "STHJ-HPB", "ZRZY-YDYS", "FGW-BA"]],
      [2, ["FGW-BA", "ZRZY-YDYS", "STHJ-HPB", "SCJG-YYZZ", "ZRZY-YDGH"]],
    ];
    for (const [version, items] of taken) {
      const again = value(await routing.submit(items, { planId, version }));
      expect(again.id).toBe(v1.id);
      expect(again.planVersion).toBe(2);
    }
    // Issue 8: the same plan id and version with other items or another project answered OK with
    // the original case. They are another request under the same key.
    for (const reused of [routing.submit(["FGW-BA"], { planId, version: 1 }), routing.submit(taken[1]![1], { planId, version: 2, projectName: "另一个项目" })]) {
      const refused = await reused;
      expect(!refused.ok && refused.error).toMatchObject({ code: "already_exists", reason: "REQUEST_ID_REUSED" });
    }
    expect(await routing.writes()).toEqual(before);
    expect((await routing.ledger(v1.id)).length).toBe(ledger.length);

    // Re-adding the dropped item opens a second attempt beside the cancelled first one.
    const v4 = value(await routing.submit(["FGW-BA", "ZRZY-YDYS", "STHJ-HPB", "SCJG-YYZZ", "ZRZY-YDGH", "SL-STBC"], { planId, version: 4 }));
    const attempts = v4.items.filter((item) => item.itemCode === "SL-STBC").map((item) => `${item.attempt}:${item.state}`);
    expect(attempts).toEqual(["1:cancelled", "2:routed"]);

    // A version lower than the case's, never submitted before, is refused and writes nothing.
    const written = await routing.writes();
    const older = await routing.submit(["FGW-BA"], { planId, version: 3 });
    expect(!older.ok && older.error.code).toBe("failed_precondition");
    expect(await routing.writes()).toEqual(written);
  });

  it("answers a submission racing another of the same version ABORTED (retryable), and its retry as a repeat", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const replica = routing.replica();
    const plan = randomUUID();
    const waitingOnLocks = async () =>
      Number((await routing.sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)[0]!.n);
    /** Both replicas submit the same version while `blocker` holds them after their reads; then it lets go. */
    const race = async (itemCodes: string[], version: number, block: (conn: Awaited<ReturnType<typeof routing.sql.reserve>>) => Promise<unknown>, release: "commit" | "rollback") => {
      const conn = await routing.sql.reserve();
      try {
        await conn`begin`;
        await block(conn);
        const racing = Promise.all([routing.submit(itemCodes, { planId: plan, version }), routing.submit(itemCodes, { planId: plan, version }, replica)]);
        await vi.waitFor(async () => expect(await waitingOnLocks()).toBe(2), { timeout: 10_000 });
        await conn.unsafe(release);
        return await racing;
      } finally {
        conn.release();
      }
    };

    // A first version: both read "no case yet", then wait on a case row of this plan that is never
    // committed; one then opens the case and the other finds it taken.
    const first = await race(["FGW-BA", "STHJ-HPB"], 1, (conn) => conn`insert into cases (id, region, plan_id, plan_version, project_id, project_name, status) values (${randomUUID()}, ${routing.region}, ${plan}, 1, ${randomUUID()}, 'held', 'open')`, "rollback");
    // A revision: both wait on the case's row lock; one revises, the other then sees its version taken.
    const revised = await race(["FGW-BA", "STHJ-HPB", "SL-STBC"], 2, (conn) => conn`select id from cases where plan_id = ${plan} for update`, "commit");
    for (const [version, results] of [[1, first], [2, revised]] as const) {
      // It used to be FAILED_PRECONDITION, which callers do not retry.
      expect(results.map((result) => (result.ok ? "ok" : `${result.error.code}:${result.error.reason}`)).sort()).toEqual(["aborted:PLAN_SUBMISSION_CONCURRENT", "ok"]);
      const winner = results.find((result) => result.ok);
      const retried = value(await routing.submit(version === 1 ? ["FGW-BA", "STHJ-HPB"] : ["FGW-BA", "STHJ-HPB", "SL-STBC"], { planId: plan, version }, replica));
      expect(retried.id).toBe(winner?.ok && winner.value.id);
    }
    const [row] = await routing.sql<{ cases: number; submissions: number }[]>`
      select (select count(*)::int from cases where plan_id = ${plan}) as cases, (select count(*)::int from plan_submissions where plan_id = ${plan}) as submissions`;
    expect(row).toEqual({ cases: 1, submissions: 2 });
  });

  it("reopens a completed case when a revision adds an item, and completes it again once", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const plan = randomUUID();
    const kase = value(await routing.submit(["SCJG-YYZZ"], { planId: plan, version: 1 }));
    await routing.acceptAndApprove(await routing.item(kase.id, "SCJG-YYZZ"));
    expect((await routing.events("routing.case.completed")).length).toBe(1);

    const revised = value(await routing.submit(["SCJG-YYZZ", "GA-YZBA"], { planId: plan, version: 2 }));
    expect(revised.status).toBe("open");
    await routing.acceptAndApprove(await routing.item(kase.id, "GA-YZBA"));
    const [row] = await routing.sql<{ status: string }[]>`select status from cases where id = ${kase.id}`;
    expect(row!.status).toBe("completed");
    expect((await routing.events("routing.case.completed")).length).toBe(2);
  });
});
