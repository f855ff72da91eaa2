/**
 * Seeds the running local platform with demo data through its public APIs, so every event flows
 * as in production:
 *   - two key projects registered with intake (their enterprises' records with them) and a third
 *     enterprise registered on its own, with a contact;
 *   - a steward team (1 + 1 + N): three stewards, the first project's agreement signed, its steward
 *     chosen by the workload suggestion, a liaison per department of its plan;
 *   - its plan drafted from the 一件事一次办 bundle BUNDLE-GYKG with target dates, reviewed by each
 *     liaison, approved by the steward, accepted by routing (the agreement active);
 *   - a 补正 the natural-resources department asked for, waiting on the enterprise;
 *   - the second project's agreement and a two-item plan, both items approved by their departments
 *     (the case completes: the console's monthly figures have completed items to count);
 *   - a 办不成事 complaint about the project, referred for accountability (作风问责) with the case's
 *     ledger as evidence, and a 12345 ticket sent by the stand-in hotline.
 * Idempotent: what is already there is reported and left alone.
 *   tsx scripts/dev/seed.ts <intake http url> <agreement grpc address> <routing grpc address> <region> <assessment grpc address>
 *   (STEWARD_AUTH_SECRET signs the tokens; STEWARD_HOTLINE_SECRET signs the 12345 message)
 */
import { readFileSync } from "node:fs";
import { signDevToken, type Principal } from "@steward/platform/auth";
import { createClient, grpcCodeName } from "@steward/platform/grpc";
import { agreementV1, assessmentV1, routingV1 } from "@steward/proto";
import { startHotlineStandIn } from "@steward/testing";

const [intakeUrl = "http://127.0.0.1:8100", agreementAddress = "127.0.0.1:9101", routingAddress = "127.0.0.1:9102", region = "hanbin", assessmentAddress = "127.0.0.1:9104"] = process.argv.slice(2);
const secret = process.env.STEWARD_AUTH_SECRET ?? "steward-local-development-secret-0123456789";
const hotlineSecret = process.env.STEWARD_HOTLINE_SECRET;
const projects = JSON.parse(readFileSync(new URL("./demo-projects.json", import.meta.url), "utf8")) as Record<string, string>[];
const say = (line: string) => process.stdout.write(`  ${line}\n`);

const token = (principal: Omit<Principal, "region">) => signDevToken({ secret }, { region, ...principal });
const agreementAs = async (principal: Omit<Principal, "region">) => {
  const bearer = await token(principal);
  return createClient(agreementV1.AgreementServiceService, { address: agreementAddress, token: async () => bearer, defaultDeadlineMs: 10_000 });
};
const gatewayAs = async (department: string) => {
  const bearer = await token({ subject: `${department}-system`, role: "department", department });
  return createClient(routingV1.DepartmentGatewayServiceService, { address: routingAddress, token: async () => bearer, defaultDeadlineMs: 10_000 });
};

async function http(method: string, path: string, principal: Omit<Principal, "region">, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${intakeUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${await token(principal)}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Asks `probe` until it answers (bounded: the services seed in well under a minute). */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`seeding: ${what} did not happen within a minute`);
}

const stewardSubject = { subject: "seed", role: "steward" as const };

// Projects (and their enterprises).
const projectIds: string[] = [];
for (const project of projects) {
  const registered = await http("POST", "/v1/projects", stewardSubject, project);
  if (registered.status === 201) {
    projectIds.push(String(registered.body.id));
    say(`registered ${project.name} (${registered.body.id})`);
  } else if (registered.status === 409) {
    const found = await http("GET", `/v1/projects?investmentCode=${encodeURIComponent(project.investmentCode!)}`, stewardSubject);
    projectIds.push(String((found.body.items as { id: string }[])[0]!.id));
    say(`already registered: ${project.name}`);
  } else throw new Error(`seeding ${project.name} failed: ${registered.status} ${JSON.stringify(registered.body)}`);
}
const enterprise = await http("POST", "/v1/enterprises", stewardSubject, {
  creditCode: "91610900MA70000036",
  name: "安康绿色能源有限公司",
  legalRepresentative: "陈董事长",
  address: "安康市汉滨区兴安路 1 号",
  contacts: [{ name: "陈经理", title: "项目经理", phone: "13800000003" }],
});
say(enterprise.status === 201 ? "registered enterprise 安康绿色能源有限公司" : `enterprise 安康绿色能源有限公司: ${enterprise.status === 409 ? "already registered" : JSON.stringify(enterprise.body)}`);

