/**
 * The walking skeleton and 纵向联动 against a Kubernetes cluster, for scripts/k8s/rehearse.sh:
 * the same story as e2e/walking-skeleton.test.ts, told to the services of a county release and
 * the city's release through their Services. Prints one TAP-like line per step ("ok - …" or
 * "not ok - …: why") and exits 1 when a step failed.
 *
 *   node --import tsx e2e/cluster/story.ts --targets targets.json --secret <auth key> --webhook 10.247.0.1:27780
 *
 * targets.json: {"county": "hanbin", "city": "city", "services": {"<region>": {"<service>": {"grpc": "ip:port", "http": "ip:port"}}}}
 * `--webhook` is where the land bureau's system listens (an address of this machine the county's
 * notification pods may reach): the story registers it as the bureau's webhook endpoint, as a
 * department does, and receives the signed notice of the item routed to it. The people are told
 * in their inboxes (a local cluster has no SMS gateway or mail server); webhooks and inboxes go at
 * once at any hour, so nothing here depends on the time of day the rehearsal runs.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { signDevToken, type Principal } from "@steward/platform/auth";
import { createClient } from "@steward/platform/grpc";
import { agreementV1, notificationV1, routingV1 } from "@steward/proto";
import { eventually, startWebhookReceiver } from "@steward/testing";
import { signAndApprovePlan } from "../agreement-flow.js";
import { platformClients } from "../platform.js";
import { demoPlanItems, demoProject, demoSatisfiedPrerequisites } from "../story-data.js";

const { values } = parseArgs({ options: { targets: { type: "string" }, secret: { type: "string" }, webhook: { type: "string" } } });
if (!values.targets || !values.secret || !values.webhook) throw new Error("--targets, --secret and --webhook are required");
interface Targets {
  county: string;
  city: string;
  services: Record<string, Record<string, { grpc: string; http: string }>>;
}
const targets = JSON.parse(readFileSync(values.targets, "utf8")) as Targets;
const secret = values.secret;
const { county, city } = targets;
const address = (region: string, service: string) => {
  const found = targets.services[region]?.[service];
  if (!found) throw new Error(`targets.json has no ${service} in ${region}`);
  return found;
};
const token = (region: string, principal: Omit<Principal, "region">) => signDevToken({ secret }, { region, ...principal }, 3600);
const options = (region: string, service: string, bearer: string) => ({ address: address(region, service).grpc, token: () => bearer, defaultDeadlineMs: 15_000 });
/** The cluster is slower than a laptop: every wait is bounded, but generously. */
const waitMs = 90_000;

let failures = 0;
async function step<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    const value = await run();
    process.stdout.write(`ok - ${name}\n`);
    return value;
  } catch (error) {
    failures++;
    process.stdout.write(`not ok - ${name}: ${(error as Error).message.split("\n")[0]}\n`);
    return undefined;
  }
}
function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

// The land bureau's approval system: verifies each POST's Standard Webhooks signature.
const [webhookHost, webhookPort] = values.webhook.split(":");
const landBureau = await startWebhookReceiver({ host: webhookHost, port: Number(webhookPort) });
const { RecipientKind, DeliveryStatus } = notificationV1;

/** The county's release as the e2e helpers see a platform: tokens of its region, clients of its Services. */
const countyPlatform = {
  token: (principal: Omit<Principal, "region"> & { region?: string }) => token(principal.region ?? county, principal),
  clients: (bearer: string) => platformClients((service) => address(county, service).grpc, bearer, 15_000),
};
const admin = countyPlatform.clients(await token(county, { subject: "rehearsal-admin", role: "admin" }));
const steward = countyPlatform.clients(await token(county, { subject: "rehearsal-steward", role: "steward" }));
const gatewayOf = async (region: string, department: string) =>
  createClient(routingV1.DepartmentGatewayServiceService, options(region, "approval-routing", await token(region, { subject: `${department}-system`, role: "department", department })));

const suffix = randomUUID().slice(0, 8);
const project = { ...demoProject, name: `${demoProject.name}（演练 ${suffix}）` };
const planItems = demoPlanItems;

const before = await step("assessment answers before the story", () => admin.assessment.getCompletionStats({}));

