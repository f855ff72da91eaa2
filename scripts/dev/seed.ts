/**
 * Seeds the running local platform with demo data through its public APIs, so every event flows
 * as in production:
 *   - three key projects registered with intake (their enterprises' records with them) and a third
 *     enterprise registered on its own, with a contact;
 *   - a steward team (1 + 1 + N): three stewards (their phone, e-mail and channels set in
 *     notification), the first project's agreement signed, its steward chosen by the workload
 *     suggestion, a liaison per department of its plan;
 *   - its plan drafted from the 一件事一次办 bundle BUNDLE-GYKG with target dates, reviewed by each
 *     liaison, approved by the steward, accepted by routing (the agreement active);
 *   - a 补正 the natural-resources department asked for, waiting on the enterprise;
 *   - the second project's agreement and a two-item plan, both items approved by their departments
 *     (the case completes: the console's monthly figures have completed items to count);
 *   - a 办不成事 complaint about the project, referred for accountability (作风问责) with the case's
 *     ledger as evidence, and a 12345 ticket sent by the stand-in hotline;
 *   - the red and yellow lists: the third project's two-item case, both items accepted by their
 *     departments, then their committed deadlines moved in routing's database (one ten days past,
 *     one due tomorrow) — the one way to let working days pass on a dev stack, as the console's browser
 *     test does; routing's own clock round then marks them overdue and warned, through its ledger;
 *   - earlier months (history.ts): a second county's six months before this one on its stream,
 *     and the city's bulletin for the last quarter published (frozen) from them.
 * Idempotent: what is already there is reported and left alone.
 *   tsx scripts/dev/seed.ts <intake http url> <agreement grpc address> <routing grpc address> <region> <assessment grpc address> <city assessment grpc address> <history county> <notification grpc address>
 *   (STEWARD_AUTH_SECRET signs the tokens; STEWARD_HOTLINE_SECRET signs the 12345 message;
 *   STEWARD_DEV_ROUTING_DATABASE_URL is the county routing's database; STEWARD_NATS_URL the bus)
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { signDevToken, type Principal } from "@steward/platform/auth";
import { createClient, grpcCodeName } from "@steward/platform/grpc";
import { agreementV1, assessmentV1, notificationV1, routingV1 } from "@steward/proto";
import { startHotlineStandIn } from "@steward/testing";
import { monthOf, previousQuarter, quarterOfMonth } from "../../services/assessment/src/domain/periods.js";
import { monthsBefore, publishEarlierMonths } from "./history.js";

const [
  intakeUrl = "http://127.0.0.1:8100",
  agreementAddress = "127.0.0.1:9101",
  routingAddress = "127.0.0.1:9102",
  region = "hanbin",
  assessmentAddress = "127.0.0.1:9104",
  cityAssessmentAddress = "127.0.0.1:9114",
  historyCounty = "hanyin",
  notificationAddress = "127.0.0.1:9103",
] = process.argv.slice(2);
const routingDatabaseUrl = process.env.STEWARD_DEV_ROUTING_DATABASE_URL;
const natsUrl = process.env.STEWARD_NATS_URL ?? "nats://127.0.0.1:4222";
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
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, seconds = 60): Promise<T> {
  for (let attempt = 0; attempt < seconds * 2; attempt++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`seeding: ${what} did not happen within ${seconds} s`);
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
// The stewards' own addresses and channels (each sets them as themselves), so the demo's notices
// to them reach the dev SMS gateway and mailpit as well as their inbox.
for (const [index, stewardId] of ["steward-1", "steward-2", "steward-3"].entries()) {
  const bearer = await token({ subject: stewardId, role: "steward" });
  const notification = createClient(notificationV1.NotificationServiceService, { address: notificationAddress, token: async () => bearer, defaultDeadlineMs: 10_000 });
  await notification.setPreferences({
    recipient: { kind: notificationV1.RecipientKind.RECIPIENT_KIND_STEWARD, id: stewardId },
    phone: `1380000010${index + 1}`,
    email: `${stewardId}@${region}.steward.example`,
    channels: [notificationV1.Channel.CHANNEL_SMS, notificationV1.Channel.CHANNEL_EMAIL, notificationV1.Channel.CHANNEL_INBOX],
  }).finally(() => notification.close());
}
say("stewards' notice addresses set (SMS, e-mail, inbox)");
type PlanChoice = {
  selectionCode: string;
  items: { itemCode: string; departmentCode: string }[];
  targetDates: Record<string, string>;
  // Approvals the plan needs that came before it (routing refuses a plan missing a prerequisite).
  satisfiedPrerequisites?: { itemCode: string; documentRef: string; approvedOn: string }[];
};
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
    const { plan } = await steward.draftPlan({
      agreementId: agreement.id,
      selectionCode: choice.selectionCode,
      items,
      targetDates: choice.targetDates,
      excludedItemCodes: [],
      satisfiedPrerequisites: choice.satisfiedPrerequisites ?? [],
    });
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
const accepted = await planAccepted(projectId, {
  selectionCode: "BUNDLE-GYKG",
  items: [],
  targetDates: { "ZRZY-YDGH": "2099-06-30", "ZJ-SGXK": "2099-12-31" },
  // 工业项目开工 starts from the land-use planning permit: the 用地预审 it needs came before the plan.
  satisfiedPrerequisites: [{ itemCode: "ZRZY-YDYS", documentRef: "安自然资预审〔2026〕1号", approvedOn: "2026-01-15" }],
});
// The second project: two items decided in parallel, so the month has completed items.
const second = await planAccepted(projectIds[1]!, { selectionCode: "", items: [{ itemCode: "ZRZY-YDYS", departmentCode: "zrzy" }, { itemCode: "STHJ-HPB", departmentCode: "sthj" }], targetDates: {} });
// The third: two items in parallel that run late (the red and yellow lists, below).
const third = await planAccepted(projectIds[2]!, { selectionCode: "", items: [{ itemCode: "ZRZY-YDYS", departmentCode: "zrzy" }, { itemCode: "STHJ-HPB", departmentCode: "sthj" }], targetDates: {} });
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

// The red and yellow lists. The third case's two items, accepted by their departments;
// then working days pass for them the one way they can on a dev stack: their committed deadlines
// move in routing's database (one ten days gone, one due tomorrow with today its warning day),
// and routing's own clock round (every 30 s) marks them overdue and warned, through its ledger.
const lateItems: string[] = [];
for (const department of [...new Set(third.items.map((planned) => planned.departmentCode))]) {
  const gateway = await gatewayAs(department);
  const { items } = await eventually(`${department}'s assignment of the third case`, async () => {
    const listed = await gateway.listAssignments({ pageSize: 50, pageToken: "" });
    return listed.items.some((candidate) => candidate.caseId === third.caseId) ? listed : undefined;
  });
  for (const routed of items.filter((candidate) => candidate.caseId === third.caseId)) {
    if (routed.state === routingV1.ItemState.ITEM_STATE_ROUTED) await gateway.acceptItem({ itemId: routed.id, requestId: `seed-accept-${routed.id}`, mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    if ([routingV1.ItemState.ITEM_STATE_ROUTED, routingV1.ItemState.ITEM_STATE_ACCEPTED, routingV1.ItemState.ITEM_STATE_IN_REVIEW].includes(routed.state)) lateItems.push(routed.id);
  }
  gateway.close();
}
if (routingDatabaseUrl && lateItems.length > 0) {
  const [overdue, warned] = lateItems;
  const psql = (statement: string, id: string) => execFileSync("psql", [routingDatabaseUrl, "-qAt", "-v", "ON_ERROR_STOP=1", "-v", `id=${id}`], { input: statement });
  // Only items nobody has moved yet (idempotent): an item routing already marked keeps its dates.
  psql("update case_items set committed_due_on = current_date - 10, warn_on = current_date - 11 where id = :'id' and committed_due_on >= current_date;", overdue!);
  if (warned) psql("update case_items set committed_due_on = current_date + 1, warn_on = current_date where id = :'id' and warn_on > current_date;", warned);
  say(`moved the deadlines of ${lateItems.length} item(s) of the third case (red: ten days late${warned ? "; yellow: due tomorrow" : ""}); routing's clock marks them within 30 s`);
} else say("red and yellow lists: no item to move (no routing database given, or no accepted item)");

// Earlier months: a second county's history on its stream, and the city's last quarter published.
const historyMonths = monthsBefore(monthOf(new Date()), 6);
const published = await publishEarlierMonths(natsUrl, historyCounty, historyMonths);
say(published > 0 ? `published ${published} events of ${historyCounty}'s six months before this one` : `${historyCounty}'s earlier months: already on its stream`);
const lastQuarter = previousQuarter(quarterOfMonth(monthOf(new Date())));
const cityAdminToken = await signDevToken({ secret }, { region: "city", subject: "seed-city-admin", role: "admin" });
const cityAssessment = createClient(assessmentV1.AssessmentServiceService, { address: cityAssessmentAddress, token: async () => cityAdminToken, defaultDeadlineMs: 10_000 });
// A published quarter is frozen, so publish only once the city has projected all of it: the
// months go to the stream oldest first and the city reads it in order, so once the newest month's
// completed items show, every earlier month is in. Six months of a county's events go through
// the city's projection first: give it three minutes.
await eventually(
  `the city's projection of ${historyCounty}'s ${historyMonths.at(-1)}`,
  async () => {
    const { figures } = await cityAssessment.getMonthlyFigures({ month: historyMonths.at(-1)!, scope: "region", region: historyCounty });
    return figures.some((unit) => unit.itemsCompleted > 0) ? true : undefined;
  },
  180,
);
const { bulletin: lastQuarterView } = await cityAssessment.getQuarterlyBulletin({ quarter: lastQuarter });
if (lastQuarterView?.frozen) say(`the city's ${lastQuarter} bulletin: already published`);
else {
  const { bulletin } = await cityAssessment.publishQuarterlyBulletin({ quarter: lastQuarter });
  say(`published the city's ${lastQuarter} bulletin (frozen, rules ${bulletin?.ruleVersion})`);
}
cityAssessment.close();
