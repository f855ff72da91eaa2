/**
 * The walking skeleton and 纵向联动 against a Kubernetes cluster, for scripts/k8s/rehearse.sh:
 * the same story as e2e/walking-skeleton.test.ts, told to the services of a county release and
 * the city's release through their Services. Prints one TAP-like line per step ("ok - …" or
 * "not ok - …: why") and exits 1 when a step failed.
 *
 *   node --import tsx e2e/cluster/story.ts --targets targets.json --secret <auth key> --webhook 10.247.0.1:27780
 *
 * targets.json: {"county": "hanbin", "city": "city", "services": {"<region>": {"<service>": {"grpc": "ip:port", "http": "ip:port"}}}}
 * The notification service of the county must deliver to http://<webhook>/deliveries.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { signDevToken, type Principal } from "@steward/platform/auth";
import { createClient } from "@steward/platform/grpc";
import { agreementV1, notificationV1, routingV1 } from "@steward/proto";
import { eventually } from "@steward/testing";
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

// The steward's webhook: where the county's notification service delivers.
interface Delivery {
  region: string;
  template: string;
  subjectId: string;
  body: string;
}
const deliveries: Delivery[] = [];
const [webhookHost, webhookPort] = values.webhook.split(":");
const webhook = createServer((request, response) => {
  let body = "";
  request.setEncoding("utf8");
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    try {
      deliveries.push(JSON.parse(body) as Delivery);
    } catch {
      // not a delivery
    }
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
await new Promise<void>((resolve, reject) => {
  webhook.once("error", reject);
  webhook.listen(Number(webhookPort), webhookHost, () => resolve());
});

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

await step("notification delivers the notice to the steward's webhook and records it delivered", async () => {
  const delivery = await eventually(() => deliveries.find((candidate) => candidate.subjectId === caseId), "the webhook delivery", waitMs);
  expect(delivery.template === "case-completed" && delivery.region === county, `unexpected delivery ${JSON.stringify(delivery)}`);
  expect(delivery.body.includes(project.name), "the notice does not name the project");
  await eventually(async () => {
    const page = await steward.notification.listDeliveries({ subjectId: caseId!, pageSize: 10, pageToken: "", recipient: undefined, status: notificationV1.DeliveryStatus.DELIVERY_STATUS_UNSPECIFIED });
    return page.deliveries.length > 0 && page.deliveries.every((d) => d.status === notificationV1.DeliveryStatus.DELIVERY_STATUS_DELIVERED) ? true : undefined;
  }, "the delivery recorded as delivered", waitMs);
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
await new Promise<void>((resolve) => webhook.close(() => resolve()));
process.exit(failures > 0 ? 1 : 0);