await step("the county's admin registers the land bureau's webhook endpoint (its signing secret answered once)", async () => {
  const { endpoint, secret: signingSecret } = await admin.notification.registerWebhookEndpoint({ recipient: { kind: RecipientKind.RECIPIENT_KIND_DEPARTMENT, id: "zrzy" }, url: landBureau.url });
  expect(endpoint?.url === landBureau.url && signingSecret.startsWith("whsec_"), `registered ${JSON.stringify(endpoint)}`);
  landBureau.useSecret(signingSecret);
});

const projectId = await step("intake registers a project over HTTP", async () => {
  const enterprise = await token(county, { subject: "rehearsal-enterprise", role: "enterprise", creditCode: project.creditCode });
  const response = await fetch(`http://${address(county, "intake").http}/v1/projects`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${enterprise}` },
    body: JSON.stringify(project),
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.text();
  expect(response.status === 201, `POST /v1/projects answered ${response.status}: ${body}`);
  return (JSON.parse(body) as { id: string }).id;
});

const agreementId = await step("agreement drafts the project's agreement from the event", async () => {
  const listed = async () => (await admin.agreement.listAgreements({ projectId: projectId!, pageSize: 10, pageToken: "", stewardId: "", status: 0 })).agreements[0];
  return (await eventually(listed, "the draft agreement", waitMs)).id;
});

const caseId = await step("the admin signs, the 1+1+N team drafts, reviews and approves a two-item plan, routing opens the case", async () => {
  const plan = await signAndApprovePlan(countyPlatform, agreementId!, { items: planItems, satisfiedPrerequisites: demoSatisfiedPrerequisites }, "rehearsal-steward");
  expect(plan.status === agreementV1.PlanStatus.PLAN_STATUS_SUBMITTED, `the plan is ${agreementV1.planStatusToJSON(plan.status)}`);
  const zrzy = await gatewayOf(county, "zrzy");
  // The region is fresh: its one routed land-use item is this project's.
  const routed = (item: routingV1.CaseItem) => item.itemCode === "ZRZY-YDYS" && item.state === routingV1.ItemState.ITEM_STATE_ROUTED;
  const assignment = await eventually(async () => (await zrzy.listAssignments({ pageSize: 50, pageToken: "" })).items.find(routed), "the routed item", waitMs);
  zrzy.close();
  const { case: opened } = await steward.routing.getCase({ id: assignment.caseId });
  expect(opened?.projectId === projectId, `the routed item belongs to project ${opened?.projectId}, not ${projectId}`);
  return assignment.caseId;
});

await step("both departments accept and approve; the case completes", async () => {
  for (const { departmentCode } of planItems) {
    const gateway = await gatewayOf(county, departmentCode);
    const item = (await gateway.listAssignments({ pageSize: 50, pageToken: "" })).items.find((candidate) => candidate.caseId === caseId);
    expect(item !== undefined, `${departmentCode} does not see its item`);
    await gateway.acceptItem({ itemId: item!.id, requestId: `${departmentCode}-accept-${suffix}`, mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    const decided = await gateway.decideItem({ itemId: item!.id, requestId: `${departmentCode}-decide-${suffix}`, decision: routingV1.Decision.DECISION_APPROVE, reason: "材料齐全", documentRefs: [] });
    expect(decided.item?.state === routingV1.ItemState.ITEM_STATE_APPROVED, `${departmentCode}'s item is not approved`);
    gateway.close();
  }
  await eventually(async () => ((await steward.routing.getCase({ id: caseId! })).case?.status === routingV1.CaseStatus.CASE_STATUS_COMPLETED ? true : undefined), "case completion", waitMs);
});

await step("notification tells the land bureau's system of its routed item by signed webhook, and records it delivered", async () => {
  const isRouted = (body: Record<string, unknown>) => body.template === "item-routed.department" && (body.data as { caseId?: string } | undefined)?.caseId === caseId;
  const webhook = await eventually(() => landBureau.received.find((received) => isRouted(received.body)), "the signed webhook", waitMs);
  expect(webhook.body.recipient === "department:zrzy" && webhook.idempotencyKey === webhook.id, `unexpected webhook ${JSON.stringify(webhook)}`);
  expect(String(webhook.body.body).includes(project.name), "the notice does not name the project");
  expect(landBureau.refused === 0, `${landBureau.refused} POSTs carried no valid signature`);
  const recipient = { kind: RecipientKind.RECIPIENT_KIND_DEPARTMENT, id: "zrzy" };
  await eventually(async () => {
    const page = await admin.notification.listDeliveries({ subjectId: "", pageSize: 50, pageToken: "", recipient, status: DeliveryStatus.DELIVERY_STATUS_DELIVERED });
    return page.deliveries.some((delivery) => delivery.id === webhook.id && delivery.channel === "webhook") ? true : undefined;
  }, "the webhook recorded as delivered", waitMs);
});

