import { status, type ServiceError } from "@grpc/grpc-js";
import { eventually } from "@steward/testing";
import { agreementV1, routingV1 } from "@steward/proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAndApprovePlan } from "./agreement-flow.js";
import { startPlatform, type RunningPlatform } from "./platform.js";

const creditCode = "91610900MA70000010";
const project = {
  name: "安康富硒食品深加工产业园项目",
  enterpriseName: "安康富硒生物科技有限公司",
  creditCode,
  investmentCode: "2026-610902-14-03-000101",
  investmentWanYuan: "58000.5",
  industryChain: "富硒食品",
  contactName: "王经理",
  contactPhone: "13800000001",
};

/** The story of the issue: an enterprise registers, the 1+1+N team runs its plan, problems reach the platform and are answered in time. */
describe("a key project from registration to routed plan, with its complaint and 12345 ticket", () => {
  let platform: RunningPlatform;
  let intake: string;
  const http = async (method: string, path: string, principal: Record<string, string>, body?: unknown) => {
    const token = await platform.token({ subject: "x", role: "enterprise", ...principal } as never);
    return fetch(`${intake}${path}`, { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  };
  const enterprise = { subject: "ent-1", role: "enterprise", creditCode };
  let projectId = "";
  let agreementId = "";

  beforeAll(async () => {
    platform = await startPlatform();
    intake = `http://127.0.0.1:${platform.services.intake.httpPort}`;
  });
  afterAll(async () => platform?.stop());

  it("registers the enterprise's project; the agreement is drafted from the event", async () => {
    const response = await http("POST", "/v1/projects", enterprise, project);
    expect(response.status).toBe(201);
    projectId = ((await response.json()) as { id: string }).id;
    const admin = platform.clients(await platform.token({ subject: "county-admin", role: "admin" }));
    try {
      const agreement = await eventually(async () => (await admin.agreement.listAgreements({ projectId, pageSize: 10, pageToken: "", stewardId: "", status: 0 })).agreements[0], "the draft agreement");
      agreementId = agreement.id;
      expect(agreement).toMatchObject({ status: agreementV1.AgreementStatus.AGREEMENT_STATUS_DRAFT, creditCode, enterpriseName: project.enterpriseName });
    } finally {
      admin.close();
    }
  });

  it("the admin assigns a steward and liaisons, the steward drafts from a bundle, liaisons review, the plan is approved and routed", async () => {
    const plan = await signAndApprovePlan(platform, agreementId, { selectionCode: "BUNDLE-GYKG", targetDates: { "ZRZY-YDGH": "2099-06-30" } });
    expect(plan.sourceCode).toBe("BUNDLE-GYKG");
    expect(plan.items.map((item) => item.itemCode)).toEqual(["ZRZY-YDGH", "ZRZY-GCGH", "ZJ-XFSJ", "RF-BJSP", "ZJ-SGXK"]);
    const steward = platform.clients(await platform.token({ subject: "steward-1", role: "steward" }));
    const other = platform.clients(await platform.token({ subject: "steward-2", role: "steward" }));
    try {
      const accepted = await eventually(async () => {
        const { plan: current } = await steward.agreement.getPlan({ agreementId, version: 0 });
        return current?.status === agreementV1.PlanStatus.PLAN_STATUS_ACCEPTED ? current : undefined;
      }, "routing's acceptance on the plan");
      expect(accepted.caseId).toMatch(/^[0-9a-f-]{36}$/);
      expect((await steward.agreement.getAgreement({ id: agreementId })).agreement).toMatchObject({ status: agreementV1.AgreementStatus.AGREEMENT_STATUS_ACTIVE, stewardId: "steward-1", caseId: accepted.caseId });
      // Another steward may not draft or approve this project's plan.
      const refused = (await other.agreement.draftPlan({ agreementId, selectionCode: "BUNDLE-GYKG", items: [], targetDates: {}, excludedItemCodes: [] }).catch((e: ServiceError) => e)) as ServiceError;
      expect(refused.code).toBe(status.PERMISSION_DENIED);
      // Plan vs actual per item.
      const progress = await steward.agreement.getPlanProgress({ agreementId });
      expect(progress.items.find((item) => item.itemCode === "ZRZY-YDGH")).toMatchObject({ targetDate: "2099-06-30", state: "routed", verdict: "on_track" });
    } finally {
      steward.close();
      other.close();
    }
  });

  it("a department asks for 补正 and the enterprise sees it waiting on it", async () => {
    const zrzy = platform.clients(await platform.token({ subject: "zrzy-system", role: "department", department: "zrzy" }));
    try {
      const { items } = await zrzy.gateway.listAssignments({ pageSize: 10, pageToken: "" });
      const item = items.find((candidate) => candidate.itemCode === "ZRZY-YDGH")!;
      await zrzy.gateway.acceptItem({ itemId: item.id, requestId: "accept-1", mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
      await zrzy.gateway.decideItem({ itemId: item.id, requestId: "return-1", decision: routingV1.Decision.DECISION_RETURN, reason: "建设项目用地预审意见缺失", documentRefs: [] });
    } finally {
      zrzy.close();
    }
    const progress = await eventually(async () => {
      const response = await http("GET", `/v1/projects/${projectId}/progress`, enterprise);
      if (response.status !== 200) return undefined;
      const body = (await response.json()) as { stage: string; waitingOnEnterprise: { kind: string; itemCode: string }[] };
      return body.waitingOnEnterprise.length > 0 ? body : undefined;
    }, "the 补正 in the enterprise's view");
    expect(progress.waitingOnEnterprise).toEqual([expect.objectContaining({ kind: "correction", itemCode: "ZRZY-YDGH", departmentCode: "zrzy" })]);
    expect(progress.stage).toBe("land_planning");
    const other = await http("GET", `/v1/projects/${projectId}/progress`, { subject: "ent-2", role: "enterprise", creditCode: "91610902MA70000020" });
    expect(other.status).toBe(404);
  });

  it("a 办不成事 complaint and a 12345 ticket are linked to the project and answered within their clocks", async () => {
    const filed = await http("POST", "/v1/complaints", enterprise, { channel: "online", projectId, departments: ["zrzy"], title: "用地规划许可补正反复", content: "补正要求不一次性告知" });
    expect(filed.status).toBe(201);
    const complaint = (await filed.json()) as { id: string; clock: { dueAt: string } };
    const sent = await platform.hotline.send(intake, { type: "ticket.created", ticket: { ticketNo: "HL-2026-0001", tier: "general", receivedAt: new Date().toISOString(), title: "项目审批反映", content: "企业来电反映用地规划许可办理", projectId } });
    expect(sent.status).toBe(200);
    const { ticketId } = (await sent.json()) as { ticketId: string };
    const liaison = { subject: "zrzy-liaison", role: "liaison", department: "zrzy" };
    const answered = await http("POST", `/v1/complaints/${complaint.id}/answer`, liaison, { answer: "已一次性告知全部补正材料" });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ status: "answered", answeredOnTime: true });
    const ticket = (await (await http("GET", `/v1/hotline-tickets/${ticketId}`, { subject: "steward-1", role: "steward" })).json()) as { complaintId: string; coordinator: string; status: string; answeredOnTime: boolean };
    expect(ticket).toMatchObject({ complaintId: complaint.id, coordinator: "service_centre", status: "answered", answeredOnTime: true });
    // The hotline heard about it, signed: taken in hand, then answered.
    const pushes = await eventually(() => (platform.hotline.received.length >= 2 ? platform.hotline.received : undefined), "the pushes to the hotline");
    expect(pushes.map((push) => [push.body.ticketNo, push.body.status])).toEqual([
      ["HL-2026-0001", "in_progress"],
      ["HL-2026-0001", "answered"],
    ]);
    expect(platform.hotline.refused).toBe(0);
  });

  it("bad input names the field and writes nothing", async () => {
    const response = await http("POST", "/v1/complaints", enterprise, { channel: "online", projectId, departments: ["ZRZY!"], title: "t", content: "c" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { "invalid-params": { name: string }[] })["invalid-params"].map((p) => p.name)).toEqual(["departments.0"]);
    const list = (await (await http("GET", `/v1/complaints?projectId=${projectId}`, { subject: "steward-1", role: "steward" })).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(1);
  });
});
