import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Writable } from "node:stream";
import { status, type ServiceError } from "@grpc/grpc-js";
import { TokenVerifier, signDevToken, type Principal } from "@steward/platform/auth";
import { createDatabase, migrate, transaction, type Sql } from "@steward/platform/db";
import { decodeEvent, newEvent, type EventEnvelope } from "@steward/platform/events";
import { GrpcServer, createClient, fieldViolationsOf, type PromiseClient } from "@steward/platform/grpc";
import { createLogger } from "@steward/platform/logging";
import { agreementV1 } from "@steward/proto";
import { createTestDatabase, ledgerSigningKeyFile, serviceDatabaseEnv, spawnService, stack, testAuthSecret, uniqueRegion, type ServiceProcess, type TestDatabase } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueClient, readCatalogue, routingClient, type CatalogueClient, type RoutingClient } from "../../clients/routing.js";
import type { AgreementDeps } from "../../commands/deps.js";
import { keyProjectsWithoutSteward } from "../../db/agreements.js";
import { runtimeGrants } from "../../db/grants.js";
import type { Catalogue } from "../../domain/plan.js";
import { fulfilAgreements, submitApprovedPlans } from "../../events/plan-submission-consumer.js";
import { openDraftAgreement } from "../../events/project-registered-consumer.js";
import { agreementHandlers } from "./handlers.js";

/**
 * Agreement's service against the real Postgres and a real approval-routing process (its
 * catalogue, SubmitPlan and GetCase over gRPC): the 1 + 1 + N team, plans from routing's bundles
 * reviewed and approved in order, routing's answers, and scoping across two stewards and two
 * enterprises.
 */
type Agreements = PromiseClient<typeof agreementV1.AgreementServiceService>;
const keys = { secret: testAuthSecret };
const region = uniqueRegion("agr");
const enterpriseX = "91610900MA70000010";
const enterpriseY = "91610902MA70000020";
const { AGREEMENT_STATUS_SIGNED, AGREEMENT_STATUS_ACTIVE, AGREEMENT_STATUS_FULFILLED } = agreementV1.AgreementStatus;
const { PLAN_STATUS_IN_REVIEW, PLAN_STATUS_REVIEWED, PLAN_STATUS_RETURNED, PLAN_STATUS_SUBMITTED, PLAN_STATUS_ACCEPTED, PLAN_STATUS_REFUSED } = agreementV1.PlanStatus;

let agreementDb: TestDatabase;
let routingDb: TestDatabase;
let sql: Sql;
let routingProcess: ServiceProcess;
let routing: RoutingClient;
let catalogue: CatalogueClient;
let server: GrpcServer;
let address: string;
const clients: { close(): void }[] = [];

const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

async function as(principal: Omit<Principal, "region">): Promise<Agreements> {
  const token = await signDevToken(keys, { region, ...principal });
  const client = createClient(agreementV1.AgreementServiceService, { address, token: async () => token, defaultDeadlineMs: 15_000 });
  clients.push(client);
  return client;
}

const refusalOf = async (call: Promise<unknown>) => {
  const error = (await call.then(
    () => undefined,
    (thrown: ServiceError) => thrown,
  )) as ServiceError | undefined;
  if (!error) throw new Error("expected the call to be refused");
  return { code: error.code, fields: fieldViolationsOf(error).map((violation) => violation.field), details: error.details };
};

/** A project registered with intake: agreement's consumer opens its draft, as in production. */
async function registered(project: { name: string; creditCode: string; keyProject: boolean }): Promise<string> {
  const projectId = randomUUID();
  const event = newEvent({
    region,
    aggregateId: projectId,
    payload: {
      $case: "projectRegistered",
      value: { projectId, projectName: project.name, enterpriseName: `${project.name}有限公司`, creditCode: project.creditCode, investmentCode: "", investmentWanYuan: 0, industryChain: "", enterpriseId: randomUUID(), investmentWanYuanExact: "1000", keyProject: project.keyProject, divisionCode: "610902", registeredBy: "steward-1" },
    },
  });
  await transaction(sql, (tx) => openDraftAgreement(tx, event));
  const [row] = await sql<{ id: string }[]>`select id from agreements where region = ${region} and project_id = ${projectId}`;
  return row!.id;
}