await step("the case's completion reaches the steward's and the enterprise's inboxes, naming the project", async () => {
  await eventually(
    async () => (await steward.inbox.listInbox({ unreadOnly: false, pageSize: 50, pageToken: "" })).messages.find((message) => message.template === "case-completed.steward" && message.body.includes(project.name)),
    "the steward's inbox message",
    waitMs,
  );
  const enterprise = countyPlatform.clients(await token(county, { subject: "rehearsal-enterprise", role: "enterprise", creditCode: project.creditCode }));
  try {
    await eventually(
      async () => (await enterprise.inbox.listInbox({ unreadOnly: false, pageSize: 50, pageToken: "" })).messages.find((message) => message.template === "case-completed.enterprise" && message.body.includes(project.name)),
      "the enterprise's inbox message",
      waitMs,
    );
  } finally {
    enterprise.close();
  }
  const { deliveries } = await steward.notification.listDeliveries({ subjectId: caseId!, pageSize: 50, pageToken: "", recipient: undefined, status: DeliveryStatus.DELIVERY_STATUS_UNSPECIFIED });
  const inStewardInbox = deliveries.find((delivery) => delivery.template === "case-completed.steward" && delivery.channel === "inbox");
  expect(inStewardInbox?.status === DeliveryStatus.DELIVERY_STATUS_DELIVERED, `the steward's inbox delivery is ${inStewardInbox ? notificationV1.deliveryStatusToJSON(inStewardInbox.status) : "missing"}`);
});

await step("assessment counts the completed case", async () => {
  await eventually(async () => {
    const stats = await admin.assessment.getCompletionStats({});
    return stats.completedCases === (before?.completedCases ?? 0) + 1 ? stats : undefined;
  }, "the assessment count to grow by one", waitMs);
});

await step("纵向联动: the county forwards an item of city jurisdiction to the city's routing, a city department decides it, the county case completes", async () => {
  const { case: opened } = await steward.routing.submitPlan({
    planId: randomUUID(),
    planVersion: 1,
    projectId: randomUUID(),
    projectName: `安康新材料生产线（演练 ${suffix}）`,
    creditCode: demoProject.creditCode,
    items: [{ itemCode: "FGW-JN", departmentCode: "fgw" }],
    satisfiedPrerequisites: [],
  });
  const forwarded = opened!.items[0]!;
  expect(forwarded.handledInRegion === city, `the item is handled in ${forwarded.handledInRegion}, not ${city}`);
  const cityFgw = await gatewayOf(city, "fgw");
  const cityItem = await eventually(
    async () => (await cityFgw.listAssignments({ pageSize: 50, pageToken: "" })).items.find((item) => item.itemCode === "FGW-JN" && item.state === routingV1.ItemState.ITEM_STATE_ROUTED),
    "the item in the city's queue",
    waitMs,
  );
  await cityFgw.acceptItem({ itemId: cityItem.id, requestId: `fgw-accept-${suffix}`, mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
  await cityFgw.decideItem({ itemId: cityItem.id, requestId: `fgw-approve-${suffix}`, decision: routingV1.Decision.DECISION_APPROVE, reason: "节能审查通过", documentRefs: [] });
  cityFgw.close();
  await eventually(async () => ((await steward.routing.getCase({ id: opened!.id })).case?.status === routingV1.CaseStatus.CASE_STATUS_COMPLETED ? true : undefined), "the county case to complete with the city's decision", waitMs);
});

await step("intake serves its API docs' assets from the image (no CDN)", async () => {
  const response = await fetch(`http://${address(county, "intake").http}/docs/assets/swagger-ui-bundle.js`, { signal: AbortSignal.timeout(15_000) });
  expect(response.status === 200 && (await response.text()).length > 100_000, `GET /docs/assets/swagger-ui-bundle.js answered ${response.status}`);
});

admin.close();
steward.close();
await landBureau.close();
process.exit(failures > 0 ? 1 : 0);
