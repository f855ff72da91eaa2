/**
 * The routing rules of issue 10, each through the gRPC services as department systems, stewards and
 * the other region's routing service call them: the real handlers on real servers, over Postgres,
 * with each region's clock set by the test.
 */
import { randomUUID } from "node:crypto";
import { status } from "@grpc/grpc-js";
import { createClient, fieldViolationsOf } from "@steward/platform/grpc";
import { routingV1 } from "@steward/proto";
import { uniqueRegion } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClockRound } from "../../jobs/clock-scheduler.js";
import { createTestServers, drain, failure, outboxEvents, submit, type Gateway, type RegionServer, type TestServers } from "../test-server.js";

const { PROCESSING_MODE_NORMAL: normal, PROCESSING_MODE_TOLERANT: tolerant, PROCESSING_MODE_COMMITMENT: commitment } = routingV1.ProcessingMode;
const { ITEM_STATE_IN_REVIEW, ITEM_STATE_APPROVED, ITEM_STATE_REVOKED, ITEM_STATE_RESUBMITTED } = routingV1.ItemState;

let servers: TestServers;
beforeAll(async () => {
  servers = await createTestServers("routing_rules", { watchPollMs: 5000 });
});
afterAll(async () => {
  await servers?.close();
});

const accept = (gateway: Gateway, itemId: string, mode: routingV1.ProcessingMode, extra: { missingMaterials?: string[]; commitmentRef?: string } = {}) =>
  gateway.acceptItem({ itemId, requestId: randomUUID(), mode, missingMaterials: extra.missingMaterials ?? [], commitmentRef: extra.commitmentRef ?? "" });
const approve = (gateway: Gateway, itemId: string) =>
  gateway.decideItem({ itemId, requestId: randomUUID(), decision: routingV1.Decision.DECISION_APPROVE, reason: "材料齐全", documentRefs: ["安审〔2026〕1号"] });
const verify = (gateway: Gateway, itemId: string, commitmentTrue: boolean, reason: string) => gateway.recordVerification({ itemId, requestId: randomUUID(), commitmentTrue, reason });
const ledgerRows = async (subject: string) => Number((await servers.sql`select count(*) as n from ledger where subject = ${subject}`)[0]!.n);
const itemOf = async (gateway: Gateway, itemId: string) => (await gateway.listAssignments({ pageSize: 500, pageToken: "" })).items.find((item) => item.id === itemId)!;
const feedCursor = async (gateway: Gateway) => (await gateway.listAssignments({ pageSize: 1, pageToken: "" })).cursor;
/** What the department's WatchAssignments delivers of the item after `cursor`: its own feed. */
async function feedOf(region: RegionServer, department: string, cursor: string, itemId: string): Promise<routingV1.CaseItem[]> {
  const token = await region.token({ subject: `${department}-system`, role: "department", department });
  const received = await drain(region.address, token, cursor, { quietMs: 500, timeoutMs: 5000 });
  return received.map((change) => change.item!).filter((item) => item.id === itemId);
}

