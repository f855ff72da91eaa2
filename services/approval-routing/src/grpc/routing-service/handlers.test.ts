import { randomUUID } from "node:crypto";
import { status, type ServiceError } from "@grpc/grpc-js";
import { createClient, errorInfoOf, fieldViolationsOf } from "@steward/platform/grpc";
import { routingV1 } from "@steward/proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandContext } from "../../db/item-pipeline.js";
import { createHarness, declareMissingPrerequisites, testCreditCode, type Harness } from "../../db/test-harness.js";
import { runClockRound } from "../../jobs/clock-scheduler.js";
import { failure, startRegion, type RegionServer, type Routing } from "../test-server.js";

const { CASE_STATUS_OPEN, CASE_STATUS_COMPLETED, CASE_STATUS_UNSPECIFIED } = routingV1.CaseStatus;
const normal = routingV1.ProcessingMode.PROCESSING_MODE_NORMAL;

describe("finding and listing cases (stewards and admins)", () => {
  let harness: Harness;
  let server: RegionServer;
  let routing: Routing;
  let admin: Routing;
  const projectA = randomUUID();
  const projectB = randomUUID();
  const plans = { a1: randomUUID(), a2: randomUUID(), b: randomUUID() };
  const cases: Record<keyof typeof plans, routingV1.Case> = {} as never;

  const list = (request: Partial<routingV1.ListCasesRequest>) => routing.listCases(routingV1.ListCasesRequest.fromPartial(request));

  beforeAll(async () => {
    harness = await createHarness("cases_listing");
    server = await startRegion(harness.sql, harness.routing().region, { watchPollMs: 5000 });
    routing = server.routing;
    const adminToken = await server.token({ subject: "admin-1", role: "admin" });
    admin = createClient(routingV1.RoutingServiceService, { address: server.address, token: () => adminToken, defaultDeadlineMs: 10_000 });
    // Project A has two cases (an agreement closed and a new one signed), B one; created in this order.
    cases.a1 = (await routing.submitPlan({ planId: plans.a1, planVersion: 1, projectId: projectA, projectName: "汉滨工业园项目", items: [{ itemCode: "SCJG-YYZZ", departmentCode: "scjg" }], creditCode: testCreditCode, satisfiedPrerequisites: declareMissingPrerequisites(["SCJG-YYZZ"]) })).case!;
    cases.b = (await routing.submitPlan({ planId: plans.b, planVersion: 2, projectId: projectB, projectName: "恒口物流园项目", items: [{ itemCode: "ZRZY-YDYS", departmentCode: "zrzy" }], creditCode: testCreditCode, satisfiedPrerequisites: declareMissingPrerequisites(["ZRZY-YDYS"]) })).case!;
    cases.a2 = (await routing.submitPlan({ planId: plans.a2, planVersion: 1, projectId: projectA, projectName: "汉滨工业园项目", items: [{ itemCode: "STHJ-HPB", departmentCode: "sthj" }], creditCode: testCreditCode, satisfiedPrerequisites: declareMissingPrerequisites(["STHJ-HPB"]) })).case!;
    // a1 completes; b's item is accepted and runs past its committed deadline (red light); a2's is
    // left unaccepted.
    const scjg = await server.gateway("scjg");
    const a1Item = cases.a1.items[0]!;
    await scjg.acceptItem({ itemId: a1Item.id, requestId: `accept-${a1Item.id}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    await scjg.decideItem({ itemId: a1Item.id, requestId: `approve-${a1Item.id}`, decision: routingV1.Decision.DECISION_APPROVE, reason: "", documentRefs: [] });
    const zrzy = await server.gateway("zrzy");
    const bItem = cases.b.items[0]!;
    await zrzy.acceptItem({ itemId: bItem.id, requestId: `accept-${bItem.id}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    const context = await commandContext(server.deps);
    const later = new Date(context.now.getTime() + 120 * 86_400_000);
    await runClockRound(server.deps, { ...context, now: later, today: later.toISOString().slice(0, 10) });
  });

  afterAll(async () => {
    admin?.close();
    await server?.stop();
    await harness?.close();
  });

  it("finds the case of a plan, and a project's latest case", async () => {
    expect((await routing.findCase({ key: { $case: "planId", value: plans.b } })).case).toMatchObject({ id: cases.b.id, planVersion: 2, projectId: projectB });
    expect((await admin.findCase({ key: { $case: "planId", value: plans.a1 } })).case?.status).toBe(CASE_STATUS_COMPLETED);
    const latest = (await routing.findCase({ key: { $case: "projectId", value: projectA } })).case!;
    expect(latest.id).toBe(cases.a2.id);
    // The whole case, as GetCase gives it, items with their context.
    expect(latest.items).toHaveLength(1);
    expect(latest.items[0]).toMatchObject({ caseId: cases.a2.id, projectId: projectA, projectName: "汉滨工业园项目", planVersion: 1 });
  });

  it("answers NOT_FOUND for an unknown plan or project, INVALID_ARGUMENT for a missing or malformed key", async () => {
    for (const key of [{ $case: "planId" as const, value: randomUUID() }, { $case: "projectId" as const, value: randomUUID() }]) {
      const error = await failure(routing.findCase({ key }));
      expect(error.code).toBe(status.NOT_FOUND);
      expect(errorInfoOf(error)?.reason).toBe("NOT_FOUND");
    }
    expect(fieldViolationsOf(await failure(routing.findCase({ key: undefined }))).map((v) => v.field)).toEqual(["key"]);
    expect(fieldViolationsOf(await failure(routing.findCase({ key: { $case: "planId", value: "plan-1" } }))).map((v) => v.field)).toEqual(["plan_id"]);
    expect(fieldViolationsOf(await failure(routing.findCase({ key: { $case: "projectId", value: "x" } }))).map((v) => v.field)).toEqual(["project_id"]);
  });

  it("lists the region's cases newest first with their counts, filtered by status, project and overdue", async () => {
    const all = await list({});
    expect(all.cases.map((kase) => kase.id)).toEqual([cases.a2.id, cases.b.id, cases.a1.id]);
    expect(all.cases.find((kase) => kase.id === cases.a1.id)).toMatchObject({ status: CASE_STATUS_COMPLETED, itemCount: 1, approvedItemCount: 1, overdueItemCount: 0, planId: plans.a1 });
    expect(all.cases.find((kase) => kase.id === cases.b.id)).toMatchObject({ status: CASE_STATUS_OPEN, itemCount: 1, approvedItemCount: 0, overdueItemCount: 1, planVersion: 2 });
    expect((await list({ status: CASE_STATUS_COMPLETED })).cases.map((kase) => kase.id)).toEqual([cases.a1.id]);
    expect((await list({ status: CASE_STATUS_OPEN })).cases.map((kase) => kase.id)).toEqual([cases.a2.id, cases.b.id]);
    expect((await list({ projectId: projectA })).cases.map((kase) => kase.id)).toEqual([cases.a2.id, cases.a1.id]);
    // a2's item was never accepted: the clock round deems it accepted from its receipt (行政许可法
    // §32), so 120 days on its committed deadline has passed too.
    expect(all.cases.find((kase) => kase.id === cases.a2.id)).toMatchObject({ status: CASE_STATUS_OPEN, itemCount: 1, approvedItemCount: 0, overdueItemCount: 1 });
    expect((await list({ overdueOnly: true })).cases.map((kase) => kase.id)).toEqual([cases.a2.id, cases.b.id]);
    expect((await list({ projectId: projectA, status: CASE_STATUS_OPEN })).cases.map((kase) => kase.id)).toEqual([cases.a2.id]);
  });

  it("pages ListCases so that every case comes once", async () => {
    const seen: string[] = [];
    let pageToken = "";
    for (let page = 0; page < 10; page++) {
      const answer = await admin.listCases({ status: CASE_STATUS_UNSPECIFIED, projectId: "", overdueOnly: false, pageSize: 1, pageToken });
      seen.push(...answer.cases.map((kase) => kase.id));
      pageToken = answer.nextPageToken;
      if (!pageToken) break;
    }
    expect(seen).toEqual([cases.a2.id, cases.b.id, cases.a1.id]);
  });

  // Issue 8 (finding 4): forged page tokens (a non-UUID id, a quote, year 275760) reached the
  // query and answered INTERNAL. Every list of the routing service is tried with every token.
  it("refuses forged page tokens on ListCases and ListEscalations with INVALID_ARGUMENT naming page_token", async () => {
    const unsigned = (content: unknown) => Buffer.from(JSON.stringify(content)).toString("base64url");
    const forged = [
      unsigned(["2026-03-02T00:00:00.000Z", "not-a-uuid"]),
      unsigned(["2026-03-02T00:00:00.000Z", "x' or '1'='1"]),
      unsigned(["+275760-09-13T00:00:00.000Z", randomUUID()]),
    ];
    const lists: [string, (pageToken: string) => Promise<unknown>][] = [
      ["ListCases", (pageToken) => admin.listCases({ status: CASE_STATUS_UNSPECIFIED, projectId: "", overdueOnly: false, pageSize: 1, pageToken })],
      ["ListEscalations", (pageToken) => admin.listEscalations({ openOnly: false, pageSize: 1, pageToken })],
    ];
    const answers: string[] = [];
    for (const [name, list] of lists) {
      for (const pageToken of forged) {
        answers.push(await list(pageToken).then(
          () => `${name}: OK`,
          (error: ServiceError) => `${name}: ${status[error.code]} ${fieldViolationsOf(error).map((violation) => violation.field).join(",")}`.trim(),
        ));
      }
    }
    expect(answers).toEqual(lists.flatMap(([name]) => forged.map(() => `${name}: INVALID_ARGUMENT page_token`)));
  });

  it("refuses bad filters naming the field, and callers who are not stewards, admins or operators", async () => {
    expect(fieldViolationsOf(await failure(list({ projectId: "nope" }))).map((v) => v.field)).toEqual(["project_id"]);
    expect(fieldViolationsOf(await failure(list({ status: 7 as routingV1.CaseStatus }))).map((v) => v.field)).toEqual(["status"]);
    const departmentToken = await server.token({ subject: "zrzy-system", role: "department", department: "zrzy" });
    const department = createClient(routingV1.RoutingServiceService, { address: server.address, token: () => departmentToken, defaultDeadlineMs: 5000 });
    try {
      for (const call of [department.listCases(routingV1.ListCasesRequest.fromPartial({})), department.findCase({ key: { $case: "planId", value: plans.b } })]) {
        const error = await failure(call);
        expect(error.code).toBe(status.PERMISSION_DENIED);
        expect(errorInfoOf(error)).toEqual({ reason: "ROLE_NOT_ALLOWED", domain: "steward.gov", metadata: { role: "department" } });
      }
    } finally {
      department.close();
    }
  });
});
