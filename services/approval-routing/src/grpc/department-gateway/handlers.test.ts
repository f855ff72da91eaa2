import { randomUUID } from "node:crypto";
import { Client, Metadata, credentials, status, type ServiceError } from "@grpc/grpc-js";
import type { Sql } from "@steward/platform/db";
import { createClient, errorInfoOf, fieldViolationsOf } from "@steward/platform/grpc";
import { routingV1 } from "@steward/proto";
import { uniqueRegion } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declareMissingPrerequisites, testCreditCode } from "../../db/test-harness.js";
import { createTestServers, failure, submit as submitPlan, watch, type Gateway, type RegionServer, type TestServers } from "../test-server.js";

/** Long enough that a test which sees a change quickly knows it did not come from the poll. */
const watchPollMs = 10_000;

const { ITEM_STATE_ROUTED, ITEM_STATE_IN_REVIEW } = routingV1.ItemState;
const normal = routingV1.ProcessingMode.PROCESSING_MODE_NORMAL;
const clients: { close(): void }[] = [];

/** Opens a case for a plan of these item codes; returns its items by code. */
async function submit(region: RegionServer, codes: string[]): Promise<Map<string, routingV1.CaseItem>> {
  return (await submitPlan(region, codes)).items;
}

const cursorOf = (position: string) => Buffer.from(position).toString("base64url");