describe("rule 1 — 一次性告知: one 补正 round per receipt, within 5 working days of it", () => {
  it("refuses a late round and a second round beyond what was resubmitted, and counts the follow-up round", async () => {
    const region = await servers.startRegion(uniqueRegion("notice"), { day: "2026-03-02" });
    const zrzy = await region.gateway("zrzy");
    const sthj = await region.gateway("sthj");
    const { items } = await submit(region, ["ZRZY-YDYS", "STHJ-HPB"]);
    const ydys = items.get("ZRZY-YDYS")!.id;
    const hpb = items.get("STHJ-HPB")!.id;
    await accept(zrzy, ydys, normal);
    await accept(sthj, hpb, normal);
    expect((await itemOf(zrzy, ydys)).noticeDue).toEqual({ dueOn: "2026-03-09", provisional: false });

    // The application's round, in time.
    region.setDay("2026-03-03");
    const corrections = ["建设项目用地预审与选址申请报告", "标注拟选址位置的国土空间规划图"];
    await zrzy.requestSupplement({ itemId: ydys, requestId: randomUUID(), materials: corrections, reason: "选址坐标有误" });

    // Past the fifth working day after receipt (03-09), the other department may ask nothing.
    region.setDay("2026-03-10");
    const before = await ledgerRows(hpb);
    const late = await failure(sthj.requestSupplement({ itemId: hpb, requestId: randomUUID(), materials: ["环境影响报告表"], reason: "结论不明确" }));
    expect(late.code).toBe(status.FAILED_PRECONDITION);
    expect(late.details).toMatch(/一次性告知 \(《行政许可法》第三十二条\).*received on 2026-03-02.*by 2026-03-09; today is 2026-03-10/);
    expect(await ledgerRows(hpb)).toBe(before);

    const back = await zrzy.recordSupplement({ itemId: ydys, requestId: randomUUID(), materials: corrections });
    expect(back.item).toMatchObject({ state: ITEM_STATE_RESUBMITTED, supplementRounds: 1, noticeDue: { dueOn: "2026-03-17" } });

    // A second round only on what was resubmitted, and saying why.
    region.setDay("2026-03-11");
    const outside = await failure(zrzy.requestSupplement({ itemId: ydys, requestId: randomUUID(), materials: ["建设项目用地预审与选址申请表"], reason: "缺签章" }));
    expect(outside.code).toBe(status.FAILED_PRECONDITION);
    expect(outside.details).toContain("should have been listed in the first round");
    const silent = await failure(zrzy.requestSupplement({ itemId: ydys, requestId: randomUUID(), materials: ["标注拟选址位置的国土空间规划图"], reason: "" }));
    expect(silent.code).toBe(status.INVALID_ARGUMENT);
    expect(fieldViolationsOf(silent).map((violation) => violation.field)).toEqual(["reason"]);
    const followUp = await zrzy.requestSupplement({ itemId: ydys, requestId: randomUUID(), materials: ["标注拟选址位置的国土空间规划图"], reason: "重新提交的规划图比例尺不符" });
    expect(followUp.item?.supplementRounds).toBe(2);

    const rounds = (await outboxEvents(servers.sql, region.region, "routing.item.supplement_requested")).map((event) => event.payload?.value as { itemId: string; round: number; followUp: boolean; receivedOn: string });
    expect(rounds.filter((round) => round.itemId === ydys).map(({ round, followUp, receivedOn }) => ({ round, followUp, receivedOn }))).toEqual([
      { round: 1, followUp: false, receivedOn: "2026-03-02" },
      { round: 2, followUp: true, receivedOn: "2026-03-10" },
    ]);
  });
});

