import { randomUUID } from "node:crypto";
import { verifyLedger } from "@steward/platform/ledger";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CaseItem } from "../domain/case-item.js";
import { acceptItem } from "../domain/item-commands.js";
import { GroupCommit } from "./group-commit.js";
import { caseChain, type ItemCommand } from "./item-pipeline.js";
import { createHarness, gatewayCommand, value, type Harness, type Routing } from "./test-harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness("group_commit");
});
afterAll(async () => {
  await harness?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** The transaction (xid) that left each of these items in a state, from the department feed. */
async function xidsOf(routing: Routing, changes: [CaseItem, CaseItem["state"]][]): Promise<string[]> {
  const xids: string[] = [];
  for (const [item, state] of changes) {
    const rows = await routing.sql<{ xid: string }[]>`
      select xid::text as xid from assignment_changes
      where region = ${routing.region} and item_id = ${item.id} and snapshot->>'state' = ${state} order by seq limit 1`;
    if (!rows[0]) throw new Error(`no change of ${item.itemCode} to ${state} on the feed`);
    xids.push(rows[0].xid);
  }
  return xids;
}

/** The routed items of a fresh case of these codes, by code. */
async function openCase(routing: Routing, codes: string[]): Promise<Map<string, CaseItem>> {
  const kase = value(await routing.submit(codes, { projectId: randomUUID() }));
  return new Map((await routing.items(kase.id)).map((item) => [item.itemCode, item]));
}

/**
 * Starts `commands` so that they commit as one batch: a first command on another case starts
 * alone at once (nothing was running), and every command that arrives while it runs queues for
 * the batch after it.
 */
async function asOneBatch(routing: Routing, commits: GroupCommit, commands: ItemCommand[]): Promise<PromiseSettledResult<Awaited<ReturnType<GroupCommit["apply"]>>>[]> {
  const lead = (await openCase(routing, ["FGW-BA"])).get("FGW-BA")!;
  const [first, ...rest] = await Promise.allSettled([commits.apply(gatewayCommand(lead, { kind: "accept", mode: "normal" })), ...commands.map((command) => commits.apply(command))]);
  expect(first).toMatchObject({ status: "fulfilled", value: { ok: true } });
  return rest;
}

const answered = (settled: PromiseSettledResult<unknown> | undefined) => {
  if (settled?.status !== "fulfilled") throw new Error(`the command failed: ${String((settled as PromiseRejectedResult | undefined)?.reason)}`);
  return settled.value as Awaited<ReturnType<GroupCommit["apply"]>>;
};

describe("group commit of department commands", () => {
  it("commits the accepted commands of a batch together, and a refused one refuses only itself and gives its request id back", async () => {
    const routing = harness.routing();
    const commits = new GroupCommit(routing.deps, { maxBatch: 100 });
    const items = await openCase(routing, ["STHJ-HPB", "SL-STBC", "SCJG-YYZZ"]);
    const [sthj, sl, scjg] = [items.get("STHJ-HPB")!, items.get("SL-STBC")!, items.get("SCJG-YYZZ")!];
    const refusedId = randomUUID();
    const slLedger = (await routing.itemLedger(sl)).length;
    const accept = gatewayCommand(sthj, { kind: "accept", mode: "normal" });

    const [accepted, refused, alsoAccepted, retried] = await asOneBatch(routing, commits, [
      accept,
      // Not accepted yet: the domain refuses the approval.
      gatewayCommand(sl, { kind: "decide", decision: "approve" }, { requestId: refusedId }),
      gatewayCommand(scjg, { kind: "accept", mode: "normal" }),
      // The same request again in the same batch: a retry, answered with the item the first left.
      gatewayCommand(sthj, { kind: "accept", mode: "normal" }, { requestId: accept.request!.id }),
    ]);

    expect(value(answered(accepted)).item.state).toBe("in_review");
    expect(value(answered(alsoAccepted)).item.state).toBe("in_review");
    expect(value(answered(retried)).item).toMatchObject({ id: sthj.id, state: "in_review" });
    const refusal = answered(refused);
    expect(refusal.ok).toBe(false);
    expect(!refusal.ok && refusal.error.code).toBe("failed_precondition");

    // The two accepts are one transaction; the refused approval left nothing behind.
    const [first, second] = await xidsOf(routing, [
      [sthj, "in_review"],
      [scjg, "in_review"],
    ]);
    expect(first).toBe(second);
    expect((await routing.reload(sl)).state).toBe("routed");
    expect(await routing.itemLedger(sl)).toHaveLength(slLedger);
    expect(await routing.itemLedger(sthj, "item.accept")).toHaveLength(1);
    expect(await routing.sql`select 1 from gateway_requests where region = ${routing.region} and request_id = ${refusedId}`).toHaveLength(0);
    expect(await verifyLedger(routing.sql, routing.region, caseChain(sthj.caseId))).toMatchObject({ ok: true });

    // Its request id was never used: once the item is accepted, the same id approves it.
    value(await routing.act(sl, { kind: "accept", mode: "normal" }));
    const approved = await commits.apply(gatewayCommand(sl, { kind: "decide", decision: "approve" }, { requestId: refusedId }));
    expect(value(approved).item.state).toBe("approved");
  });

  it("runs a batch again one command per transaction when one command makes the database fail, so the others still commit", async () => {
    const routing = harness.routing();
    const commits = new GroupCommit(routing.deps, { maxBatch: 100 });
    const items = await openCase(routing, ["STHJ-HPB", "SL-STBC", "SCJG-YYZZ"]);
    const [sthj, sl, scjg] = [items.get("STHJ-HPB")!, items.get("SL-STBC")!, items.get("SCJG-YYZZ")!];
    // A command whose outcome the database cannot store (the 30th of February).
    const broken: ItemCommand = {
      ...gatewayCommand(sl, { kind: "accept", mode: "normal" }),
      run: (current, context, facts) => {
        const outcome = acceptItem(current, { mode: "normal", missingMaterials: [], commitmentRef: "" }, context, facts.runningBar);
        return outcome.ok ? { ok: true, value: { ...outcome.value, item: { ...outcome.value.item, acceptedOn: "2026-02-30" } } } : outcome;
      },
    };

    const [good, bad, alsoGood] = await asOneBatch(routing, commits, [
      gatewayCommand(sthj, { kind: "accept", mode: "normal" }),
      broken,
      gatewayCommand(scjg, { kind: "accept", mode: "normal" }),
    ]);

    expect(value(answered(good)).item.state).toBe("in_review");
    expect(value(answered(alsoGood)).item.state).toBe("in_review");
    expect(bad?.status).toBe("rejected");
    expect((await routing.reload(sl)).state).toBe("routed");
    expect(await routing.itemLedger(sl, "item.accept")).toHaveLength(0);
    expect(await routing.sql`select 1 from gateway_requests where region = ${routing.region} and request_id = ${broken.request!.id}`).toHaveLength(0);
    // Each good command committed in a transaction of its own.
    const [first, second] = await xidsOf(routing, [
      [sthj, "in_review"],
      [scjg, "in_review"],
    ]);
    expect(first).not.toBe(second);
    expect(await verifyLedger(routing.sql, routing.region, caseChain(sthj.caseId))).toMatchObject({ ok: true });
  });

  it("keeps the arrival order of a case's commands, in its ledger chain and its items, around an approval that routes the next item", async () => {
    const routing = harness.routing();
    const commits = new GroupCommit(routing.deps, { maxBatch: 100 });
    // GA-YZBA waits for SCJG-YYZZ; STHJ-HPB and SL-STBC run in parallel.
    const items = await openCase(routing, ["SCJG-YYZZ", "GA-YZBA", "STHJ-HPB", "SL-STBC"]);
    const [scjg, ga, sthj, sl] = [items.get("SCJG-YYZZ")!, items.get("GA-YZBA")!, items.get("STHJ-HPB")!, items.get("SL-STBC")!];
    expect(ga.state).toBe("planned");
    value(await routing.act(scjg, { kind: "accept", mode: "normal" }));
    const before = (await routing.ledger(scjg.caseId)).length;

    const answers = await asOneBatch(routing, commits, [
      gatewayCommand(sthj, { kind: "accept", mode: "normal" }),
      gatewayCommand(sl, { kind: "accept", mode: "normal" }),
      gatewayCommand(sthj, { kind: "decide", decision: "approve" }),
      // Approving SCJG-YYZZ routes GA-YZBA; the commands after it on the case see that.
      gatewayCommand(scjg, { kind: "decide", decision: "approve" }),
      gatewayCommand(ga, { kind: "accept", mode: "normal" }),
      gatewayCommand(sl, { kind: "decide", decision: "approve" }),
    ]);
    for (const settled of answers) expect(answered(settled).ok).toBe(true);

    const chain = (await routing.ledger(scjg.caseId)).slice(before).map((row) => `${row.subject === undefined ? "case" : [...items.values()].find((item) => item.id === row.subject)?.itemCode} ${row.action}`);
    expect(chain).toEqual([
      "STHJ-HPB item.accept",
      "STHJ-HPB item.start_review",
      "SL-STBC item.accept",
      "SL-STBC item.start_review",
      "STHJ-HPB item.approve",
      "SCJG-YYZZ item.approve",
      "GA-YZBA item.route",
      "GA-YZBA item.accept",
      "GA-YZBA item.start_review",
      "SL-STBC item.approve",
    ]);
    expect(await verifyLedger(routing.sql, routing.region, caseChain(scjg.caseId))).toMatchObject({ ok: true });
    expect((await routing.items(scjg.caseId)).map((item) => [item.itemCode, item.state]).sort()).toEqual([
      ["GA-YZBA", "in_review"],
      ["SCJG-YYZZ", "approved"],
      ["SL-STBC", "approved"],
      ["STHJ-HPB", "approved"],
    ]);
    // The batch ran up to the case's first approval (which may route items); the case's commands
    // after it ran after that commit, each on its own.
    const [accepted, alsoAccepted, approved, later] = await xidsOf(routing, [
      [sthj, "in_review"],
      [sl, "in_review"],
      [sthj, "approved"],
      [scjg, "approved"],
    ]);
    expect([alsoAccepted, approved]).toEqual([accepted, accepted]);
    expect(later).not.toBe(accepted);
  });

  it("answers a lone call at once, in a transaction of its own, without waiting for a batch to fill", async () => {
    const routing = harness.routing();
    const commits = new GroupCommit(routing.deps, { maxBatch: 100 });
    const items = await openCase(routing, ["STHJ-HPB"]);
    // Timers stand still (the pool is warm, so no connection needs one): a batcher that waited
    // for company for some time would never answer.
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval"] });
    const answer = await commits.apply(gatewayCommand(items.get("STHJ-HPB")!, { kind: "accept", mode: "normal" }));
    vi.useRealTimers();
    expect(value(answer).item.state).toBe("in_review");
  });
});
