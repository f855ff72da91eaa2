import { signDevToken, type Principal } from "@steward/platform/auth";
import { status, type ServiceError } from "@grpc/grpc-js";
import { createClient, fieldViolationsOf } from "@steward/platform/grpc";
import { routingCatalogueV1, routingV1 } from "@steward/proto";
import { createTestDatabase, eventually, freePort, spawnService, stack, testAuthSecret, uniqueRegion, type ServiceProcess, type TestDatabase } from "@steward/testing";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { otlpReceiver, type ExportedSpan, type Receiver } from "./receivers.js";

/**
 * 纵向联动: a county case with an item of city jurisdiction. The county's routing forwards it to the
 * city's, a city department decides it there, and the county case sees the decision and completes.
 */
describe("vertical linkage between a county and the city", () => {
  const county = uniqueRegion("cty");
  const city = uniqueRegion("city");
  let databases: TestDatabase[] = [];
  let countyRouting: ServiceProcess;
  let cityRouting: ServiceProcess;
  let spans: Receiver<ExportedSpan>;
  /** The county case of the first test, whose spans the second follows across the regions. */
  let countyCaseId = "";

  const token = (region: string, principal: Omit<Principal, "region">) => signDevToken({ secret: testAuthSecret }, { region, ...principal });
  const gateway = (service: ServiceProcess, tokenValue: string) =>
    createClient(routingV1.DepartmentGatewayServiceService, { address: `127.0.0.1:${service.grpcPort}`, token: () => tokenValue, defaultDeadlineMs: 10_000 });

  beforeAll(async () => {
    const [countyDb, cityDb] = await Promise.all([createTestDatabase(`${county}_routing`), createTestDatabase(`${city}_routing`)]);
    databases = [countyDb!, cityDb!];
    const [countyPort, cityPort] = await Promise.all([freePort(), freePort()]);
    spans = await otlpReceiver();
    const addresses = `${county}=127.0.0.1:${countyPort},${city}=127.0.0.1:${cityPort}`;
    const common = {
      STEWARD_NATS_URL: stack.natsUrl,
      STEWARD_AUTH_SECRET: testAuthSecret,
      STEWARD_CITY_REGION: city,
      STEWARD_REGION_ROUTING_ADDRESSES: addresses,
      STEWARD_ROUTING_LINKAGE_INTERVAL_MS: "100",
      STEWARD_ROUTING_CATALOGUE_SYNC_MS: "200",
      OTEL_EXPORTER_OTLP_ENDPOINT: spans.url,
    };
    [countyRouting, cityRouting] = await Promise.all([
      spawnService("approval-routing", { ...common, STEWARD_REGION: county, STEWARD_DATABASE_URL: countyDb!.url, STEWARD_GRPC_PORT: String(countyPort) }),
      spawnService("approval-routing", { ...common, STEWARD_REGION: city, STEWARD_DATABASE_URL: cityDb!.url, STEWARD_GRPC_PORT: String(cityPort) }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([countyRouting?.stop(), cityRouting?.stop()]);
    await spans?.close();
    await Promise.all(databases.map((database) => database.drop()));
  });

  it("forwards a city item, lets the city decide it, and completes the county case", async () => {
    const stewardToken = await token(county, { subject: "steward-1", role: "steward" });
    const steward = createClient(routingV1.RoutingServiceService, { address: `127.0.0.1:${countyRouting.grpcPort}`, token: () => stewardToken, defaultDeadlineMs: 10_000 });
    const planId = randomUUID();
    const { case: opened } = await steward.submitPlan({
      planId,
      planVersion: 1,
      projectId: randomUUID(),
      projectName: "安康新材料生产线",
      items: [
        { itemCode: "FGW-JN", departmentCode: "fgw" },
        { itemCode: "SL-STBC", departmentCode: "sl" },
      ],
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

    // The county's ledger records the city's steps on its own item, and its chain is intact.
    const sql = postgres(databases[0]!.url, { max: 1, onnotice: () => {} });
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
});