/** The latest event of a type this service recorded, and what its consumers do with it. */
async function latestEvent(type: string): Promise<EventEnvelope> {
  const [row] = await sql<{ payload: Buffer }[]>`select payload from outbox where event_type = ${type} order by seq desc limit 1`;
  return decodeEvent(row!.payload);
}
const deliverApproval = async (routingAnswering: RoutingClient = routing) => transaction(sql, async (tx) => submitApprovedPlans(routingAnswering)(tx, await latestEvent("agreement.plan.approved")));

const counts = async () =>
  (await sql<{ plans: number; outbox: number; ledger: number; reviews: number }[]>`
    select (select count(*)::int from plans) as plans, (select count(*)::int from outbox) as outbox,
           (select count(*)::int from ledger) as ledger, (select count(*)::int from plan_reviews) as reviews`)[0]!;

const signing = (agreementId: string) => ({ agreementId, signedOn: "", serviceCentre: "汉滨区政务服务中心", enterpriseSignatory: "王经理", commitments: { zeroFee: true, responseHours: 24, scope: "从立项到准营的全部审批事项帮办代办" } });

function startAgreementService(catalogueRead: () => Promise<Catalogue>) {
  const deps: AgreementDeps = { sql, region, now: () => new Date(), catalogue: catalogueRead };
  return new GrpcServer({ region, logger: createLogger({ service: "agreement", region, level: "silent", destination: silent }), tokens: new TokenVerifier(keys) }).add(agreementV1.AgreementServiceService, agreementHandlers(deps, routing));
}

let catalogueOverride: ((catalogue: Catalogue) => Catalogue) | undefined;

beforeAll(async () => {
  [agreementDb, routingDb] = await Promise.all([createTestDatabase("agreement_grpc"), createTestDatabase("agreement_grpc_routing")]);
  // As in production: migrated by the owner, served by the runtime role with only its grants.
  await migrate({ databaseUrl: agreementDb.url, dir: fileURLToPath(new URL("../../db/migrations", import.meta.url)), runtime: { role: agreementDb.runtimeRole, grants: runtimeGrants } });
  sql = createDatabase({ url: agreementDb.runtimeUrl, poolMax: 6, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 20_000, applicationName: "agreement-grpc-test" });
  routingProcess = await spawnService("approval-routing", {
    STEWARD_REGION: region,
    ...serviceDatabaseEnv(routingDb),
    STEWARD_NATS_URL: stack.natsUrl,
    STEWARD_AUTH_SECRET: testAuthSecret,
    STEWARD_LEDGER_SIGNING_KEY_FILE: ledgerSigningKeyFile(),
    STEWARD_CITY_REGION: region,
    STEWARD_LOG_LEVEL: "info",
  });
  const serviceToken = await signDevToken(keys, { subject: "agreement", region, role: "service" });
  routing = routingClient(`127.0.0.1:${routingProcess.grpcPort}`, async () => serviceToken, 15_000);
  catalogue = catalogueClient(`127.0.0.1:${routingProcess.grpcPort}`, async () => serviceToken, 15_000);
  // Routing's catalogue as agreement reads it; a test may make it stale (an item routing has since dropped).
  server = startAgreementService(async () => {
    const read = await readCatalogue(catalogue);
    return catalogueOverride ? catalogueOverride(read) : read;
  });
  address = `127.0.0.1:${await server.listen("127.0.0.1", 0)}`;
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.close();
  routing?.close();
  catalogue?.close();
  await server?.shutdown(1000);
  await routingProcess?.stop();
  await sql?.end({ timeout: 5 });
  await Promise.all([agreementDb?.drop(), routingDb?.drop()]);
});