describe("rule 2 — an item its department never accepts is deemed accepted from receipt", () => {
  it("deems it accepted after the acceptance window, announces it, and lights it from the day it was received", async () => {
    const region = await servers.startRegion(uniqueRegion("deem"), { day: "2026-03-02" });
    const sl = await region.gateway("sl");
    const { items } = await submit(region, ["SL-STBC"]);
    const itemId = items.get("SL-STBC")!.id;
    expect(await itemOf(sl, itemId)).toMatchObject({ receivedOn: "2026-03-02", acceptanceDue: { dueOn: "2026-03-09" }, deemedAccepted: false });

    region.setDay("2026-03-09");
    expect((await runClockRound(region.deps)).deemedAccepted).toBe(0);
    const before = await feedCursor(sl);
    region.setDay("2026-03-10");
    // 水土保持方案 is committed in 4 working days: counted from 03-02 it was due 03-06, so the
    // yellow and red lights (and the joint meeting) follow at once.
    expect(await runClockRound(region.deps)).toMatchObject({ deemedAccepted: 1, warned: 1, overdue: 1 });
    expect(await runClockRound(region.deps)).toMatchObject({ deemedAccepted: 0, warned: 0, overdue: 0 });

    const deemed = await itemOf(sl, itemId);
    expect(deemed).toMatchObject({ state: ITEM_STATE_IN_REVIEW, deemedAccepted: true, mode: normal, clock: { committed: { dueOn: "2026-03-06" } } });
    expect(deemed.clock?.warnedAt).toBeInstanceOf(Date);
    expect(deemed.clock?.overdueAt).toBeInstanceOf(Date);
    // The department sees it on its own feed: deemed accepted, then its yellow and red lights.
    const seen = await feedOf(region, "sl", before, itemId);
    expect(seen.map((item) => [item.state, item.deemedAccepted, item.clock?.warnedAt !== undefined, item.clock?.overdueAt !== undefined])).toEqual([
      [ITEM_STATE_IN_REVIEW, true, false, false],
      [ITEM_STATE_IN_REVIEW, true, true, false],
      [ITEM_STATE_IN_REVIEW, true, true, true],
    ]);
    const [announced] = await outboxEvents(servers.sql, region.region, "routing.item.deemed_accepted");
    expect(announced?.payload?.value).toMatchObject({ itemId, receivedOn: "2026-03-02", acceptanceDueOn: "2026-03-09", committedDueOn: "2026-03-06" });
    const [row] = await servers.sql<{ actor: string; reason: string }[]>`select actor, reason from ledger where subject = ${itemId} and action = 'item.deem_accept'`;
    expect(row).toMatchObject({ actor: "system:clock" });
    expect(row!.reason).toContain("accepted from 2026-03-02");
    const { escalations } = await region.routing.listEscalations({ openOnly: true, pageSize: 50, pageToken: "" });
    expect(escalations.map((escalation) => [escalation.itemId, escalation.cause])).toEqual([[itemId, "overdue"]]);
  });
});

