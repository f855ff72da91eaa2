import { Client, Metadata, credentials } from "@grpc/grpc-js";
import { routingV1 } from "@steward/proto";
import { eventually } from "@steward/testing";
import { signAndApprovePlan } from "../agreement-flow.js";
import type { RunningPlatform } from "../platform.js";
import type { Known } from "./arbitraries/values.js";

const projectBody = (index: number) => ({
  name: `模糊测试项目 ${index}`,
  enterpriseName: "安康富硒生物科技有限公司",
  creditCode: "91610900MA70000010",
  investmentCode: "",
  investmentWanYuan: String(1000 + index),
  industryChain: "富硒食品",
  contactName: "王经理",
  contactPhone: "13800000001",
});

/**
 * Gives the platform something to act on — projects, signed agreements, approved plans, cases
 * with routed items, a consultation, escalations — and returns what the fuzzer may use of it: real
 * ids by field, page tokens and a stream cursor the services issued, the catalogue's codes.
 */
export async function seedPlatform(platform: RunningPlatform): Promise<Known> {
  const admin = platform.clients(await platform.token({ subject: "fuzz-admin", role: "admin" }));
  const steward = platform.clients(await platform.token({ subject: "fuzz-steward", role: "steward" }));
  const zrzyToken = await platform.token({ subject: "zrzy-system", role: "department", department: "zrzy" });
  const zrzy = platform.clients(zrzyToken);
  const enterprise = await platform.token({ subject: "fuzz-enterprise", role: "enterprise", creditCode: projectBody(0).creditCode });
  try {
    const projects: string[] = [];
    for (let index = 0; index < 3; index++) {
      const response = await fetch(`http://127.0.0.1:${platform.services.intake.httpPort}/v1/projects`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${enterprise}` },
        body: JSON.stringify(projectBody(index)),
      });
      if (response.status !== 201) throw new Error(`seeding a project: ${response.status} ${await response.text()}`);
      projects.push(((await response.json()) as { id: string }).id);
    }
    const agreements = await eventually(async () => {
      const listed = (await admin.agreement.listAgreements({ projectId: "", pageSize: 10, pageToken: "", stewardId: "", status: 0 })).agreements;
      return listed.length === projects.length ? listed : undefined;
    }, "the seeded projects' draft agreements");
    const plans: string[] = [];
    for (const agreement of agreements) {
      const plan = await signAndApprovePlan(platform, agreement.id, {
        items: [
          { itemCode: "ZRZY-YDYS", departmentCode: "zrzy" },
          { itemCode: "STHJ-HPB", departmentCode: "sthj" },
        ],
      });
      plans.push(plan.id);
    }
    const items = await eventually(async () => {
      const listed = (await zrzy.gateway.listAssignments({ pageSize: 100, pageToken: "" })).items;
      return listed.length === plans.length ? listed : undefined;
    }, "the seeded cases' routed items");
    const [first, second, third] = items;
    await zrzy.gateway.acceptItem({ itemId: first!.id, requestId: "seed-accept", mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    const { consultation } = await zrzy.gateway.requestConsultation({ itemId: first!.id, requestId: "seed-consult", consultedDepartment: "fgw", question: "是否符合产业政策?" });
    const escalations = [
      (await steward.routing.flagBlocked({ itemId: second!.id, reason: "材料迟迟未到" })).escalation!.id,
      (await steward.routing.flagBlocked({ itemId: third!.id, reason: "需协调" })).escalation!.id,
    ];

    const pageTokens = [
      (await admin.agreement.listAgreements({ projectId: "", pageSize: 1, pageToken: "", stewardId: "", status: 0 })).nextPageToken,
      (await zrzy.gateway.listAssignments({ pageSize: 1, pageToken: "" })).nextPageToken,
      (await admin.routing.listEscalations({ openOnly: false, pageSize: 1, pageToken: "" })).nextPageToken,
    ].filter(Boolean);
    const cursor = await firstCursor(`127.0.0.1:${platform.services["approval-routing"].grpcPort}`, zrzyToken);
    const catalogue = (await admin.catalogue.listCatalogueItems({ departmentCode: "", stage: "" })).items;

    const caseIds = [...new Set(items.map((item) => item.caseId))];
    const byField = new Map<string, string[]>([
      ["id", [...caseIds, ...projects, ...agreements.map((agreement) => agreement.id)]],
      ["item_id", items.map((item) => item.id)],
      ["case_id", caseIds],
      ["project_id", projects],
      ["agreement_id", agreements.map((agreement) => agreement.id)],
      ["steward_id", ["steward-1", "steward-2"]],
      ["liaison_id", ["zrzy-liaison", "sthj-liaison"]],
      ["selection_code", ["BUNDLE-GYKG", "NOPE"]],
      ["plan_id", plans],
      ["escalation_id", escalations],
      ["consultation_id", [consultation!.id]],
      ["subject_id", caseIds],
      ["page_token", pageTokens],
      ["cursor", cursor ? [cursor] : []],
      ["item_code", [...catalogue.map((item) => item.code), "NOPE-1"]],
      ["code", catalogue.map((item) => item.code)],
      ["department_code", [...new Set(catalogue.map((item) => item.departmentCode)), "nosuch"]],
      ["consulted_department", ["fgw", "sthj", "zrzy", "nosuch"]],
      ["reassign_to_department", ["sthj", "fgw", "nosuch"]],
      ["kind", ["expert_review", "hearing", "holiday", "workday", "industry_chain", "bundle"]],
      ["date", ["2027-01-01", "2027-02-06", "2026-12-31", "2027-02-30"]],
      ["stage", [...new Set(catalogue.map((item) => item.stage))]],
      ["jurisdiction", ["county", "city"]],
      ["modes", ["normal", "tolerant", "commitment"]],
      ["origin_region", [platform.region, "hanbin"]],
      ["source", ["国办发明电〔2026〕1号"]],
    ]);
    const ids = [...new Set([...caseIds, ...projects, ...agreements.map((agreement) => agreement.id), ...items.map((item) => item.id), ...plans, ...escalations, consultation!.id])];
    return { byField, ids };
  } finally {
    for (const clients of [admin, steward, zrzy]) clients.close();
  }
}

/** The cursor of the first change on zrzy's stream. */
function firstCursor(address: string, token: string): Promise<string | undefined> {
  const client = new Client(address, credentials.createInsecure());
  const metadata = new Metadata();
  metadata.set("authorization", `Bearer ${token}`);
  const method = routingV1.DepartmentGatewayServiceService.watchAssignments;
  const call = client.makeServerStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, { cursor: "", fromNow: false }, metadata, { deadline: Date.now() + 10_000 });
  return new Promise<string | undefined>((resolve) => {
    call.on("data", (message: routingV1.WatchAssignmentsResponse) => {
      resolve(message.cursor);
      call.cancel();
    });
    call.on("error", () => resolve(undefined));
  }).finally(() => client.close());
}
