import { jetstream } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { signDevToken, type Principal } from "@steward/platform/auth";
import { status, type ServiceError } from "@grpc/grpc-js";
import { encodeEvent, newEvent, subjectFor, type EventPayload } from "@steward/platform/events";
import { createClient, fieldViolationsOf } from "@steward/platform/grpc";
import { assessmentV1, eventPayloadsV1, notificationInboxV1, routingCatalogueV1, routingV1 } from "@steward/proto";
import { createTestDatabase, eventually, freePort, ledgerSigningKeyFile, serviceDatabaseEnv, spawnService, stack, testAuthSecret, uniqueRegion, type ServiceProcess, type TestDatabase } from "@steward/testing";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rulesWithoutQuietHours } from "./platform.js";
import { otlpReceiver, type ExportedSpan, type Receiver } from "./receivers.js";
import { deleteRegionStreams } from "./streams.js";

/**
 * 纵向联动: a county case with an item of city jurisdiction. The county's routing forwards it to the
 * city's, a city department decides it there, and the county case sees the decision and completes.
 * Each region runs routing, notification and assessment as real processes: only the county's case
 * is counted and notified (its steward's inbox, in the county only), and a bar after a false
 * commitment in the county holds in the city.
 */
describe("vertical linkage between a county and the city", () => {
  const county = uniqueRegion("cty");
  const city = uniqueRegion("city");
  const regionNames = [county, city] as const;
  const serviceNames = ["approval-routing", "notification", "assessment"] as const;
  type Service = (typeof serviceNames)[number];
  const databases = new Map<string, TestDatabase>();
  const processes = new Map<string, ServiceProcess>();
  let rules: { file: string; remove(): Promise<void> };
  let nats: NatsConnection;
  const key = (region: string, service: Service) => `${region}/${service}`;
  const service = (region: string, name: Service) => processes.get(key(region, name))!;
  let countyRouting: ServiceProcess;
  let cityRouting: ServiceProcess;
  let spans: Receiver<ExportedSpan>;
  /** The county case of the first test, whose spans the second follows across the regions. */
  let countyCaseId = "";

  const token = (region: string, principal: Omit<Principal, "region">) => signDevToken({ secret: testAuthSecret }, { region, ...principal });
  const gateway = (process: ServiceProcess, tokenValue: string) =>
    createClient(routingV1.DepartmentGatewayServiceService, { address: `127.0.0.1:${process.grpcPort}`, token: () => tokenValue, defaultDeadlineMs: 10_000 });
  const department = async (region: string, code: string) => gateway(service(region, "approval-routing"), await token(region, { subject: `${code}-${region}`, role: "department", department: code }));
  const stewardOf = async (region: string) => {
    const bearer = await token(region, { subject: "steward-1", role: "steward" });
    return createClient(routingV1.RoutingServiceService, { address: `127.0.0.1:${service(region, "approval-routing").grpcPort}`, token: () => bearer, defaultDeadlineMs: 10_000 });
  };
  const statsOf = async (region: string) => {
    const bearer = await token(region, { subject: "operator", role: "operator" });
    const client = createClient(assessmentV1.AssessmentServiceService, { address: `127.0.0.1:${service(region, "assessment").grpcPort}`, token: () => bearer, defaultDeadlineMs: 10_000 });
    try {
      return await client.getCompletionStats({});
    } finally {
      client.close();
    }
  };
  /** Rows of a region's service database. */
  const query = async <T extends object>(region: string, name: Service, run: (sql: postgres.Sql) => Promise<T[]>): Promise<T[]> => {
    const sql = postgres(databases.get(key(region, name))!.url, { max: 1, onnotice: () => {} });
    try {
      return await run(sql);
    } finally {
      await sql.end();
    }
  };
  /**
   * What intake and agreement (not run here) would tell both regions' notification: the project,
   * its enterprise and its steward, "steward-1", whose inbox the notices reach.
   */
  const introduce = async (project: { projectId: string; projectName: string; creditCode: string }) => {
    const js = jetstream(nats);
    for (const region of regionNames) {
      const events: EventPayload[] = [
        { $case: "projectRegistered", value: eventPayloadsV1.ProjectRegistered.fromPartial({ ...project, enterpriseId: `ent-${project.creditCode}`, enterpriseName: "安康富硒茶业有限公司" }) },
        { $case: "stewardAssigned", value: eventPayloadsV1.StewardAssigned.fromPartial({ projectId: project.projectId, stewardId: "steward-1", stewardName: "李管家" }) },
      ];
      for (const payload of events) {
        const event = newEvent({ region, aggregateId: project.projectId, payload });
        await js.publish(subjectFor(region, event.type), encodeEvent(event), { msgID: event.id });
      }
    }
  };
  /**
   * A person's inbox messages about routing's events, oldest first: about the subjects named (a
   * case, and the item a reopening or revocation is about), or all of them.
   */
  const inboxOf = async (region: string, principal: Omit<Principal, "region">, subjects?: string[]) => {
    const bearer = await token(region, principal);
    const client = createClient(notificationInboxV1.InboxServiceService, { address: `127.0.0.1:${service(region, "notification").grpcPort}`, token: () => bearer, defaultDeadlineMs: 10_000 });
    try {
      const { messages } = await client.listInbox({ unreadOnly: false, pageSize: 100, pageToken: "" });
      return messages.filter((message) => message.eventType.startsWith("routing.") && (subjects === undefined || subjects.includes(message.subjectId))).reverse();
    } finally {
      client.close();
    }
  };
  const stewardInbox = (region: string, ...subjects: string[]) => inboxOf(region, { subject: "steward-1", role: "steward" }, subjects.length > 0 ? subjects : undefined);
  const adminInbox = (region: string, ...subjects: string[]) => inboxOf(region, { subject: `admin-${region}`, role: "admin" }, subjects.length > 0 ? subjects : undefined);
  const templatesOf = (messages: { template: string }[]) => messages.map((message) => message.template);

  beforeAll(async () => {
    [rules, nats] = await Promise.all([rulesWithoutQuietHours(), connect({ servers: stack.natsUrl })]);
    await Promise.all(
      regionNames.flatMap((region) => serviceNames.map(async (name) => databases.set(key(region, name), await createTestDatabase(`${region}_${name.replace("-", "_")}`)))),
    );
    const [countyPort, cityPort] = await Promise.all([freePort(), freePort()]);
    spans = await otlpReceiver();
    const ports = new Map([
      [county, countyPort],
      [city, cityPort],
    ]);
    const common = {
      STEWARD_NATS_URL: stack.natsUrl,
      STEWARD_AUTH_SECRET: testAuthSecret,
      STEWARD_LEDGER_SIGNING_KEY_FILE: ledgerSigningKeyFile(),
      STEWARD_CITY_REGION: city,
      STEWARD_REGION_ROUTING_ADDRESSES: `${county}=127.0.0.1:${countyPort},${city}=127.0.0.1:${cityPort}`,
      STEWARD_ROUTING_LINKAGE_INTERVAL_MS: "100",
      STEWARD_ROUTING_CATALOGUE_SYNC_MS: "200",
      STEWARD_NOTIFICATION_RULES_FILE: rules.file,
      OTEL_EXPORTER_OTLP_ENDPOINT: spans.url,
    };
    // Six processes compile and start on a machine shared with other work: in two waves (the
    // routing services first, then the consumers), each given more than the usual minute.
    const start = (names: readonly Service[]) =>
      Promise.all(
        regionNames.flatMap((region) =>
          names.map(async (name) => {
            const env: Record<string, string> = { ...common, STEWARD_REGION: region, ...serviceDatabaseEnv(databases.get(key(region, name))!) };
            if (name === "approval-routing") env.STEWARD_GRPC_PORT = String(ports.get(region));
            processes.set(key(region, name), await spawnService(name, env, 150_000));
          }),
        ),
      );
    await start(["approval-routing"]);
    await start(["notification", "assessment"]);
    countyRouting = service(county, "approval-routing");
    cityRouting = service(city, "approval-routing");
  }, 360_000);

  afterAll(async () => {
    await Promise.all([...processes.values()].map((process) => process.stop()));
    await Promise.all([...databases.values()].map((database) => database.drop()));
    await Promise.all([rules?.remove(), nats?.close(), spans?.close()]);
    await deleteRegionStreams([county, city], city);
  });

  it("forwards a city item, lets the city decide it, and completes the county case", async () => {
    const stewardToken = await token(county, { subject: "steward-1", role: "steward" });
    const steward = createClient(routingV1.RoutingServiceService, { address: `127.0.0.1:${countyRouting.grpcPort}`, token: () => stewardToken, defaultDeadlineMs: 10_000 });
    const planId = randomUUID();
    const project = { projectId: randomUUID(), projectName: "安康新材料生产线", creditCode: "91610902MA70000020" };
    await introduce(project);
    const { case: opened } = await steward.submitPlan({
      planId,
      planVersion: 1,
      ...project,
      items: [
        { itemCode: "FGW-JN", departmentCode: "fgw" },
        { itemCode: "SL-STBC", departmentCode: "sl" },
      ],
      satisfiedPrerequisites: [],
    });
    countyCaseId = opened!.id;
    const forwarded = opened!.items.find((item) => item.itemCode === "FGW-JN")!;
    expect(forwarded).toMatchObject({ state: routingV1.ItemState.ITEM_STATE_ROUTED, handledInRegion: city, jurisdiction: routingV1.Jurisdiction.JURISDICTION_CITY });

    // The county's own energy-review desk never sees the city's item.
    const countyFgw = gateway(countyRouting, await token(county, { subject: "fgw-county", role: "department", department: "fgw" }));
    expect((await countyFgw.listAssignments({ pageSize: 50, pageToken: "" })).items).toEqual([]);

    const cityFgw = gateway(cityRouting, await token(city, { subject: "fgw-city", role: "department", department: "fgw" }));
    const cityItem = await eventually(async () => (await cityFgw.listAssignments({ pageSize: 50, pageToken: "" })).items[0], "the item in the city's queue");
    expect(cityItem.itemCode).toBe("FGW-JN");
    await cityFgw.acceptItem({ itemId: cityItem.id, requestId: "fgw-accept", mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    await cityFgw.decideItem({ itemId: cityItem.id, requestId: "fgw-approve", decision: routingV1.Decision.DECISION_APPROVE, reason: "节能审查通过", documentRefs: ["安发改能审〔2026〕1号"] });

    const countySl = gateway(countyRouting, await token(county, { subject: "sl-county", role: "department", department: "sl" }));
    const slItem = (await countySl.listAssignments({ pageSize: 50, pageToken: "" })).items[0]!;
    await countySl.acceptItem({ itemId: slItem.id, requestId: "sl-accept", mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    await countySl.decideItem({ itemId: slItem.id, requestId: "sl-approve", decision: routingV1.Decision.DECISION_APPROVE, reason: "", documentRefs: [] });

    const completed = await eventually(async () => {
      const { case: kase } = await steward.getCase({ id: opened!.id });
      return kase?.status === routingV1.CaseStatus.CASE_STATUS_COMPLETED ? kase : undefined;
    }, "the county case to complete");
    expect(completed.items.find((item) => item.itemCode === "FGW-JN")?.state).toBe(routingV1.ItemState.ITEM_STATE_APPROVED);

    // The city shows its copy as the county's; the copy never completes a case of its own.
    expect(cityItem).toMatchObject({ forwardedFromRegion: county, originItemId: forwarded.id });
    const cityCase = (await (await stewardOf(city)).getCase({ id: cityItem.caseId })).case!;
    expect(cityCase).toMatchObject({ forwardedFromRegion: county, originCaseId: opened!.id, status: routingV1.CaseStatus.CASE_STATUS_OPEN });
    // Only the county's case is notified and counted.
    const notice = await eventually(async () => (await stewardInbox(county, opened!.id))[0], "the county's notice");
    expect(notice.template).toBe("case-completed.steward");
    expect(await eventually(async () => ((await statsOf(county)).completedCases === 1 ? true : undefined), "the county's count")).toBe(true);
    const cityCompletions = await query(city, "approval-routing", (sql) => sql<{ n: number }[]>`select count(*)::int as n from outbox where event_type = 'routing.case.completed'`);
    expect(cityCompletions[0]!.n).toBe(0);
    expect(await statsOf(city)).toMatchObject({ completedCases: 0, completedItems: 0 });
    expect(await stewardInbox(city)).toEqual([]);
    expect(await adminInbox(city)).toEqual([]);

    // The county's ledger records the city's steps on its own item, and its chain is intact.
    const sql = postgres(databases.get(key(county, "approval-routing"))!.url, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ action: string; actor: string }[]>`
        select action, actor from ledger where chain_id = ${`case:${opened!.id}`} and subject = ${forwarded.id} order by position`;
      expect(rows.map((row) => row.action)).toEqual(["item.planned", "item.route", "item.accept", "item.start_review", "item.approve"]);
      expect(rows.slice(2).every((row) => row.actor.endsWith(`@${city}`))).toBe(true);
    } finally {
      await sql.end();
    }
    for (const client of [steward, countyFgw, cityFgw, countySl]) client.close();
  });

  it("continues the county's trace in the city and back: no orphan roots, the forwarded item joined to its case", async () => {
    const countyService = "steward-approval-routing";
    const server = (name: string) => (span: ExportedSpan) => span.kind === 2 && span.name === name;
    const found = await eventually(
      () => {
        const all = [...spans.received];
        const byId = new Map(all.map((span) => [span.spanId, span]));
        const forwardServer = all.find(server("steward.routing.v1.RegionLinkService/ForwardItem"));
        const reports = all.filter(server("steward.routing.v1.RegionLinkService/ReportForwardedItem"));
        const forwardClient = forwardServer && byId.get(forwardServer.parentSpanId);
        const forwardItem = forwardClient && byId.get(forwardClient.parentSpanId);
        const reportParents = reports.map((report) => byId.get(byId.get(report.parentSpanId)?.parentSpanId ?? ""));
        return forwardItem && reports.length >= 3 && reportParents.every(Boolean) ? { all, forwardServer: forwardServer!, forwardClient: forwardClient!, forwardItem, reports, reportParents } : undefined;
      },
      "the linkage spans of both regions",
      30_000,
    );
    expect(found.forwardClient.kind).toBe(3);
    expect(found.forwardItem).toMatchObject({ service: countyService, name: "linkage forward item", attributes: expect.objectContaining({ "steward.case_id": countyCaseId }) });
    const submitPlan = found.all.find((span) => span.name === "steward.routing.v1.RoutingService/SubmitPlan" && span.attributes["steward.case_id"] === countyCaseId)!;
    expect(found.forwardItem.links.map((link) => link.spanId)).toEqual([submitPlan.spanId]);
    // Every report back to the county continues a report span of the city's job.
    for (const parent of found.reportParents) expect(parent!.name).toBe("linkage report item");
    // And the county's side of a report joins the county's case.
    for (const report of found.reports) expect(report.attributes["steward.case_id"]).toBe(countyCaseId);
    // The city's catalogue answers to the county's sync are continued too: nothing the other region
    // asked for starts a trace of its own.
    const regionCalls = found.all.filter((span) => span.kind === 2 && /RegionLinkService|CatalogueService\/ListCatalogueItems/.test(span.name) && span.attributes["rpc.service"] !== undefined);
    expect(regionCalls.length).toBeGreaterThan(0);
    expect(regionCalls.filter((span) => span.parentSpanId === "").map((span) => span.name)).toEqual([]);
  });

  it("lets city administrators edit the catalogue, with the load's checks, and nobody else", async () => {
    const catalogue = async (service: ServiceProcess, region: string) => {
      const adminToken = await token(region, { subject: `${region}-admin`, role: "admin" });
      return createClient(routingCatalogueV1.CatalogueServiceService, { address: `127.0.0.1:${service.grpcPort}`, token: () => adminToken, defaultDeadlineMs: 10_000 });
    };
    const cityCatalogue = await catalogue(cityRouting, city);
    const countyCatalogue = await catalogue(countyRouting, county);
    const { item: template } = await cityCatalogue.getCatalogueItem({ code: "QX-FLSJ" });
    const added = { ...template!, code: "QX-FLSJ-2", name: "雷电防护装置设计审核（变更）", prerequisites: ["QX-FLSJ"] };

    await cityCatalogue.upsertCatalogueItem({ item: added });
    const { items } = await cityCatalogue.listCatalogueItems({ departmentCode: "qx", stage: "" });
    expect(items.map((item) => item.code)).toContain("QX-FLSJ-2");

    const cyclic = (await cityCatalogue.upsertCatalogueItem({ item: { ...template!, prerequisites: ["QX-FLSJ-2"] } }).catch((e: ServiceError) => e)) as ServiceError;
    expect(cyclic.code).toBe(status.INVALID_ARGUMENT);
    expect(fieldViolationsOf(cyclic)[0]?.description).toMatch(/^item QX-FLSJ(-2)?: prerequisites form a cycle/);

    const county_ = (await countyCatalogue.upsertCatalogueItem({ item: added }).catch((e: ServiceError) => e)) as ServiceError;
    expect(county_.code).toBe(status.PERMISSION_DENIED);
    // The county takes the city's edit, so its plans can use the new item.
    const synced = await eventually(async () => (await countyCatalogue.getCatalogueItem({ code: "QX-FLSJ-2" }).catch(() => undefined))?.item, "the city's edit in the county");
    expect(synced).toMatchObject({ code: "QX-FLSJ-2", prerequisites: ["QX-FLSJ"] });
    // Later rounds find the county up to date and write nothing.
    await new Promise((resolve) => setTimeout(resolve, 700));
    const taken = countyRouting.logs.filter((line) => line.msg === "catalogue item taken from the city").map((line) => line.item);
    expect(taken).toEqual(["QX-FLSJ-2"]);
    const { selections } = await countyCatalogue.listSelections({ kind: "bundle" });
    expect(selections.length).toBeGreaterThanOrEqual(2);
    cityCatalogue.close();
    countyCatalogue.close();
  });

  it("bars an enterprise found to have made a false commitment in the county, in the county and the city; reopens and re-completes its case with notices and counts to match", async () => {
    const enterprise = "91610902MA7000BB22";
    const steward = await stewardOf(county);
    const countySthj = await department(county, "sthj");
    const planId = randomUUID();
    const plan = { planId, projectId: randomUUID(), projectName: "安康富硒茶饮料生产线", creditCode: enterprise, items: [{ itemCode: "STHJ-HPB", departmentCode: "sthj" }], satisfiedPrerequisites: [] };
    await introduce(plan);
    const { case: opened } = await steward.submitPlan({ ...plan, planVersion: 1 });
    const revokedItem = opened!.items[0]!.id;
    const before = await statsOf(county);

    // Approved on commitment: the case completes, is notified and counted.
    await countySthj.acceptItem({ itemId: revokedItem, requestId: "hpb-commit", mode: routingV1.ProcessingMode.PROCESSING_MODE_COMMITMENT, missingMaterials: [], commitmentRef: "CN-2026-301" });
    await eventually(async () => (await stewardInbox(county, opened!.id, revokedItem)).find((message) => message.template === "case-completed.steward"), "the completion notice");
    await eventually(async () => ((await statsOf(county)).completedCases === before.completedCases + 1 ? true : undefined), "the completion counted");

    // The verification finds the commitment false: the case reopens, the steward and the county's
    // administration hear of it (and of the bar, once: from the county only), assessment takes
    // the completion back.
    await countySthj.recordVerification({ itemId: revokedItem, requestId: "hpb-verify", commitmentTrue: false, reason: "承诺内容与现场不符" });
    const reopenedNotice = await eventually(async () => (await stewardInbox(county, opened!.id, revokedItem)).find((message) => message.template === "case-reopened.steward"), "the reopening notice");
    expect(reopenedNotice.body).toContain("承诺内容与现场不符");
    expect(templatesOf(await eventually(async () => {
      const messages = await adminInbox(county, opened!.id, revokedItem);
      return messages.length > 0 ? messages : undefined;
    }, "the administration's reopening notice"))).toEqual(["case-reopened.admin"]);
    const barNotice = await eventually(async () => (await stewardInbox(county, opened!.id, revokedItem)).find((message) => message.template === "enterprise-barred.steward"), "the bar notice");
    expect(barNotice.body).toContain("不得适用告知承诺、容缺受理");
    const reopenedStats = await eventually(async () => {
      const stats = await statsOf(county);
      return stats.reopenedCases === before.reopenedCases + 1 ? stats : undefined;
    }, "the reopening counted");
    expect(reopenedStats.completedCases).toBe(before.completedCases);

    // Another project of the same enterprise, with an item the city decides: the city learned of
    // the bar and refuses 容缺 naming the county's revoked item; normal acceptance stays open.
    await eventually(async () => {
      const [row] = await query(city, "approval-routing", (sql) => sql<{ n: number }[]>`select count(*)::int as n from commitment_bars where credit_code = ${enterprise}`);
      return row!.n > 0 ? true : undefined;
    }, "the bar reported to the city");
    const { case: other } = await steward.submitPlan({ ...plan, planId: randomUUID(), projectId: randomUUID(), planVersion: 1, items: [{ itemCode: "FGW-JN", departmentCode: "fgw" }] });
    const cityFgw = await department(city, "fgw");
    const cityItem = await eventually(
      async () => (await cityFgw.listAssignments({ pageSize: 100, pageToken: "" })).items.find((item) => item.originItemId === other!.items[0]!.id),
      "the forwarded item in the city",
    );
    const refused = (await cityFgw
      .acceptItem({ itemId: cityItem.id, requestId: "jn-tolerant", mode: routingV1.ProcessingMode.PROCESSING_MODE_TOLERANT, missingMaterials: ["项目备案证明或核准文件"], commitmentRef: "" })
      .catch((error: ServiceError) => error)) as ServiceError;
    expect(refused.code).toBe(status.FAILED_PRECONDITION);
    expect(refused.details).toContain(`STHJ-HPB (item ${revokedItem} in ${county})`);
    expect(refused.details).toMatch(/through \d{4}-\d{2}-\d{2}/);
    const accepted = await cityFgw.acceptItem({ itemId: cityItem.id, requestId: "jn-normal", mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    expect(accepted.item?.state).toBe(routingV1.ItemState.ITEM_STATE_IN_REVIEW);

    // Re-planned, the item's new attempt is approved normally: the case completes again, announced as such.
    const { case: revised } = await steward.submitPlan({ ...plan, planVersion: 2 });
    const attempt = revised!.items.find((item) => item.state === routingV1.ItemState.ITEM_STATE_ROUTED)!;
    await countySthj.acceptItem({ itemId: attempt.id, requestId: "hpb-normal", mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    await countySthj.decideItem({ itemId: attempt.id, requestId: "hpb-approve", decision: routingV1.Decision.DECISION_APPROVE, reason: "审查通过", documentRefs: ["安环批〔2026〕9号"] });
    const again = await eventually(async () => (await stewardInbox(county, opened!.id, revokedItem)).find((message) => message.template === "case-completed-again.steward"), "the completed-again notice");
    expect(again.body).toContain("第 2 次办结");
    // Once each, in order, in the county; nothing in the city, which recorded the bar too.
    const caseNotices = templatesOf(await stewardInbox(county, opened!.id, revokedItem)).filter((template) => template.startsWith("case-"));
    expect(caseNotices).toEqual(["case-completed.steward", "case-reopened.steward", "case-completed-again.steward"]);
    expect(templatesOf(await stewardInbox(county, opened!.id, revokedItem)).filter((template) => template === "enterprise-barred.steward")).toHaveLength(1);
    expect(templatesOf(await eventually(async () => {
      const messages = await adminInbox(county, opened!.id, revokedItem);
      return messages.length > 1 ? messages : undefined;
    }, "the administration's completed-again notice"))).toEqual(["case-reopened.admin", "case-completed-again.admin"]);
    expect(await stewardInbox(city)).toEqual([]);
    expect(await adminInbox(city)).toEqual([]);
    const final = await eventually(async () => {
      const stats = await statsOf(county);
      return stats.reopenedCases === before.reopenedCases && stats.completedCases === before.completedCases + 1 ? stats : undefined;
    }, "the completion counted again");
    expect(final.completedCases).toBe(before.completedCases + 1);
    for (const client of [steward, countySthj, cityFgw]) client.close();
  });
});