// Each project's agreement, its 1 + 1 + N team and its plan, accepted by routing (a case).
const admin = await agreementAs({ subject: "county-admin", role: "admin" });
for (const [id, name] of [["steward-1", "张管家"], ["steward-2", "李管家"], ["steward-3", "王管家"]]) await admin.registerSteward({ stewardId: id!, name: name! });
type PlanChoice = { selectionCode: string; items: { itemCode: string; departmentCode: string }[]; targetDates: Record<string, string> };
async function planAccepted(projectId: string, choice: PlanChoice) {
  const agreement = await eventually("a project's draft agreement", async () => (await admin.listAgreements({ projectId, pageSize: 1, pageToken: "", stewardId: "", status: 0 })).agreements[0]);
  if (agreement.status === agreementV1.AgreementStatus.AGREEMENT_STATUS_DRAFT) {
    await admin.signAgreement({ agreementId: agreement.id, signedOn: "", serviceCentre: "汉滨区政务服务中心", enterpriseSignatory: "王经理", commitments: { zeroFee: true, responseHours: 24, scope: "从立项到准营的全部审批事项帮办代办" } });
    say(`signed the agreement of ${agreement.projectName}`);
  }
  let stewardId = agreement.stewardId;
  if (!stewardId) {
    stewardId = (await admin.suggestSteward({ agreementId: agreement.id })).stewards[0]!.id;
    await admin.assignSteward({ agreementId: agreement.id, stewardId, note: "" });
    say(`assigned ${stewardId} (fewest projects in service)`);
  }
  const steward = await agreementAs({ subject: stewardId, role: "steward" });
  const existing = await steward.getPlan({ agreementId: agreement.id, version: 0 }).catch(() => undefined);
  if (!existing) {
    const items = choice.items.map((item) => ({ ...item, itemName: "", stage: "", targetDate: "" }));
    const { plan } = await steward.draftPlan({ agreementId: agreement.id, selectionCode: choice.selectionCode, items, targetDates: choice.targetDates, excludedItemCodes: [] });
    for (const department of [...new Set(plan!.items.map((item) => item.departmentCode))]) {
      await admin.assignLiaison({ agreementId: agreement.id, departmentCode: department, liaisonId: `${department}-liaison`, liaisonName: `${department} 联络员` });
      const liaison = await agreementAs({ subject: `${department}-liaison`, role: "liaison", department });
      await liaison.reviewPlan({ agreementId: agreement.id, version: plan!.version, approve: true, reason: "" });
      liaison.close();
    }
    await steward.approvePlan({ agreementId: agreement.id, version: plan!.version, items: [] });
    say(`plan of ${agreement.projectName} (${plan!.items.length} items), reviewed by each liaison, approved by ${stewardId}`);
  }
  const accepted = await eventually("routing's acceptance of the plan", async () => {
    const { plan } = await steward.getPlan({ agreementId: agreement.id, version: 0 });
    return plan?.status === agreementV1.PlanStatus.PLAN_STATUS_ACCEPTED ? plan : undefined;
  });
  say(`plan accepted by routing: case ${accepted.caseId}`);
  steward.close();
  return accepted;
}
const projectId = projectIds[0]!;
const accepted = await planAccepted(projectId, { selectionCode: "BUNDLE-GYKG", items: [], targetDates: { "ZRZY-YDGH": "2099-06-30", "ZJ-SGXK": "2099-12-31" } });
// The second project: two items decided in parallel, so the month has completed items.
const second = await planAccepted(projectIds[1]!, { selectionCode: "", items: [{ itemCode: "ZRZY-YDYS", departmentCode: "zrzy" }, { itemCode: "STHJ-HPB", departmentCode: "sthj" }], targetDates: {} });
admin.close();