describe("rule 3 — the post-approval verification (审后核查) has its own lights", () => {
  it("warns, turns red and goes to the joint meeting when not recorded by its due date", async () => {
    const region = await servers.startRegion(uniqueRegion("verify"), { day: "2026-03-02" });
    const scjg = await region.gateway("scjg");
    const { items } = await submit(region, ["SCJG-YYZZ"]);
    const itemId = items.get("SCJG-YYZZ")!.id;
    const approved = await accept(scjg, itemId, commitment, { commitmentRef: "CN-2026-031" });
    expect(approved.item).toMatchObject({ state: ITEM_STATE_APPROVED, verificationDue: { dueOn: "2026-03-30" } });

    const before = await feedCursor(scjg);
    region.setDay("2026-03-26");
    expect(await runClockRound(region.deps)).toMatchObject({ verificationWarned: 0, verificationOverdue: 0 });
    region.setDay("2026-03-27");
    expect(await runClockRound(region.deps)).toMatchObject({ verificationWarned: 1, verificationOverdue: 0 });
    region.setDay("2026-03-30");
    expect(await runClockRound(region.deps)).toMatchObject({ verificationWarned: 0, verificationOverdue: 0 });
    region.setDay("2026-03-31");
    expect(await runClockRound(region.deps)).toMatchObject({ verificationWarned: 0, verificationOverdue: 1 });
    expect(await runClockRound(region.deps)).toMatchObject({ verificationWarned: 0, verificationOverdue: 0 });

    const item = await itemOf(scjg, itemId);
    expect(item.verificationWarnedAt).toBeInstanceOf(Date);
    expect(item.verificationOverdueAt).toBeInstanceOf(Date);
    // Both lights reach the department on its own feed, once each.
    const seen = await feedOf(region, "scjg", before, itemId);
    expect(seen.map((change) => [change.verificationWarnedAt !== undefined, change.verificationOverdueAt !== undefined])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect((await outboxEvents(servers.sql, region.region, "routing.item.verification_warned")).map((event) => event.payload?.value)).toMatchObject([{ itemId, verificationDueOn: "2026-03-30", commitmentRef: "CN-2026-031" }]);
    expect(await outboxEvents(servers.sql, region.region, "routing.item.verification_overdue")).toHaveLength(1);
    const { escalations } = await region.routing.listEscalations({ openOnly: true, pageSize: 50, pageToken: "" });
    const escalation = escalations.find((candidate) => candidate.itemId === itemId);
    expect(escalation).toMatchObject({ cause: "verification_overdue", status: "open" });

    // The joint meeting gives the verification five more working days; its lights start again.
    const adminToken = await region.token({ subject: "county-admin", role: "admin" });
    const admin = createClient(routingV1.RoutingServiceService, { address: region.address, token: () => adminToken, defaultDeadlineMs: 10_000 });
    try {
      await admin.resolveEscalation({ escalationId: escalation!.id, reason: "需现场检测", resolution: { $case: "extendWorkingDays", value: 5 } });
    } finally {
      admin.close();
    }
    const extended = await itemOf(scjg, itemId);
    expect(extended.verificationDue).toEqual({ dueOn: "2026-04-07", provisional: false });
    expect(extended.verificationOverdueAt).toBeUndefined();
    expect((await verify(scjg, itemId, true, "核查属实")).item?.verificationDue).toBeUndefined();
  });
});

describe("rule 4 — the bar after a false commitment", () => {
  const enterprise = "91610900MA7000AA11";

  it("refuses 告知承诺 and 容缺 to the enterprise across its projects in the region, naming the revoked item and the day the bar ends", async () => {
    const region = await servers.startRegion(uniqueRegion("bar"), { day: "2026-03-02" });
    const sthj = await region.gateway("sthj");
    const sl = await region.gateway("sl");
    const zrzy = await region.gateway("zrzy");
    const revokedItem = (await submit(region, ["STHJ-HPB"], { creditCode: enterprise })).items.get("STHJ-HPB")!.id;
    await accept(sthj, revokedItem, commitment, { commitmentRef: "CN-2026-077" });
    const other = (await submit(region, ["SL-STBC", "ZRZY-YDYS"], { creditCode: enterprise })).items;
    const stranger = (await submit(region, ["SL-STBC"], { creditCode: "91610902MA70000020" })).items.get("SL-STBC")!.id;

    region.setDay("2026-03-20");
    expect((await verify(sthj, revokedItem, false, "承诺内容与现场不符")).item?.state).toBe(ITEM_STATE_REVOKED);

    // Minutes later, another project of the same enterprise.
    const refused = await failure(accept(sl, other.get("SL-STBC")!.id, commitment, { commitmentRef: "CN-2026-078" }));
    expect(refused.code).toBe(status.FAILED_PRECONDITION);
    expect(refused.details).toMatch(new RegExp(`告知承诺 is refused.*${enterprise}.*through 2026-09-20.*STHJ-HPB \\(item ${revokedItem} in ${region.region}\\).*revoked on 2026-03-20`));
    const tolerantRefused = await failure(accept(zrzy, other.get("ZRZY-YDYS")!.id, tolerant, { missingMaterials: ["标注拟选址位置的国土空间规划图"] }));
    expect(tolerantRefused.details).toMatch(/^容缺受理 is refused/);
    expect((await accept(zrzy, other.get("ZRZY-YDYS")!.id, normal)).item?.state).toBe(ITEM_STATE_IN_REVIEW);
    // Another enterprise is not barred.
    expect((await accept(sl, stranger, commitment, { commitmentRef: "CN-2026-079" })).item?.state).toBe(ITEM_STATE_APPROVED);

    const [barred] = await outboxEvents(servers.sql, region.region, "routing.enterprise.barred");
    expect(barred?.payload?.value).toMatchObject({ creditCode: enterprise, originItemId: revokedItem, itemCode: "STHJ-HPB", revokedOn: "2026-03-20", barredThrough: "2026-09-20" });

    // The bar ends with its last day.
    region.setDay("2026-09-21");
    const later = (await submit(region, ["SL-STBC"], { creditCode: enterprise })).items.get("SL-STBC")!.id;
    expect((await accept(sl, later, commitment, { commitmentRef: "CN-2026-200" })).item?.state).toBe(ITEM_STATE_APPROVED);
  });

  it("refuses a barred enterprise's entries of a batch call, each against its own enterprise's bar, and accepts the others'", async () => {
    const region = await servers.startRegion(uniqueRegion("barb"), { day: "2026-03-02" });
    const sthj = await region.gateway("sthj");
    const sl = await region.gateway("sl");
    const barredEnterprise = "91610900MA7000BB22";
    const revokedItem = (await submit(region, ["STHJ-HPB"], { creditCode: barredEnterprise })).items.get("STHJ-HPB")!.id;
    await accept(sthj, revokedItem, commitment, { commitmentRef: "CN-2026-301" });
    const slItem = async (creditCode: string) => (await submit(region, ["SL-STBC"], { creditCode })).items.get("SL-STBC")!.id;
    // Two enterprises in good standing around two items of the barred one: the entries after the
    // first are settled together in one transaction, each with its own enterprise's bar.
    const items = [await slItem("91610902MA70000031"), await slItem(barredEnterprise), await slItem(barredEnterprise), await slItem("91610902MA70000042")];
    region.setDay("2026-03-20");
    expect((await verify(sthj, revokedItem, false, "承诺内容与现场不符")).item?.state).toBe(ITEM_STATE_REVOKED);

    const ledgerBefore = await Promise.all(items.map(ledgerRows));
    const { results } = await sl.acceptItems({
      entries: items.map((itemId, index) => ({ itemId, requestId: randomUUID(), mode: commitment, missingMaterials: [], commitmentRef: `CN-2026-31${index}` })),
    });
    expect(results.map((result) => result.status?.code)).toEqual([status.OK, status.FAILED_PRECONDITION, status.FAILED_PRECONDITION, status.OK]);
    expect(results.map((result) => result.item?.state)).toEqual([ITEM_STATE_APPROVED, undefined, undefined, ITEM_STATE_APPROVED]);
    for (const refused of [results[1]!, results[2]!]) {
      expect(refused.status?.message).toMatch(new RegExp(`告知承诺 is refused.*${barredEnterprise}.*through 2026-09-20.*STHJ-HPB \\(item ${revokedItem} in ${region.region}\\)`));
    }
    // A refused entry writes nothing; an accepted one its acceptance and its approval.
    const ledgerAfter = await Promise.all(items.map(ledgerRows));
    expect(ledgerAfter.map((rows, index) => rows - ledgerBefore[index]!)).toEqual([2, 0, 0, 2]);
  });

  it("holds in the city for a bar raised in a county: on the city's own projects and on items the county forwards", async () => {
    const city = await servers.startRegion(uniqueRegion("city"), { day: "2026-03-02" });
    const county = await servers.startRegion(uniqueRegion("cty"), { day: "2026-03-02", cityRegion: city.region });
    // The city region is its own city region.
    city.deps.cityRegion = city.region;
    const countyLinkage = servers.linkage(county, [city]);
    const countySthj = await county.gateway("sthj");
    const cityFgw = await city.gateway("fgw");

    const revokedItem = (await submit(county, ["STHJ-HPB"], { creditCode: enterprise })).items.get("STHJ-HPB")!.id;
    await accept(countySthj, revokedItem, commitment, { commitmentRef: "CN-2026-090" });
    const forwarded = (await submit(county, ["FGW-JN"], { creditCode: enterprise })).items.get("FGW-JN")!;
    const ownCityItem = (await submit(city, ["FGW-JN"], { creditCode: enterprise })).items.get("FGW-JN")!.id;
    county.setDay("2026-03-20");
    city.setDay("2026-03-20");
    await verify(countySthj, revokedItem, false, "承诺不实");
    await countyLinkage.round();

    const cityItems = (await cityFgw.listAssignments({ pageSize: 500, pageToken: "" })).items;
    const cityCopy = cityItems.find((item) => item.originItemId === forwarded.id)!;
    expect(cityCopy).toMatchObject({ forwardedFromRegion: county.region });
    for (const itemId of [cityCopy.id, ownCityItem]) {
      const refused = await failure(accept(cityFgw, itemId, tolerant, { missingMaterials: ["项目备案证明或核准文件"] }));
      expect(refused.code).toBe(status.FAILED_PRECONDITION);
      expect(refused.details).toContain(`STHJ-HPB (item ${revokedItem} in ${county.region})`);
      expect(refused.details).toContain("through 2026-09-20");
    }
    const [learned] = await outboxEvents(servers.sql, city.region, "routing.enterprise.barred");
    expect(learned?.payload?.value).toMatchObject({ creditCode: enterprise, originRegion: county.region, originItemId: revokedItem, caseId: "" });
    // Reported once: another round sends nothing again.
    await countyLinkage.round();
    expect(await outboxEvents(servers.sql, city.region, "routing.enterprise.barred")).toHaveLength(1);
  });
});

describe("rule 5 — a plan holds every prerequisite or declares it satisfied by 批文号", () => {
  it("refuses a 竣工验收 item without its prerequisite, and records a declared one on the case and in its ledger", async () => {
    const region = await servers.startRegion(uniqueRegion("prereq"), { day: "2026-03-02" });
    const casesBefore = Number((await servers.sql`select count(*) as n from cases where region = ${region.region}`)[0]!.n);
    const refused = await failure(submit(region, ["ZJ-XFYS"], { satisfied: [] }));
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(fieldViolationsOf(refused)).toEqual([
      { field: "items[0].item_code", description: "ZJ-XFYS requires ZJ-SGXK: add it to the plan, or declare it in satisfied_prerequisites with the approval's 批文号 and date" },
    ]);
    expect(Number((await servers.sql`select count(*) as n from cases where region = ${region.region}`)[0]!.n)).toBe(casesBefore);

    const declared = { itemCode: "ZJ-SGXK", documentRef: "安住建施〔2025〕37号", approvedOn: "2025-11-20" };
    const { kase, items } = await submit(region, ["ZJ-XFYS"], { satisfied: [declared] });
    expect(kase.satisfiedPrerequisites).toEqual([declared]);
    expect(items.get("ZJ-XFYS")?.state).toBe(routingV1.ItemState.ITEM_STATE_ROUTED);
    const { case: shown } = await region.routing.getCase({ id: kase.id });
    expect(shown?.satisfiedPrerequisites).toEqual([declared]);
    const { entries } = await region.routing.getCaseLedger({ caseId: kase.id });
    expect(entries.filter((entry) => entry.action === "case.prerequisite_declared").map((entry) => entry.reason)).toEqual(["安住建施〔2025〕37号"]);

    // A revision is checked the same way, and its declarations replace the earlier ones.
    const revise = (items: string[], satisfiedPrerequisites: routingV1.SatisfiedPrerequisite[]) =>
      region.routing.submitPlan({
        planId: kase.planId,
        planVersion: 2,
        projectId: kase.projectId,
        projectName: kase.projectName,
        creditCode: kase.creditCode,
        items: items.map((itemCode) => ({ itemCode, departmentCode: itemCode.split("-")[0]!.toLowerCase() })),
        satisfiedPrerequisites,
      });
    const missing = await failure(revise(["ZJ-XFYS", "ZJ-JGBA"], [declared]));
    expect(fieldViolationsOf(missing).map((violation) => violation.description)).toEqual([expect.stringMatching(/^ZJ-JGBA requires ZRZY-GHHS: /)]);
    const earlier = ["ZRZY-GCGH", "ZJ-XFSJ", "RF-BJSP", "QX-FLSJ"].map((itemCode) => ({ itemCode, documentRef: `安审〔2025〕${itemCode}号`, approvedOn: "2025-10-08" }));
    const { case: revised } = await revise(["ZJ-SGXK", "ZJ-XFYS"], earlier);
    expect(revised?.satisfiedPrerequisites.map((prerequisite) => prerequisite.itemCode).sort()).toEqual(["QX-FLSJ", "RF-BJSP", "ZJ-XFSJ", "ZRZY-GCGH"]);
  });
});

describe("rules 6 and 7 — forwarded items and reopened cases", () => {
  it("lets the county's case alone complete for an item the city decided; the city shows it as forwarded", async () => {
    const city = await servers.startRegion(uniqueRegion("city"), { day: "2026-03-02" });
    const county = await servers.startRegion(uniqueRegion("cty"), { day: "2026-03-02", cityRegion: city.region });
    city.deps.cityRegion = city.region;
    const countyLinkage = servers.linkage(county, [city]);
    const cityLinkage = servers.linkage(city, [county]);
    const { kase, items } = await submit(county, ["FGW-JN"]);
    await countyLinkage.round();

    const cityFgw = await city.gateway("fgw");
    const copy = (await cityFgw.listAssignments({ pageSize: 500, pageToken: "" })).items.find((item) => item.originItemId === items.get("FGW-JN")!.id)!;
    expect(copy).toMatchObject({ forwardedFromRegion: county.region });
    const { case: cityCase } = await city.routing.getCase({ id: copy.caseId });
    expect(cityCase).toMatchObject({ forwardedFromRegion: county.region, originCaseId: kase.id });

    await accept(cityFgw, copy.id, normal);
    await approve(cityFgw, copy.id);
    await cityLinkage.round();

    const { case: countyCase } = await county.routing.getCase({ id: kase.id });
    expect(countyCase?.status).toBe(routingV1.CaseStatus.CASE_STATUS_COMPLETED);
    expect((await city.routing.getCase({ id: copy.caseId })).case?.status).toBe(routingV1.CaseStatus.CASE_STATUS_OPEN);
    expect(await outboxEvents(servers.sql, county.region, "routing.case.completed")).toHaveLength(1);
    expect(await outboxEvents(servers.sql, city.region, "routing.case.completed")).toEqual([]);
  });

  it("announces a reopening when a revoked approval reopens a completed case, and a completion again as such", async () => {
    const region = await servers.startRegion(uniqueRegion("reopen"), { day: "2026-03-02" });
    const sthj = await region.gateway("sthj");
    const planId = randomUUID();
    const first = await region.routing.submitPlan({
      planId,
      planVersion: 1,
      projectId: randomUUID(),
      projectName: "安康富硒茶加工项目",
      creditCode: "91610900MA70000010",
      items: [{ itemCode: "STHJ-HPB", departmentCode: "sthj" }],
      satisfiedPrerequisites: [],
    });
    const itemId = first.case!.items[0]!.id;
    await accept(sthj, itemId, commitment, { commitmentRef: "CN-2026-055" });
    region.setDay("2026-03-16");
    await verify(sthj, itemId, false, "承诺内容与现场不符");

    const { case: reopened } = await region.routing.getCase({ id: first.case!.id });
    expect(reopened).toMatchObject({ status: routingV1.CaseStatus.CASE_STATUS_OPEN, completions: 1 });
    const reopenings = (await outboxEvents(servers.sql, region.region, "routing.case.reopened")).map((event) => event.payload?.value);
    expect(reopenings).toMatchObject([{ caseId: first.case!.id, cause: "revoked", undoesCompletion: 1, itemId, itemCode: "STHJ-HPB" }]);

    // Re-planned: a new attempt of the item, accepted normally (the enterprise is barred from 告知承诺).
    const second = await region.routing.submitPlan({ ...first.case!, planId, planVersion: 2, creditCode: "91610900MA70000010", items: [{ itemCode: "STHJ-HPB", departmentCode: "sthj" }], satisfiedPrerequisites: [] });
    const attempt = second.case!.items.find((item) => item.state === routingV1.ItemState.ITEM_STATE_ROUTED)!;
    await accept(sthj, attempt.id, normal);
    await approve(sthj, attempt.id);
    const completions = (await outboxEvents(servers.sql, region.region, "routing.case.completed")).map((event) => (event.payload?.value as { completion: number }).completion);
    expect(completions).toEqual([1, 2]);
  });
});
