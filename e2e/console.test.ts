import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import postgres from "postgres";
import { chromium, type Browser, type Page } from "playwright-core";
import { signDevToken } from "@steward/platform/auth";
import { connectBus, encodeEvent, newEvent, subjectFor, type Bus } from "@steward/platform/events";
import { createLogger } from "@steward/platform/logging";
import { createClient } from "@steward/platform/grpc";
import { routingV1 } from "@steward/proto";
import { createTestDatabase, eventually, ledgerSigningKeyFile, repositoryRoot, serviceDatabaseEnv, spawnService, stack, testAuthSecret, uniqueRegion, type ServiceProcess, type TestDatabase } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goldenHistory } from "../services/assessment/src/golden/history.js";

/**
 * The operations console in a real browser (Debian's Chromium driven by playwright-core) against
 * real processes: a county's routing and assessment, the city's assessment sourcing that county
 * and a second one. The county's history is made through routing itself — a case with one item
 * decided and one overdue (its committed deadline moved into the past in routing's database, the
 * one way to let working days pass in a test; routing's own clock round then marks it overdue,
 * through its ledger) — and the second county's is the golden history published to its stream.
 * Screenshots of every page go to e2e/artefacts/console/ (gitignored).
 */
// Debian's package (scripts/test.sh installs it where missing), or STEWARD_CHROMIUM.
const chromiumPath = process.env.STEWARD_CHROMIUM ?? "/usr/bin/chromium";
const artefacts = join(repositoryRoot, "e2e", "artefacts", "console");
const county = uniqueRegion("cc");
const otherCounty = uniqueRegion("cd");
const city = uniqueRegion("cy");
const names = { county: "测试甲县", otherCounty: "测试乙县", city: "测试市（市级）" };
const logger = createLogger({ service: "console-e2e", region: county, level: "silent" });

let workDir: string;
const databases: TestDatabase[] = [];
const services: ServiceProcess[] = [];
let countyRouting: ServiceProcess;
let countyAssessment: ServiceProcess;
let cityAssessment: ServiceProcess;
let routingDb: TestDatabase;
let otherBus: Bus;
let browser: Browser;
let caseId: string;
let overdueItemId: string;
const projectName = "安康富硒食品产业园（浏览器测试）";

async function database(name: string): Promise<TestDatabase> {
  const db = await createTestDatabase(name);
  databases.push(db);
  return db;
}