describe("the agreement service with routing's catalogue and cases", () => {
  const admin = () => as({ subject: "county-admin", role: "admin" });
  const steward = (id: string) => as({ subject: id, role: "steward" });
  const liaison = (department: string, id = `${department}-liaison`) => as({ subject: id, role: "liaison", department });
  const enterprise = (creditCode: string) => as({ subject: `ent-${creditCode}`, role: "enterprise", creditCode });
  let agreementA = "";
  let agreementB = "";

  it("two enterprises' key projects are signed and get stewards by workload, each with its team", async () => {
    agreementA = await registered({ name: "富硒食品产业园", creditCode: enterpriseX, keyProject: true });
    agreementB = await registered({ name: "新材料生产线", creditCode: enterpriseY, keyProject: true });
    const county = await admin();
    await county.registerSteward({ stewardId: "steward-1", name: "张管家" });
    await county.registerSteward({ stewardId: "steward-2", name: "李管家" });
    for (const id of [agreementA, agreementB]) expect((await county.signAgreement(signing(id))).agreement!.status).toBe(AGREEMENT_STATUS_SIGNED);

    await county.assignSteward({ agreementId: agreementA, stewardId: "steward-1", note: "" });
    // steward-1 now holds a key project in service: steward-2 is suggested for the next.
    const { stewards } = await county.suggestSteward({ agreementId: agreementB });
    expect(stewards.map((s) => [s.id, s.workload, s.keyProjectWorkload])).toEqual([
      ["steward-2", 0, 0],
      ["steward-1", 1, 1],
    ]);
    await county.assignSteward({ agreementId: agreementB, stewardId: "steward-2", note: "" });
    for (const department of ["zrzy", "zj", "rf"]) await county.assignLiaison({ agreementId: agreementA, departmentCode: department, liaisonId: `${department}-liaison`, liaisonName: `${department} 联络员` });
    const team = await county.getTeam({ agreementId: agreementA });
    expect(team.stewards.map((s) => [s.stewardId, s.endedAt])).toEqual([["steward-1", undefined]]);
    expect(team.liaisons.map((l) => [l.departmentCode, l.departmentName !== "", l.liaisonId])).toEqual([
      ["rf", true, "rf-liaison"],
      ["zj", true, "zj-liaison"],
      ["zrzy", true, "zrzy-liaison"],
    ]);
    expect(await keyProjectsWithoutSteward(sql)).toEqual([]);
  });

  it("the steward drafts from routing's bundle with target dates; another steward may not touch it", async () => {
    const before = await counts();
    const refused = await refusalOf((await steward("steward-2")).draftPlan({ agreementId: agreementA, selectionCode: "BUNDLE-GYKG", items: [], targetDates: {}, excludedItemCodes: [], satisfiedPrerequisites: [] }));
    expect(refused.code).toBe(status.PERMISSION_DENIED);
    const bad = await refusalOf(
      (await steward("steward-1")).draftPlan({ agreementId: agreementA, selectionCode: "BUNDLE-NOPE", items: [{ itemCode: "NOPE-1", departmentCode: "", itemName: "", stage: "", targetDate: "" }], targetDates: { "ZRZY-YDGH": "2020-01-01" }, excludedItemCodes: [], satisfiedPrerequisites: [] }),
    );
    expect(bad).toMatchObject({ code: status.INVALID_ARGUMENT, fields: ["selection_code", "items[0].item_code", "target_dates[ZRZY-YDGH]"] });
    expect(await counts()).toEqual(before);

    // 工业项目开工 starts from the land-use planning permit: the 用地预审 it needs came before the plan.
    const satisfiedPrerequisites = [{ itemCode: "ZRZY-YDYS", documentRef: "安自然资预审〔2026〕3号", approvedOn: "2026-02-10" }];
    const { plan } = await (await steward("steward-1")).draftPlan({ agreementId: agreementA, selectionCode: "BUNDLE-GYKG", items: [], targetDates: { "ZRZY-YDGH": "2099-06-30" }, excludedItemCodes: [], satisfiedPrerequisites });
    expect(plan?.satisfiedPrerequisites).toEqual(satisfiedPrerequisites);
    expect(plan).toMatchObject({ version: 1, status: PLAN_STATUS_IN_REVIEW, sourceKind: "bundle", sourceCode: "BUNDLE-GYKG" });
    expect(plan!.items.map((item) => item.itemCode)).toEqual(["ZRZY-YDGH", "ZRZY-GCGH", "ZJ-XFSJ", "RF-BJSP", "ZJ-SGXK"]);
    expect(plan!.items[0]).toMatchObject({ departmentCode: "zrzy", targetDate: "2099-06-30" });
    expect(plan!.items[0]!.itemName).not.toBe("");
  });

  it("each department's named liaison reviews; the steward approves only once all have, and the plan goes to routing", async () => {
    // Another zrzy liaison (not named for this project) and a liaison of a department the plan lacks are refused.
    expect((await refusalOf((await liaison("zrzy", "zrzy-other")).reviewPlan({ agreementId: agreementA, version: 1, approve: true, reason: "" }))).code).toBe(status.PERMISSION_DENIED);
    const early = await refusalOf((await steward("steward-1")).approvePlan({ agreementId: agreementA, version: 1, items: [] }));
    expect(early.code).toBe(status.FAILED_PRECONDITION);
    expect((await refusalOf((await liaison("zrzy")).reviewPlan({ agreementId: agreementA, version: 1, approve: false, reason: " " }))).fields).toEqual(["reason"]);

    let plan = (await (await liaison("zrzy")).reviewPlan({ agreementId: agreementA, version: 1, approve: true, reason: "" })).plan!;
    expect(plan.status).toBe(PLAN_STATUS_IN_REVIEW);
    expect(plan.reviews.map((r) => [r.departmentCode, r.decision])).toEqual([
      ["zrzy", "approved"],
      ["zj", "pending"],
      ["rf", "pending"],
    ]);
    await (await liaison("zj")).reviewPlan({ agreementId: agreementA, version: 1, approve: true, reason: "" });
    plan = (await (await liaison("rf")).reviewPlan({ agreementId: agreementA, version: 1, approve: true, reason: "" })).plan!;
    expect(plan.status).toBe(PLAN_STATUS_REVIEWED);
    expect((await refusalOf((await steward("steward-2")).approvePlan({ agreementId: agreementA, version: 1, items: [] }))).code).toBe(status.PERMISSION_DENIED);
    plan = (await (await steward("steward-1")).approvePlan({ agreementId: agreementA, version: 1, items: [] })).plan!;
    expect(plan).toMatchObject({ status: PLAN_STATUS_SUBMITTED, approvedBy: "steward-1" });

    // The consumer submits it to routing, which opens the case: accepted, the agreement in force.
    await deliverApproval();
    const accepted = (await (await steward("steward-1")).getPlan({ agreementId: agreementA, version: 0 })).plan!;
    expect(accepted.status).toBe(PLAN_STATUS_ACCEPTED);
    expect(accepted.caseId).toMatch(/^[0-9a-f-]{36}$/);
    const { case: kase } = await routing.getCase({ id: accepted.caseId });
    expect(kase!.items.map((item) => item.itemCode).sort()).toEqual(["RF-BJSP", "ZJ-SGXK", "ZJ-XFSJ", "ZRZY-GCGH", "ZRZY-YDGH"]);
    expect((await (await admin()).getAgreement({ id: agreementA })).agreement).toMatchObject({ status: AGREEMENT_STATUS_ACTIVE, caseId: accepted.caseId, stewardId: "steward-1" });
    // A redelivery of the approval changes nothing (routing is idempotent by plan id and version; the answer is recorded once).
    const before = await counts();
    await deliverApproval();
    expect(await counts()).toEqual(before);

    // Plan vs actual, from routing's case.
    const progress = await (await steward("steward-1")).getPlanProgress({ agreementId: agreementA });
    expect(progress).toMatchObject({ caseId: accepted.caseId, planVersion: 1 });
    expect(progress.items.find((item) => item.itemCode === "ZRZY-YDGH")).toMatchObject({ targetDate: "2099-06-30", state: "routed", verdict: "on_track" });
    expect(progress.items.find((item) => item.itemCode === "ZJ-SGXK")).toMatchObject({ state: "planned", verdict: "no_target" });
  });

  it("a version routing refuses shows as refused with routing's field violations, never as approved", async () => {
    // Agreement's catalogue is a minute stale: it still lists an item routing has dropped since.
    catalogueOverride = (read) => ({ ...read, items: new Map([...read.items, ["ZRZY-DROPPED", { code: "ZRZY-DROPPED", name: "已取消事项", departmentCode: "zrzy", stage: "land_planning" }]]) });
    try {
      const mine = await steward("steward-2");
      await (await admin()).assignLiaison({ agreementId: agreementB, departmentCode: "zrzy", liaisonId: "zrzy-liaison", liaisonName: "自然资源联络员" });
      await mine.draftPlan({ agreementId: agreementB, selectionCode: "", items: [{ itemCode: "ZRZY-DROPPED", departmentCode: "zrzy", itemName: "", stage: "", targetDate: "" }], targetDates: {}, excludedItemCodes: [], satisfiedPrerequisites: [] });
      await (await liaison("zrzy")).reviewPlan({ agreementId: agreementB, version: 1, approve: true, reason: "" });
      await mine.approvePlan({ agreementId: agreementB, version: 1, items: [] });
      await deliverApproval();
      const plan = (await mine.getPlan({ agreementId: agreementB, version: 1 })).plan!;
      expect(plan.status).toBe(PLAN_STATUS_REFUSED);
      expect(plan.problems).toEqual([expect.objectContaining({ field: "items[0].item_code" })]);
      expect(plan.caseId).toBe("");
      expect((await mine.getAgreement({ id: agreementB })).agreement!.status).toBe(AGREEMENT_STATUS_SIGNED);
      // The steward drafts the next version beside the refused one, which is kept.
      await mine.draftPlan({ agreementId: agreementB, selectionCode: "", items: [{ itemCode: "ZRZY-YDYS", departmentCode: "zrzy", itemName: "", stage: "", targetDate: "" }], targetDates: {}, excludedItemCodes: [], satisfiedPrerequisites: [] });
      expect((await mine.listPlanVersions({ agreementId: agreementB })).plans.map((p) => [p.version, p.status])).toEqual([
        [2, PLAN_STATUS_IN_REVIEW],
        [1, PLAN_STATUS_REFUSED],
      ]);
      // A liaison returns it with a reason.
      expect((await (await liaison("zrzy")).reviewPlan({ agreementId: agreementB, version: 2, approve: false, reason: "缺少选址论证" })).plan!.status).toBe(PLAN_STATUS_RETURNED);
    } finally {
      catalogueOverride = undefined;
    }
  });

  it("an enterprise reads its own agreements only; others are not found", async () => {
    const x = await enterprise(enterpriseX);
    expect((await x.listAgreements({ projectId: "", pageSize: 50, pageToken: "", stewardId: "", status: 0 })).agreements.map((a) => a.id)).toEqual([agreementA]);
    expect((await x.getAgreement({ id: agreementA })).agreement!.signing!.enterpriseSignatory).toBe("王*");
    expect((await refusalOf(x.getAgreement({ id: agreementB }))).code).toBe(status.NOT_FOUND);
    expect((await refusalOf(x.getPlan({ agreementId: agreementB, version: 0 }))).code).toBe(status.NOT_FOUND);
    const y = await enterprise(enterpriseY);
    expect((await y.listAgreements({ projectId: "", pageSize: 50, pageToken: "", stewardId: "", status: 0 })).agreements.map((a) => a.id)).toEqual([agreementB]);
    expect((await refusalOf(y.getPlanProgress({ agreementId: agreementA }))).code).toBe(status.NOT_FOUND);
    // An enterprise does not draft, sign or assign.
    expect((await refusalOf(x.draftPlan({ agreementId: agreementA, selectionCode: "BUNDLE-GYKG", items: [], targetDates: {}, excludedItemCodes: [], satisfiedPrerequisites: [] }))).code).toBe(status.PERMISSION_DENIED);
    expect((await refusalOf(x.signAgreement(signing(agreementA)))).code).toBe(status.PERMISSION_DENIED);
    // Stewards find their own projects by the steward filter.
    const county = await admin();
    expect((await county.listAgreements({ projectId: "", pageSize: 50, pageToken: "", stewardId: "steward-2", status: 0 })).agreements.map((a) => a.id)).toEqual([agreementB]);
  });

  // Issue 8 (finding 4): forged page tokens (a non-UUID id, a quote, year 275760) reached the query
  // and answered INTERNAL. Every token is tried, whatever the others answer.
  it("refuses forged page tokens on ListAgreements with INVALID_ARGUMENT naming page_token", async () => {
    const county = await admin();
    const unsigned = (content: unknown) => Buffer.from(JSON.stringify(content)).toString("base64url");
    const forged = [
      unsigned(["2026-03-02T00:00:00.000Z", "not-a-uuid"]),
      unsigned(["2026-03-02T00:00:00.000Z", "x' or '1'='1"]),
      unsigned(["+275760-09-13T00:00:00.000Z", randomUUID()]),
    ];
    const answers: string[] = [];
    for (const pageToken of forged) {
      answers.push(
        await county.listAgreements({ projectId: "", pageSize: 1, pageToken, stewardId: "", status: 0 }).then(
          () => "OK",
          (error: ServiceError) => `${status[error.code]} ${fieldViolationsOf(error).map((violation) => violation.field).join(",")}`.trim(),
        ),
      );
    }
    expect(answers).toEqual(forged.map(() => "INVALID_ARGUMENT page_token"));
  });

  it("a key project in service never loses its steward: release and retirement are refused, a hand-over keeps the history", async () => {
    const county = await admin();
    const before = await counts();
    expect(await refusalOf(county.releaseSteward({ agreementId: agreementA, reason: "调岗" }))).toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(await refusalOf(county.retireSteward({ stewardId: "steward-1", reason: "退休" }))).toMatchObject({ code: status.FAILED_PRECONDITION });
    expect((await refusalOf(county.assignSteward({ agreementId: agreementA, stewardId: "steward-2", note: "" }))).fields).toEqual(["note"]);
    expect((await refusalOf(county.assignSteward({ agreementId: agreementA, stewardId: "nobody", note: "移交" }))).fields).toEqual(["steward_id"]);
    expect(await counts()).toEqual(before);

    const handed = (await county.assignSteward({ agreementId: agreementA, stewardId: "steward-2", note: "移交全部在办事项与企业联系方式" })).agreement!;
    expect(handed).toMatchObject({ stewardId: "steward-2", stewardName: "李管家" });
    const team = await county.getTeam({ agreementId: agreementA });
    expect(team.stewards.map((s) => [s.stewardId, s.endedAt === undefined, s.note])).toEqual([
      ["steward-2", true, "移交全部在办事项与企业联系方式"],
      ["steward-1", false, ""],
    ]);
    // The old steward no longer acts on the plan; the new one does.
    expect((await refusalOf((await steward("steward-1")).draftPlan({ agreementId: agreementA, selectionCode: "BUNDLE-GYKG", items: [], targetDates: {}, excludedItemCodes: [], satisfiedPrerequisites: [] }))).code).toBe(status.PERMISSION_DENIED);
    // steward-1 holds nothing now and can retire.
    expect((await county.retireSteward({ stewardId: "steward-1", reason: "退休" })).steward).toMatchObject({ id: "steward-1", active: false });
    expect((await county.listStewards({ includeRetired: false })).stewards.map((s) => s.id)).toEqual(["steward-2"]);
    expect((await refusalOf(county.assignSteward({ agreementId: agreementB, stewardId: "steward-1", note: "x" }))).fields).toEqual(["steward_id"]);
    expect(await keyProjectsWithoutSteward(sql)).toEqual([]);
  });

  it("a signed key project waiting for its steward is counted by the gauge's query", async () => {
    const waiting = await registered({ name: "待派管家项目", creditCode: enterpriseX, keyProject: true });
    await (await admin()).signAgreement(signing(waiting));
    expect(await keyProjectsWithoutSteward(sql)).toEqual([{ status: "signed", count: 1 }]);
  });

  it("the agreement is fulfilled when routing completes its case", async () => {
    const { agreement } = await (await admin()).getAgreement({ id: agreementA });
    await transaction(sql, (tx) => fulfilAgreements(tx, newEvent({ region, aggregateId: agreement!.caseId, payload: { $case: "caseCompleted", value: { caseId: agreement!.caseId, planId: "", projectId: agreement!.projectId, projectName: agreement!.projectName, itemCount: 5, completion: 1 } } })));
    expect((await (await admin()).getAgreement({ id: agreementA })).agreement).toMatchObject({ status: AGREEMENT_STATUS_FULFILLED, closedReason: "the project's case completed" });
  });
});