// A 补正 waiting on the enterprise: the natural-resources department accepts its item and returns it.
const zrzy = await gatewayAs("zrzy");
const item = await eventually("the routed ZRZY-YDGH item", async () => (await zrzy.listAssignments({ pageSize: 50, pageToken: "" })).items.find((candidate) => candidate.caseId === accepted.caseId && candidate.itemCode === "ZRZY-YDGH"));
if (item.state === routingV1.ItemState.ITEM_STATE_ROUTED) await zrzy.acceptItem({ itemId: item.id, requestId: `seed-accept-${item.id}`, mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
if (item.state === routingV1.ItemState.ITEM_STATE_ROUTED || item.state === routingV1.ItemState.ITEM_STATE_ACCEPTED || item.state === routingV1.ItemState.ITEM_STATE_IN_REVIEW) {
  await zrzy.decideItem({ itemId: item.id, requestId: `seed-return-${item.id}`, decision: routingV1.Decision.DECISION_RETURN, reason: "建设项目用地红线图缺失，请补正", documentRefs: [] });
  say("ZRZY-YDGH returned for correction (补正): waiting on the enterprise");
}
zrzy.close();

// Monthly figures to show: the second case's items are accepted and approved by their
// departments (it completes: completed items, on-time rate, legal vs committed vs actual days).
let approved = 0;
for (const department of [...new Set(second.items.map((planned) => planned.departmentCode))]) {
  const gateway = await gatewayAs(department);
  const { items } = await gateway.listAssignments({ pageSize: 50, pageToken: "" });
  for (const routed of items.filter((candidate) => candidate.caseId === second.caseId)) {
    if (routed.state === routingV1.ItemState.ITEM_STATE_ROUTED) await gateway.acceptItem({ itemId: routed.id, requestId: `seed-accept-${routed.id}`, mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    if (routed.state === routingV1.ItemState.ITEM_STATE_ROUTED || routed.state === routingV1.ItemState.ITEM_STATE_ACCEPTED || routed.state === routingV1.ItemState.ITEM_STATE_IN_REVIEW) {
      await gateway.decideItem({ itemId: routed.id, requestId: `seed-approve-${routed.id}`, decision: routingV1.Decision.DECISION_APPROVE, reason: "材料齐全，准予许可", documentRefs: [] });
      approved += 1;
    }
  }
  gateway.close();
}
say(`approved ${approved} item(s) of the second project's case (completed items for this month's figures)`);

// A 办不成事 complaint and a 12345 ticket about the project.
const complaints = await http("GET", `/v1/complaints?projectId=${projectId}`, stewardSubject);
if ((complaints.body.items as unknown[]).length === 0) {
  const filed = await http("POST", "/v1/complaints", stewardSubject, { channel: "window", projectId, departments: ["zrzy"], title: "用地规划许可补正反复", content: "补正材料未一次性告知，企业往返三次", complainantName: "王经理", complainantPhone: "13800000001" });
  if (filed.status !== 201) throw new Error(`filing the complaint failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  say("filed a 办不成事 complaint (zrzy replies within 3 working days)");
}

// The complaint referred for accountability (作风问责) by the county's operations team, with the
// case's ledger and its verification as evidence, once assessment has projected the complaint.
const complaintId = await eventually("the complaint", async () => ((await http("GET", `/v1/complaints?projectId=${projectId}`, stewardSubject)).body.items as { id: string }[])[0]?.id);
const operatorToken = await token({ subject: "seed-operator", role: "operator" });
const assessment = createClient(assessmentV1.AssessmentServiceService, { address: assessmentAddress, token: async () => operatorToken, defaultDeadlineMs: 10_000 });
const referral = await eventually("assessment's projection of the complaint", async () =>
  assessment
    .raiseReferral({ source: "complaint", caseRegion: "", caseId: "", itemId: "", complaintId, reviewId: "", reason: "办不成事反映：补正材料未一次性告知，企业往返三次", requestId: `seed-referral-${complaintId}` })
    .then((answer) => answer.referral)
    .catch((error: { code?: number }) => {
      // Not projected yet: the complaint (or its project's case) has not reached assessment.
      if (["NOT_FOUND", "FAILED_PRECONDITION"].includes(grpcCodeName(error.code ?? -1))) return undefined;
      throw error;
    }),
);
assessment.close();
say(`referred the complaint for accountability (referral ${referral?.id ?? "?"})`);
if (hotlineSecret) {
  // Sent as the hotline sends: signed with the link's secret.
  const hotline = await startHotlineStandIn({ secret: hotlineSecret });
  try {
    const sent = await hotline.send(intakeUrl, { type: "ticket.created", ticket: { ticketNo: "HL-DEMO-0001", tier: "general", receivedAt: new Date().toISOString(), title: "企业反映审批进度", content: "企业来电反映用地规划许可办理进度", projectId, callerName: "王经理", callerPhone: "13800000001" } });
    const answer = (await sent.json()) as Record<string, unknown>;
    const problems = (answer["invalid-params"] as { reason: string }[] | undefined)?.map((param) => param.reason).join("; ");
    say(sent.status === 200 ? `12345 ticket HL-DEMO-0001 linked to the project (${answer.ticketId})` : `12345 ticket HL-DEMO-0001: ${problems ?? JSON.stringify(answer)}`);
  } finally {
    await hotline.close();
  }
}