describe("department gateway over gRPC", () => {
  let servers: TestServers;
  let sql: Sql;
  let home: RegionServer;
  let elsewhere: RegionServer;
  let zrzy: Gateway;
  let sthj: Gateway;
  let zrzyToken: string;

  const count = async (query: string, ...params: string[]) => Number((await sql.unsafe(query, params))[0]!.n);
  const ledgerRows = (subject: string, action?: string) =>
    action ? count("select count(*) as n from ledger where subject = $1 and action = $2", subject, action) : count("select count(*) as n from ledger where subject = $1", subject);

  beforeAll(async () => {
    servers = await createTestServers("gateway", { watchPollMs });
    sql = servers.sql;
    home = await servers.startRegion(uniqueRegion("gw"));
    elsewhere = await servers.startRegion(uniqueRegion("gw"));
    zrzy = await home.gateway("zrzy");
    sthj = await home.gateway("sthj");
    zrzyToken = await home.token({ subject: "zrzy-system", role: "department", department: "zrzy" });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await servers?.close();
  });

  it("answers NOT_FOUND for another department's item and another region's item, exactly as for an id that does not exist", async () => {
    const ours = await submit(home, ["ZRZY-YDYS", "STHJ-HPB"]);
    const theirs = await submit(elsewhere, ["ZRZY-YDYS"]);
    const zrzyItem = ours.get("ZRZY-YDYS")!.id;
    const otherRegionItem = theirs.get("ZRZY-YDYS")!.id;
    const missing = randomUUID();
    const before = { ledger: await count("select count(*) as n from ledger"), requests: await count("select count(*) as n from gateway_requests") };

    const mutations: [string, (client: Gateway, itemId: string) => Promise<unknown>][] = [
      ["acceptItem", (client, itemId) => client.acceptItem({ itemId, requestId: "probe-accept", mode: normal, missingMaterials: [], commitmentRef: "" })],
      ["requestSupplement", (client, itemId) => client.requestSupplement({ itemId, requestId: "probe-rs", materials: ["用地申请表"], reason: "缺页" })],
      ["recordSupplement", (client, itemId) => client.recordSupplement({ itemId, requestId: "probe-rec", materials: ["用地申请表"] })],
      ["decideItem", (client, itemId) => client.decideItem({ itemId, requestId: "probe-decide", decision: routingV1.Decision.DECISION_APPROVE, reason: "", documentRefs: [] })],
      ["pauseClock", (client, itemId) => client.pauseClock({ itemId, requestId: "probe-pause", kind: "expert_review", reason: "专家评审" })],
      ["resumeClock", (client, itemId) => client.resumeClock({ itemId, requestId: "probe-resume" })],
      ["recordVerification", (client, itemId) => client.recordVerification({ itemId, requestId: "probe-verify", commitmentTrue: true, reason: "" })],
      ["requestConsultation", (client, itemId) => client.requestConsultation({ itemId, requestId: "probe-consult", consultedDepartment: "fgw", question: "是否符合规划?" })],
    ];
    for (const [name, call] of mutations) {
      const otherDepartment = await failure(call(sthj, zrzyItem));
      const otherRegion = await failure(call(zrzy, otherRegionItem));
      const nonexistent = await failure(call(zrzy, missing));
      for (const error of [otherDepartment, otherRegion, nonexistent]) {
        expect(error.code, name).toBe(status.NOT_FOUND);
        expect(errorInfoOf(error), name).toEqual({ reason: "NOT_FOUND", domain: "steward.gov", metadata: {} });
      }
      // The only difference between the three answers is the id the caller sent itself.
      expect(otherDepartment.details.replace(zrzyItem, "<id>"), name).toBe(nonexistent.details.replace(missing, "<id>"));
      expect(otherRegion.details.replace(otherRegionItem, "<id>"), name).toBe(nonexistent.details.replace(missing, "<id>"));
      expect(otherDepartment.details, name).not.toMatch(/zrzy|sthj|region|department/i);
    }
    // Nothing was written by any of the refused calls.
    expect({ ledger: await count("select count(*) as n from ledger"), requests: await count("select count(*) as n from gateway_requests") }).toEqual(before);

    // Listing shows the department its own items of its own region only.
    const sthjItems = (await sthj.listAssignments({ pageSize: 500, pageToken: "" })).items;
    expect(sthjItems.every((item) => item.departmentCode === "sthj")).toBe(true);
    expect(sthjItems.map((item) => item.id)).not.toContain(zrzyItem);
    const zrzyIds = (await zrzy.listAssignments({ pageSize: 500, pageToken: "" })).items.map((item) => item.id);
    expect(zrzyIds).toContain(zrzyItem);
    expect(zrzyIds).not.toContain(otherRegionItem);
  });

  it("lets a stream aborted mid-read stop at once instead of waiting out the poll interval", async () => {
    const controller = new AbortController();
    controller.abort();
    const started = Date.now();
    await home.feed.next(controller.signal, watchPollMs);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses callers that are not department systems with PERMISSION_DENIED, and a department token naming no department as unauthenticated", async () => {
    const item = (await submit(home, ["ZRZY-YDYS"])).get("ZRZY-YDYS")!;
    const stewardToken = await home.token({ subject: "steward-1", role: "steward" });
    const steward = createClient(routingV1.DepartmentGatewayServiceService, { address: home.address, token: () => stewardToken, defaultDeadlineMs: 5000 });
    const anonymousDepartmentToken = await home.token({ subject: "nobody", role: "department" });
    const anonymousDepartment = createClient(routingV1.DepartmentGatewayServiceService, { address: home.address, token: () => anonymousDepartmentToken, defaultDeadlineMs: 5000 });
    clients.push(steward, anonymousDepartment);
    for (const [client, code, reason] of [
      [steward, status.PERMISSION_DENIED, "ROLE_NOT_ALLOWED"],
      [anonymousDepartment, status.UNAUTHENTICATED, "TOKEN_CLAIMS_INVALID"],
    ] as const) {
      expect((await failure(client.listAssignments({ pageSize: 10, pageToken: "" }))).code).toBe(code);
      const refused = await failure(client.acceptItem({ itemId: item.id, requestId: "perm-1", mode: normal, missingMaterials: [], commitmentRef: "" }));
      expect(refused.code).toBe(code);
      expect(errorInfoOf(refused)?.reason).toBe(reason);
    }
    const stream = watch(home.address, stewardToken, "");
    expect((await stream.ended).code).toBe(status.PERMISSION_DENIED);
    expect(stream.received).toEqual([]);
    expect(await ledgerRows(item.id, "item.accept")).toBe(0);
  });

  it("refuses an action the item's state does not allow with FAILED_PRECONDITION, reason ITEM_STATE_CONFLICT and the state", async () => {
    const item = (await submit(home, ["ZRZY-YDYS"])).get("ZRZY-YDYS")!;
    const error = await failure(zrzy.decideItem({ itemId: item.id, requestId: `early-${item.id}`, decision: routingV1.Decision.DECISION_APPROVE, reason: "", documentRefs: [] }));
    expect(error.code).toBe(status.FAILED_PRECONDITION);
    expect(errorInfoOf(error)).toEqual({ reason: "ITEM_STATE_CONFLICT", domain: "steward.gov", metadata: { state: "routed", action: "approve" } });
    expect(await ledgerRows(item.id, "item.approve")).toBe(0);
  });

  it("answers INVALID_ARGUMENT naming every bad field", async () => {
    const violations = async (promise: Promise<unknown>) => {
      const error = await failure(promise);
      expect(error.code).toBe(status.INVALID_ARGUMENT);
      return fieldViolationsOf(error).map((violation) => violation.field);
    };
    expect(await violations(zrzy.acceptItem({ itemId: "not-a-uuid", requestId: "r-1", mode: normal, missingMaterials: [], commitmentRef: "" }))).toEqual(["item_id"]);
    expect(await violations(zrzy.acceptItem({ itemId: randomUUID(), requestId: "", mode: normal, missingMaterials: [], commitmentRef: "" }))).toEqual(["request_id"]);
    expect(await violations(zrzy.acceptItem({ itemId: randomUUID(), requestId: "r 1/with spaces", mode: normal, missingMaterials: [], commitmentRef: "" }))).toEqual(["request_id"]);
    expect(await violations(zrzy.decideItem({ itemId: randomUUID(), requestId: "r-2", decision: routingV1.Decision.DECISION_UNSPECIFIED, reason: "", documentRefs: [] }))).toEqual(["decision"]);
    expect(await violations(zrzy.decideItem({ itemId: randomUUID(), requestId: "r-3", decision: 42 as routingV1.Decision, reason: "", documentRefs: [] }))).toEqual(["decision"]);
    expect(await violations(zrzy.decideItem({ itemId: randomUUID(), requestId: "r-4", decision: routingV1.Decision.DECISION_REJECT, reason: "  ", documentRefs: [] }))).toEqual(["reason"]);
    expect(await violations(zrzy.decideItem({ itemId: randomUUID(), requestId: "r-5", decision: routingV1.Decision.DECISION_RETURN, reason: "", documentRefs: [] }))).toEqual(["reason"]);
    // Every problem of one request comes back at once.
    expect(await violations(zrzy.decideItem({ itemId: "x", requestId: "", decision: routingV1.Decision.DECISION_REJECT, reason: "", documentRefs: [""] }))).toEqual([
      "item_id",
      "request_id",
      "reason",
      "document_refs[0]",
    ]);
    expect(await violations(zrzy.listAssignments({ pageSize: 501, pageToken: "" }))).toEqual(["page_size"]);
    expect(await violations(zrzy.listAssignments({ pageSize: 10, pageToken: "garbage" }))).toEqual(["page_token"]);
  });

  // Issue 8: a NUL in any of these answered INTERNAL (Postgres refuses the byte), control
  // characters were stored as given. Each request is one the item's state and the catalogue allow,
  // but for its hostile character, so only the text rule can refuse it — and every field is tried,
  // whatever the others answer.
  it("refuses NUL and control characters in every free-text field, naming it, and writes nothing", async () => {
    const accepted = async (code: string) => {
      const item = (await submit(home, [code])).get(code)!;
      const gateway = code.startsWith("STHJ") ? sthj : zrzy;
      await gateway.acceptItem({ itemId: item.id, requestId: `h-accept-${item.id}`, mode: normal, missingMaterials: [], commitmentRef: "" });
      return item.id;
    };
    const routed = (await submit(home, ["STHJ-HPB"])).get("STHJ-HPB")!.id; // STHJ-HPB allows 告知承诺
    const routedForTolerance = (await submit(home, ["ZRZY-YDYS"])).get("ZRZY-YDYS")!.id;
    const [forReason, forRefs, forMaterials, forSupplementReason, forQuestion] = [await accepted("ZRZY-YDYS"), await accepted("ZRZY-YDYS"), await accepted("ZRZY-YDYS"), await accepted("ZRZY-YDYS"), await accepted("ZRZY-YDYS")];
    const [forNulRefs, forNulMaterials, forNulSupplementReason] = [await accepted("ZRZY-YDYS"), await accepted("ZRZY-YDYS"), await accepted("ZRZY-YDYS")];
    const writes = async () => ({ ledger: await count("select count(*) as n from ledger"), requests: await count("select count(*) as n from gateway_requests"), cases: await count("select count(*) as n from cases") });
    const before = await writes();
    const commitment = routingV1.ProcessingMode.PROCESSING_MODE_COMMITMENT;
    const approve = routingV1.Decision.DECISION_APPROVE;
    const hostile: [string, () => Promise<unknown>][] = [
      ["commitment_ref", () => sthj.acceptItem({ itemId: routed, requestId: "h-1", mode: commitment, missingMaterials: [], commitmentRef: "承诺书\u0000" })],
      // A missing material is also checked against the item's non-core materials (which hold no ESC).
      ["missing_materials[0]", () => zrzy.acceptItem({ itemId: routedForTolerance, requestId: "h-2", mode: routingV1.ProcessingMode.PROCESSING_MODE_TOLERANT, missingMaterials: ["标注拟选址位置的国土空间规划图\u001b"], commitmentRef: "" })],
      ["reason", () => zrzy.decideItem({ itemId: forReason, requestId: "h-3", decision: approve, reason: "同意\u0000", documentRefs: [] })],
      ["document_refs[0]", () => zrzy.decideItem({ itemId: forRefs, requestId: "h-4", decision: approve, reason: "", documentRefs: ["安自然资规\u0007〔2026〕1号"] })],
      ["materials[0]", () => zrzy.requestSupplement({ itemId: forMaterials, requestId: "h-5", materials: ["用地\u0085申请表"], reason: "缺页" })],
      ["reason", () => zrzy.requestSupplement({ itemId: forSupplementReason, requestId: "h-6", materials: ["用地申请表"], reason: "缺页\u007f" })],
      ["document_refs[0]", () => zrzy.decideItem({ itemId: forNulRefs, requestId: "h-4n", decision: approve, reason: "", documentRefs: ["安自然资规\u0000〔2026〕2号"] })],
      ["materials[0]", () => zrzy.requestSupplement({ itemId: forNulMaterials, requestId: "h-5n", materials: ["用地\u0000申请表"], reason: "缺页" })],
      ["reason", () => zrzy.requestSupplement({ itemId: forNulSupplementReason, requestId: "h-6n", materials: ["用地申请表"], reason: "缺页\u0000" })],
      ["question", () => zrzy.requestConsultation({ itemId: forQuestion, requestId: "h-7", consultedDepartment: "fgw", question: "同意吗\u0000" })],
      ["project_name", () => home.routing.submitPlan({ planId: randomUUID(), planVersion: 1, projectId: randomUUID(), projectName: "富硒茶\u0000", creditCode: testCreditCode, items: [{ itemCode: "ZRZY-YDYS", departmentCode: "zrzy" }], satisfiedPrerequisites: [] })],
      ["project_name", () => home.routing.submitPlan({ planId: randomUUID(), planVersion: 1, projectId: randomUUID(), projectName: "x".repeat(1 << 20), creditCode: testCreditCode, items: [{ itemCode: "ZRZY-YDYS", departmentCode: "zrzy" }], satisfiedPrerequisites: [] })],
    ];
    const answers: string[] = [];
    for (const [, call] of hostile) {
      answers.push(
        await call().then(
          () => "OK",
          (error: ServiceError) => `${status[error.code]} ${fieldViolationsOf(error).map((violation) => violation.field).join(",")}`.trim(),
        ),
      );
    }
    expect(answers).toEqual(hostile.map(([field]) => `INVALID_ARGUMENT ${field}`));
    expect(await writes()).toEqual(before);
  });

  // Issue 8 (finding 2): a string that is not valid UTF-8 was decoded with U+FFFD in place of the
  // broken bytes and stored so, silently. It is refused, and nothing is written.
  it("refuses a project name that is not valid UTF-8 instead of storing U+FFFD, and writes nothing", async () => {
    const planId = randomUUID();
    const encoded = Buffer.from(
      routingV1.SubmitPlanRequest.encode({ planId, planVersion: 1, projectId: randomUUID(), projectName: "富硒茶ZZZZ", creditCode: testCreditCode, items: [{ itemCode: "ZRZY-YDYS", departmentCode: "zrzy" }], satisfiedPrerequisites: declareMissingPrerequisites(["ZRZY-YDYS"]) }).finish(),
    );
    encoded[encoded.indexOf("ZZZZ")] = 0xff; // a byte no UTF-8 sequence starts with
    const metadata = new Metadata();
    metadata.set("authorization", `Bearer ${await home.token({ subject: "steward-1", role: "steward" })}`);
    const raw = new Client(home.address, credentials.createInsecure());
    const error = await new Promise<ServiceError | null>((resolve) =>
      raw.makeUnaryRequest(routingV1.RoutingServiceService.submitPlan.path, (value: Buffer) => value, (value: Buffer) => value, encoded, metadata, { deadline: Date.now() + 10_000 }, (failed) => resolve(failed)),
    ).finally(() => raw.close());
    const stored = await sql<{ project_name: string }[]>`select project_name from cases where plan_id = ${planId}`;
    expect({ code: error ? status[error.code] : "OK", fields: error ? fieldViolationsOf(error).map((violation) => violation.field) : [], stored: stored.map((row) => row.project_name) }).toEqual({
      code: "INVALID_ARGUMENT",
      fields: ["project_name"],
      stored: [],
    });
  });

  // Issue 8: forged tokens (a non-UUID id, a quote, year 275760) reached the query and answered INTERNAL.
  it("refuses forged page tokens and another department's with INVALID_ARGUMENT naming page_token", async () => {
    const unsigned = (content: unknown) => Buffer.from(JSON.stringify(content)).toString("base64url");
    await submit(home, ["ZRZY-YDYS"]);
    await submit(home, ["ZRZY-YDYS"]);
    const issued = (await zrzy.listAssignments({ pageSize: 1, pageToken: "" })).nextPageToken;
    expect(issued).not.toBe("");
    expect((await zrzy.listAssignments({ pageSize: 1, pageToken: issued })).items).toHaveLength(1);
    const [payload, mac] = issued.split(".");
    const forged = [
      unsigned(["2026-03-02T00:00:00.000Z", "not-a-uuid"]),
      unsigned(["2026-03-02T00:00:00.000Z", "x' or '1'='1"]),
      unsigned(["+275760-09-13T00:00:00.000Z", randomUUID()]),
      `${unsigned(["+275760-09-13T00:00:00.000Z", randomUUID()])}.${mac}`,
      `${payload}x.${mac}`,
    ];
    for (const pageToken of forged) {
      const error = await failure(zrzy.listAssignments({ pageSize: 1, pageToken }));
      expect(error.code, pageToken).toBe(status.INVALID_ARGUMENT);
      expect(fieldViolationsOf(error).map((violation) => violation.field)).toEqual(["page_token"]);
    }
    // A token continues the list it came from: another department cannot page on with it.
    expect(fieldViolationsOf(await failure(sthj.listAssignments({ pageSize: 1, pageToken: issued }))).map((violation) => violation.field)).toEqual(["page_token"]);
  });

  // Issue 8: a reused request id with a different reason answered OK with the first outcome.
  it("binds a request id to its request: a retry answers as before, the same id with another request is ALREADY_EXISTS", async () => {
    const item = (await submit(home, ["ZRZY-YDYS"])).get("ZRZY-YDYS")!;
    await zrzy.acceptItem({ itemId: item.id, requestId: `b-accept-${item.id}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    const ask = { itemId: item.id, requestId: `b-consult-${item.id}`, consultedDepartment: "fgw", question: "是否符合产业政策?" };
    await zrzy.requestConsultation(ask);
    // Every reuse is tried, whatever the others answer.
    const answer = (call: Promise<unknown>) => call.then(() => "OK", (error: ServiceError) => `${status[error.code]}: ${error.details}`);
    const otherQuestion = await answer(zrzy.requestConsultation({ ...ask, question: "是否需要节能审查?" }));
    const reject = { itemId: item.id, requestId: `b-reject-${item.id}`, decision: routingV1.Decision.DECISION_REJECT, reason: "不符合国土空间规划", documentRefs: [] };
    const rejected = await zrzy.decideItem(reject);
    expect(await zrzy.decideItem(reject)).toEqual(rejected);
    const reused = [
      otherQuestion,
      await answer(zrzy.decideItem({ ...reject, reason: "材料不全" })),
      await answer(zrzy.decideItem({ ...reject, documentRefs: ["安自然资〔2026〕9号"] })),
    ];
    expect(reused).toEqual(reused.map(() => expect.stringMatching(/^ALREADY_EXISTS: .*already used for a different request/)));
    expect(await count("select count(*) as n from consultations where item_id = $1", item.id)).toBe(1);
    expect(await ledgerRows(item.id, "item.reject")).toBe(1);
    const [ledgerReason] = await sql<{ reason: string }[]>`select reason from ledger where subject = ${item.id} and action = 'item.reject'`;
    expect(ledgerReason!.reason).toBe("不符合国土空间规划");
  });

  // Issue 8: a consultation of a department that does not exist was accepted, and 7 working days
  // later counted as deemed consent — a department could manufacture consent.
  it("refuses a consultation of a department the catalogue does not know, and writes nothing", async () => {
    const item = (await submit(home, ["ZRZY-YDYS"])).get("ZRZY-YDYS")!;
    await zrzy.acceptItem({ itemId: item.id, requestId: `u-accept-${item.id}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    const error = await failure(zrzy.requestConsultation({ itemId: item.id, requestId: `u-consult-${item.id}`, consultedDepartment: "nosuchdept", question: "同意吗?" }));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(fieldViolationsOf(error)).toEqual([{ field: "consulted_department", description: "nosuchdept is not a department of the catalogue" }]);
    expect(await count("select count(*) as n from consultations where item_id = $1", item.id)).toBe(0);
    expect(await count("select count(*) as n from gateway_requests where request_id = $1", `u-consult-${item.id}`)).toBe(0);
    expect(await ledgerRows(item.id, "consultation.requested")).toBe(0);
  });

  it("refuses a request larger than the server accepts with RESOURCE_EXHAUSTED before any handler runs", async () => {
    const item = (await submit(home, ["ZRZY-YDYS"])).get("ZRZY-YDYS")!;
    const ledgerBefore = await ledgerRows(item.id);
    // 5 MiB of material names against the 4 MiB the server receives.
    const error = await failure(zrzy.recordSupplement({ itemId: item.id, requestId: "huge-1", materials: ["x".repeat(5 * 1024 * 1024)] }));
    expect(error.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(await count("select count(*) as n from gateway_requests where request_id = 'huge-1'")).toBe(0);
    expect(await ledgerRows(item.id)).toBe(ledgerBefore);
    // The connection is still good for an ordinary call.
    expect((await zrzy.listAssignments({ pageSize: 1, pageToken: "" })).items).toHaveLength(1);
  });

  it("makes a retried mutation a no-op by its request id, and refuses the id for another item", async () => {
    const items = await submit(home, ["ZRZY-YDYS", "STHJ-HPB"]);
    const first = items.get("ZRZY-YDYS")!;
    const second = (await submit(home, ["ZRZY-YDYS"])).get("ZRZY-YDYS")!;
    const accept = { itemId: first.id, requestId: `accept-${first.id}`, mode: normal, missingMaterials: [], commitmentRef: "" };
    const accepted = await zrzy.acceptItem(accept);
    expect(accepted.item?.state).toBe(ITEM_STATE_IN_REVIEW);
    const retried = await zrzy.acceptItem(accept);
    expect(retried.item).toEqual(accepted.item);
    // Concurrent retries are no-ops too.
    const concurrent = await Promise.all([zrzy.acceptItem(accept), zrzy.acceptItem(accept), zrzy.acceptItem(accept)]);
    for (const answer of concurrent) expect(answer.item?.state).toBe(ITEM_STATE_IN_REVIEW);
    expect(await ledgerRows(first.id, "item.accept")).toBe(1);

    const reused = await failure(zrzy.acceptItem({ ...accept, itemId: second.id }));
    expect(reused.code).toBe(status.ALREADY_EXISTS);
    expect(errorInfoOf(reused)).toEqual({ reason: "REQUEST_ID_REUSED", domain: "steward.gov", metadata: { requestId: accept.requestId } });
    expect(await ledgerRows(second.id, "item.accept")).toBe(0);
    // Request ids are the department's own: another department may use the same one.
    const sthjItem = items.get("STHJ-HPB")!;
    expect((await sthj.acceptItem({ ...accept, itemId: sthjItem.id })).item?.state).toBe(ITEM_STATE_IN_REVIEW);

    const decide = { itemId: first.id, requestId: `approve-${first.id}`, decision: routingV1.Decision.DECISION_APPROVE, reason: "", documentRefs: ["陕自然资规〔2026〕12号"] };
    const decided = await zrzy.decideItem(decide);
    expect(await zrzy.decideItem(decide)).toEqual(decided);
    expect(await ledgerRows(first.id, "item.approve")).toBe(1);
  });

  it("refuses a request id reused for another action on the same item instead of silently doing nothing", async () => {
    const item = (await submit(home, ["ZRZY-YDYS"])).get("ZRZY-YDYS")!;
    await zrzy.acceptItem({ itemId: item.id, requestId: `same-${item.id}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    const error = await failure(zrzy.decideItem({ itemId: item.id, requestId: `same-${item.id}`, decision: routingV1.Decision.DECISION_APPROVE, reason: "", documentRefs: [] }));
    expect(error.code).toBe(status.ALREADY_EXISTS);
    expect(await ledgerRows(item.id, "item.approve")).toBe(0);
  });

  it("makes a retried consultation request and answer no-ops by their request ids", async () => {
    const item = (await submit(home, ["ZRZY-YDYS"])).get("ZRZY-YDYS")!;
    await zrzy.acceptItem({ itemId: item.id, requestId: `c-accept-${item.id}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    const ask = { itemId: item.id, requestId: `consult-${item.id}`, consultedDepartment: "fgw", question: "是否符合产业政策?" };
    const asked = await zrzy.requestConsultation(ask);
    expect((await zrzy.requestConsultation(ask)).consultation).toEqual(asked.consultation);
    expect(await count("select count(*) as n from consultations where item_id = $1", item.id)).toBe(1);
    const fgw = await home.gateway("fgw");
    const answer = { consultationId: asked.consultation!.id, requestId: `answer-${item.id}`, agree: true, reason: "符合" };
    const answered = await fgw.answerConsultation(answer);
    expect(answered.consultation?.outcome).toBe("agreed");
    expect((await fgw.answerConsultation(answer)).consultation).toEqual(answered.consultation);
    expect(await ledgerRows(item.id, "consultation.agreed")).toBe(1);
  });

  it("pages ListAssignments so that every item comes exactly once", async () => {
    const department = await home.gateway("scjg");
    const expected = new Set<string>();
    for (let plan = 0; plan < 7; plan++) expected.add((await submit(home, ["SCJG-YYZZ"])).get("SCJG-YYZZ")!.id);
    const seen: string[] = [];
    let pageToken = "";
    for (let page = 0; page < 20; page++) {
      const answer = await department.listAssignments({ pageSize: 3, pageToken });
      expect(answer.items.length).toBeLessThanOrEqual(3);
      seen.push(...answer.items.map((item) => item.id));
      pageToken = answer.nextPageToken;
      if (!pageToken) break;
    }
    expect(pageToken).toBe("");
    expect(seen).toHaveLength(expected.size);
    expect(new Set(seen)).toEqual(expected);
  });

  it("refuses a cursor it did not issue with INVALID_ARGUMENT on the cursor field", async () => {
    for (const cursor of ["garbage!", cursorOf("1:2:3"), cursorOf("99999999999999999999:1"), cursorOf("1:99999999999999999999")]) {
      const stream = watch(home.address, zrzyToken, cursor);
      const ended = await stream.ended;
      expect(ended.code, cursor).toBe(status.INVALID_ARGUMENT);
      expect(fieldViolationsOf(ended).map((violation) => violation.field)).toEqual(["cursor"]);
    }
  });

  it("honours the client's deadline on a stream that is waiting for changes", async () => {
    const catchUp = watch(home.address, zrzyToken, "");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await catchUp.close();
    const last = catchUp.received.at(-1)?.cursor ?? "";
    const started = Date.now();
    const stream = watch(home.address, zrzyToken, last, 400);
    const ended = await stream.ended;
    expect(ended.code).toBe(status.DEADLINE_EXCEEDED);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("streams the department's own changes only and resumes from a cursor with no gap and no repeat", async () => {
    const first = await submit(home, ["ZRZY-YDYS", "ZRZY-YDGH", "STHJ-HPB"]);
    // Catch up on everything so far, then remember where we are.
    const catchUp = watch(home.address, zrzyToken, "");
    const backlog = await count("select count(*) as n from assignment_changes where region = $1 and department_code = 'zrzy'", home.region);
    await catchUp.until(backlog);
    await catchUp.close();
    expect(catchUp.received.every((message) => message.item?.departmentCode === "zrzy")).toBe(true);
    const resumeAt = catchUp.received.at(-1)!.cursor;

    // Changes made while nobody listens, and then while the resumed stream is open.
    const ydys = first.get("ZRZY-YDYS")!.id;
    await zrzy.acceptItem({ itemId: ydys, requestId: `a-${ydys}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    await sthj.acceptItem({ itemId: first.get("STHJ-HPB")!.id, requestId: "a-sthj", mode: normal, missingMaterials: [], commitmentRef: "" });
    const resumed = watch(home.address, zrzyToken, resumeAt);
    await resumed.until(1);
    await zrzy.decideItem({ itemId: ydys, requestId: `d-${ydys}`, decision: routingV1.Decision.DECISION_APPROVE, reason: "", documentRefs: [] });
    // Approving YDYS routes YDGH in the same transaction.
    const live = await resumed.until(3);
    await resumed.close();
    expect(live.map((message) => [message.item?.itemCode, message.item?.state])).toEqual([
      ["ZRZY-YDYS", ITEM_STATE_IN_REVIEW],
      ["ZRZY-YDYS", routingV1.ItemState.ITEM_STATE_APPROVED],
      ["ZRZY-YDGH", ITEM_STATE_ROUTED],
    ]);
    expect(resumed.received).toHaveLength(3);
    const before = new Set(catchUp.received.map((message) => message.cursor));
    expect(live.filter((message) => before.has(message.cursor))).toEqual([]);
    // An accepted item comes with its clock.
    expect(live[0]!.item?.clock?.committed?.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("does not stream past a change an older transaction has yet to commit, then streams it first", async () => {
    const items = await submit(home, ["ZRZY-YDYS"]);
    const itemId = items.get("ZRZY-YDYS")!.id;
    const catchUp = watch(home.address, zrzyToken, "");
    await catchUp.until(await count("select count(*) as n from assignment_changes where region = $1 and department_code = 'zrzy'", home.region));
    await catchUp.close();
    const stream = watch(home.address, zrzyToken, catchUp.received.at(-1)!.cursor);

    // An older transaction writes a change and stays open while a younger one commits its own.
    let commitOlder!: () => void;
    const olderMayCommit = new Promise<void>((resolve) => (commitOlder = resolve));
    let olderWrote!: () => void;
    const olderHasWritten = new Promise<void>((resolve) => (olderWrote = resolve));
    const older = sql.begin(async (tx) => {
      await tx`insert into assignment_changes (region, department_code, item_id, snapshot)
               select region, department_code, item_id, snapshot from assignment_changes
               where region = ${home.region} and item_id = ${itemId} order by seq limit 1`;
      olderWrote();
      await olderMayCommit;
    });
    await olderHasWritten;
    await zrzy.acceptItem({ itemId, requestId: `late-${itemId}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stream.received).toEqual([]); // a reader that took the younger change now would skip the older one for ever
    commitOlder();
    await older;
    const [olderChange, youngerChange] = await stream.until(2, 3000);
    await stream.close();
    expect(stream.received).toHaveLength(2);
    expect(olderChange!.item?.state).toBe(ITEM_STATE_ROUTED);
    expect(youngerChange!.item?.state).toBe(ITEM_STATE_IN_REVIEW);
  });

  it("streams a change held back by an unrelated open transaction soon after it ends, not at the next poll", async () => {
    const itemId = (await submit(home, ["ZRZY-YDYS"])).get("ZRZY-YDYS")!.id;
    const catchUp = watch(home.address, zrzyToken, "");
    await catchUp.until(await count("select count(*) as n from assignment_changes where region = $1 and department_code = 'zrzy'", home.region));
    await catchUp.close();
    const stream = watch(home.address, zrzyToken, catchUp.received.at(-1)!.cursor);

    // An older transaction with an xid but no feed change (like an outbox relay batch): its end notifies nobody.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const hasXid = new Promise<void>((resolve) => (started = resolve));
    const unrelated = sql.begin(async (tx) => {
      await tx`select pg_current_xact_id()`;
      started();
      await released;
    });
    await hasXid;
    await zrzy.acceptItem({ itemId, requestId: `held-${itemId}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.received).toEqual([]);
    release();
    await unrelated;
    const endedAt = Date.now();
    const [change] = await stream.until(1, watchPollMs / 2);
    expect(Date.now() - endedAt).toBeLessThan(2000);
    await stream.close();
    expect(change!.item?.state).toBe(ITEM_STATE_IN_REVIEW);
  });

  it("says on every item what it is for: case, project and plan version, on lists, streams and answers", async () => {
    const planId = randomUUID();
    const projectId = randomUUID();
    const { case: kase } = await home.routing.submitPlan({ planId, planVersion: 3, projectId, projectName: "旬阳富硒茶项目", items: [{ itemCode: "STHJ-HPS", departmentCode: "sthj" }, { itemCode: "SL-STBC", departmentCode: "sl" }],
      creditCode: testCreditCode,
      satisfiedPrerequisites: declareMissingPrerequisites(["STHJ-HPS", "SL-STBC"]),
    });
    const context = { caseId: kase!.id, projectId, projectName: "旬阳富硒茶项目", planVersion: 3 };
    const sl = await home.gateway("sl");
    const slItem = kase!.items.find((item) => item.itemCode === "SL-STBC")!;
    expect(slItem).toMatchObject(context);
    const watched = watch(home.address, await home.token({ subject: "sl-system", role: "department", department: "sl" }), { fromNow: true });
    const answer = await sl.acceptItem({ itemId: slItem.id, requestId: `ctx-${slItem.id}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    expect(answer.item).toMatchObject({ ...context, state: ITEM_STATE_IN_REVIEW });
    const [streamed] = await watched.until(1);
    await watched.close();
    expect(streamed!.item).toMatchObject({ ...context, id: slItem.id, state: ITEM_STATE_IN_REVIEW });
    const listed = (await sl.listAssignments({ pageSize: 500, pageToken: "" })).items.find((item) => item.id === slItem.id);
    expect(listed).toMatchObject(context);
  });

  it("starts a watch at the current end with from_now, and refuses from_now together with a cursor", async () => {
    const fgw = await home.gateway("fgw");
    const fgwToken = await home.token({ subject: "fgw-system", role: "department", department: "fgw" });
    await submit(home, ["FGW-BA"]); // history the watch must not replay
    const stream = watch(home.address, fgwToken, { fromNow: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.received).toEqual([]);
    const item = (await submit(home, ["FGW-BA"])).get("FGW-BA")!;
    await fgw.acceptItem({ itemId: item.id, requestId: `now-${item.id}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    const received = await stream.until(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stream.close();
    expect(stream.received).toHaveLength(2);
    expect(received.map((message) => [message.item?.id, message.item?.state])).toEqual([
      [item.id, ITEM_STATE_ROUTED],
      [item.id, ITEM_STATE_IN_REVIEW],
    ]);

    const both = watch(home.address, fgwToken, { fromNow: true, cursor: received[0]!.cursor });
    const ended = await both.ended;
    expect(ended.code).toBe(status.INVALID_ARGUMENT);
    expect(fieldViolationsOf(ended).map((violation) => violation.field)).toEqual(["from_now"]);
  });

  it("lists items as they stood at the listing's cursor on every page, and the watch from it brings exactly what came after", async () => {
    // sl is this test's own department: nothing else in the file routes SL-STBC.
    const sl = await home.gateway("sl");
    const slToken = await home.token({ subject: "sl-system", role: "department", department: "sl" });
    const earlier = (await sl.listAssignments({ pageSize: 500, pageToken: "" })).items.map((item) => item.id);
    const first = (await submit(home, ["SL-STBC"])).get("SL-STBC")!;
    const second = (await submit(home, ["SL-STBC"])).get("SL-STBC")!;

    // A transaction that took its id before the changes below and is still open holds the feed's
    // end below them: a listing now shows the items as they were before those changes.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const older = sql.begin(async (tx) => {
      await tx`select pg_current_xact_id()`;
      holding();
      await released;
    });
    await held;
    await sl.acceptItem({ itemId: first.id, requestId: `asof-${first.id}`, mode: normal, missingMaterials: [], commitmentRef: "" });
    const third = (await submit(home, ["SL-STBC"])).get("SL-STBC")!;

    const pages: routingV1.ListAssignmentsResponse[] = [];
    let pageToken = "";
    for (let page = 0; page < 50; page++) {
      const answer = await sl.listAssignments({ pageSize: 1, pageToken });
      pages.push(answer);
      pageToken = answer.nextPageToken;
      if (!pageToken) break;
    }
    expect(pageToken).toBe("");
    const cursor = pages[0]!.cursor;
    expect(pages.every((page) => page.cursor === cursor)).toBe(true);
    const listed = pages.flatMap((page) => page.items).filter((item) => !earlier.includes(item.id));
    // As at the cursor: the accepted item still routed, the item routed after it absent.
    expect(listed.map((item) => [item.id, item.state])).toEqual([
      [first.id, ITEM_STATE_ROUTED],
      [second.id, ITEM_STATE_ROUTED],
    ]);

    release();
    await older;
    const stream = watch(home.address, slToken, cursor);
    const after = await stream.until(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stream.close();
    expect(stream.received).toHaveLength(2);
    expect(after.map((message) => [message.item?.id, message.item?.state])).toEqual([
      [first.id, ITEM_STATE_IN_REVIEW],
      [third.id, ITEM_STATE_ROUTED],
    ]);
    // A new listing shows them as they are now.
    const now = (await sl.listAssignments({ pageSize: 500, pageToken: "" })).items.filter((item) => !earlier.includes(item.id));
    expect(now.map((item) => [item.id, item.state])).toEqual([
      [first.id, ITEM_STATE_IN_REVIEW],
      [second.id, ITEM_STATE_ROUTED],
      [third.id, ITEM_STATE_ROUTED],
    ]);
  });

  it("refuses a ListAssignments page token it did not issue, naming page_token", async () => {
    const answer = await zrzy.listAssignments({ pageSize: 1, pageToken: "" });
    expect(answer.nextPageToken).not.toBe("");
    const [page] = answer.nextPageToken.split(".");
    for (const pageToken of [page!, `${page}.garbage!`, `${answer.nextPageToken}.extra`, `.${answer.cursor}`]) {
      const error = await failure(zrzy.listAssignments({ pageSize: 1, pageToken }));
      expect(error.code, pageToken).toBe(status.INVALID_ARGUMENT);
      expect(fieldViolationsOf(error).map((violation) => violation.field), pageToken).toEqual(["page_token"]);
    }
  });
});