async function spawn(name: string, region: string, db: TestDatabase, extra: Record<string, string>): Promise<ServiceProcess> {
  const process = await spawnService(name, {
    STEWARD_REGION: region,
    // Each service runs as a role of its own holding only its grants, migrated by the owner.
    ...serviceDatabaseEnv(db),
    STEWARD_NATS_URL: stack.natsUrl,
    STEWARD_AUTH_SECRET: testAuthSecret,
    STEWARD_LEDGER_SIGNING_KEY_FILE: ledgerSigningKeyFile(),
    STEWARD_CITY_REGION: city,
    STEWARD_LOG_LEVEL: "info",
    ...extra,
  });
  services.push(process);
  return process;
}

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: scripts/test.sh installs Debian's chromium package (or set STEWARD_CHROMIUM)`);
  mkdirSync(artefacts, { recursive: true });
  workDir = mkdtempSync(join(tmpdir(), "steward-console-"));
  const regionsFile = join(workDir, "regions.json");
  writeFileSync(
    regionsFile,
    JSON.stringify({
      city: { name: "测试市", divisionCode: "610900" },
      regions: [
        { slug: city, name: names.city, divisionCode: "610900", kind: "city" },
        { slug: county, name: names.county, divisionCode: "610902", kind: "county" },
        { slug: otherCounty, name: names.otherCounty, divisionCode: "610921", kind: "county" },
      ],
    }),
  );

  routingDb = await database(`${county}_routing`);
  countyRouting = await spawn("approval-routing", county, routingDb, { STEWARD_ROUTING_CLOCK_INTERVAL_MS: "200" });
  const routingAddresses = `${county}=127.0.0.1:${countyRouting.grpcPort}`;
  const consoleEnv = { STEWARD_REGIONS_FILE: regionsFile, STEWARD_CONSOLE_DEV_SIGN_IN: "true", STEWARD_REGION_ROUTING_ADDRESSES: routingAddresses };
  countyAssessment = await spawn("assessment", county, await database(`${county}_assessment`), consoleEnv);
  cityAssessment = await spawn("assessment", city, await database(`${city}_assessment`), { ...consoleEnv, STEWARD_ASSESSMENT_SOURCE_REGIONS: `${city},${county},${otherCounty}` });

  // The second county's history: the golden one, published to its own stream.
  otherBus = await connectBus({ url: stack.natsUrl, name: "console-e2e", region: otherCounty, logger });
  for (const event of goldenHistory().map((e) => ({ ...e, region: otherCounty }))) {
    await otherBus.js.publish(subjectFor(otherCounty, event.type), encodeEvent(event), { msgID: event.id });
  }

  // The county's case, through routing: ZRZY-YDYS approved, STHJ-HPB accepted and then overdue.
  const token = (principal: Parameters<typeof signDevToken>[1]) => signDevToken({ secret: testAuthSecret }, principal);
  const client = async <S extends Parameters<typeof createClient>[0]>(service: S, principal: Parameters<typeof signDevToken>[1]) => {
    const bearer = await token(principal);
    return createClient(service, { address: `127.0.0.1:${countyRouting.grpcPort}`, token: async () => bearer, defaultDeadlineMs: 10_000 });
  };
  const steward = await client(routingV1.RoutingServiceService, { region: county, subject: "steward-1", role: "steward" });
  const planId = randomUUID();
  const projectId = randomUUID();
  const submitted = await steward.submitPlan({
    planId,
    planVersion: 1,
    projectId,
    projectName,
    // Routing's plan rules (issue 10): the plan names the enterprise; neither item needs an approval before it.
    creditCode: "91610900MA70000036",
    items: [
      { itemCode: "ZRZY-YDYS", departmentCode: "zrzy" },
      { itemCode: "STHJ-HPB", departmentCode: "sthj" },
    ],
    satisfiedPrerequisites: [],
  });
  caseId = submitted.case!.id;
  // What the agreement service publishes once routing accepts its plan (the plan here went to
  // routing directly): the case's project and steward, from which assessment names the project.
  const countyBus = await connectBus({ url: stack.natsUrl, name: "console-e2e-county", region: county, logger });
  const planAccepted = newEvent({ region: county, aggregateId: caseId, payload: { $case: "planAccepted", value: { planId, version: 1, agreementId: randomUUID(), projectId, projectName, caseId, stewardId: "steward-1", itemCount: 2 } } });
  await countyBus.js.publish(subjectFor(county, planAccepted.type), encodeEvent(planAccepted), { msgID: planAccepted.id });
  await countyBus.close();
  for (const department of ["zrzy", "sthj"]) {
    const gateway = await client(routingV1.DepartmentGatewayServiceService, { region: county, subject: `${department}-system`, role: "department", department });
    const item = await eventually(async () => (await gateway.listAssignments({ pageSize: 10, pageToken: "" })).items.find((i) => i.caseId === caseId), `${department}'s assignment`);
    await gateway.acceptItem({ itemId: item.id, requestId: `${department}-accept`, mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    if (department === "zrzy") {
      await gateway.decideItem({ itemId: item.id, requestId: "zrzy-decide", decision: routingV1.Decision.DECISION_APPROVE, reason: "材料齐全", documentRefs: [] });
    } else {
      overdueItemId = item.id;
    }
    gateway.close();
  }
  steward.close();
  // Ten days pass for the open item: its committed deadline lies behind it, routing's clock finds it.
  const sql = postgres(routingDb.url, { max: 1, onnotice: () => {} });
  await sql`update case_items set committed_due_on = current_date - 10, warn_on = current_date - 11 where id = ${overdueItemId}`;
  await sql.end();

  browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(services.map((service) => service.stop()));
  await otherBus?.jsm.streams.delete(otherBus.stream).catch(() => {});
  await otherBus?.close();
  await Promise.all(databases.map((db) => db.drop()));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const consoleUrl = (service: ServiceProcess, path = "") => `http://127.0.0.1:${service.httpPort}/console${path}`;

async function signIn(service: ServiceProcess, region: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN", viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // Every asset is the service's own: a failed request or a script error is a broken page.
  page.on("pageerror", (error) => pageProblems.push(`script error on ${page.url()}: ${error.message}`));
  // (A download ends its request as "aborted" for the page: that is not a failure.)
  page.on("requestfailed", (request) => {
    if (!request.url().includes("/export.xlsx")) pageProblems.push(`request failed: ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().includes(`/regions/${otherCounty}`)) pageProblems.push(`${response.status()} for ${response.url()}`);
  });
  await page.goto(consoleUrl(service, "/sign-in"));
  await page.selectOption("select[name=role]", "operator");
  await page.selectOption("select[name=region]", region);
  await page.fill("input[name=name]", "张伟");
  await Promise.all([page.waitForURL(/\/console$/), page.click("button[type=submit]")]);
  return page;
}

const pageProblems: string[] = [];
const shot = (page: Page, name: string) => page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true });

describe("the operations console in a real browser", () => {
  it("a county operator sees only the county, opens the red list and an overdue item's case with its ledger verified", async () => {
    const page = await signIn(countyAssessment, county);
    // The overdue item reaches the red list once routing's clock and the projection have run.
    await eventually(async () => {
      await page.goto(consoleUrl(countyAssessment, "/lights?light=red"));
      return (await page.locator("[data-testid=lights] tbody tr").count()) > 0 ? true : undefined;
    }, "the overdue item on the red list", 60_000);
    await page.goto(consoleUrl(countyAssessment));
    await page.locator("[data-chart][data-drawn=true]").first().waitFor();
    await shot(page, "overview");
    const body = await page.locator("body").innerText();
    expect(body).toContain(names.county);
    expect(body).not.toContain(names.otherCounty);

    await page.click("[data-testid=red-count]");
    await page.waitForURL(/\/console\/lights\?light=red/);
    const red = page.locator("[data-testid=lights] tbody tr");
    expect(await red.count()).toBe(1);
    expect(await red.first().innerText()).toContain("STHJ-HPB");
    await shot(page, "red-list");

    await red.first().locator("a").first().click();
    await page.waitForURL(new RegExp(`/console/regions/${county}/cases/${caseId}`));
    await expect.poll(() => page.locator("[data-testid=ledger-verification]").innerText()).toContain("台账校验通过");
    expect(await page.locator("[data-testid=ledger] tbody tr").count()).toBeGreaterThan(3);
    expect(await page.locator("[data-testid=items]").innerText()).toContain("STHJ-HPB");
    await shot(page, "case");

    // Another county's page is refused on the server, whatever the browser asks.
    const refused = await page.goto(consoleUrl(countyAssessment, `/regions/${otherCounty}`));
    expect(refused?.status()).toBe(403);
    await page.context().close();
  });

  it("downloads the Excel file and reads it back: zh-CN sheets, figures as numbers, the overdue item on the red list", async () => {
    const page = await signIn(countyAssessment, county);
    await page.goto(consoleUrl(countyAssessment, "/figures"));
    await shot(page, "figures");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export]")]);
    const file = join(artefacts, "console-export.xlsx");
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheets = workbook.worksheets.map((sheet) => sheet.name);
    expect(sheets).toEqual(expect.arrayContaining(["区域月统计", "部门月统计", "项目管家月统计", "红黄牌"]));
    const regions = workbook.getWorksheet("区域月统计")!;
    const numbers = regions.getRow(2).values as unknown[];
    expect(numbers.some((value) => typeof value === "number")).toBe(true);
    const lightsSheet = workbook.getWorksheet("红黄牌")!;
    const lightRows = lightsSheet.getSheetValues().slice(2).filter(Boolean) as unknown[][];
    expect(lightRows.some((row) => row.includes("STHJ-HPB"))).toBe(true);
    await page.context().close();
  });

  it("the city operator sees every county, the bulletin, referrals and the wall screen", async () => {
    const page = await signIn(cityAssessment, city);
    await eventually(async () => {
      await page.goto(consoleUrl(cityAssessment, "/lights?light=all"));
      const text = await page.locator("[data-testid=lights]").innerText();
      return text.includes(names.county) && text.includes(names.otherCounty) ? true : undefined;
    }, "both counties' items on the city's lists", 60_000);
    await page.goto(consoleUrl(cityAssessment));
    const body = await page.locator("body").innerText();
    expect(body).toContain(names.county);
    expect(body).toContain(names.otherCounty);
    await shot(page, "city-overview");

    await page.goto(consoleUrl(cityAssessment, "/bulletins"));
    await expect.poll(() => page.locator("[data-testid=bulletin-status]").count()).toBe(1);
    // The golden history's quarter: the second county is ranked; the first, with no completed
    // item in it, is listed with no figures and not ranked.
    await page.goto(consoleUrl(cityAssessment, "/bulletins/2026-Q1"));
    const rows = await page.locator("[data-testid=bulletin-units] tbody tr").allInnerTexts();
    expect(rows.find((row) => row.includes(names.otherCounty))).toMatch(/^1\s/);
    expect(rows.find((row) => row.includes(names.county))).toMatch(/^—\s.*未参评/s);
    await shot(page, "bulletin");
    await page.goto(consoleUrl(cityAssessment, "/referrals"));
    await shot(page, "referrals");
    await page.goto(consoleUrl(cityAssessment, "/wall"));
    expect(Number(await page.locator("[data-testid=wall-red]").innerText())).toBeGreaterThanOrEqual(1);
    // The red list names the overdue item's project (the wall once showed a blank there).
    expect(await page.locator(".wall-red").innerText()).toContain(projectName);
    await shot(page, "wall");
    await page.context().close();
    expect(pageProblems).toEqual([]);
  });
});
