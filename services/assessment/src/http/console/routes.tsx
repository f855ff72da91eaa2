/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { TokenVerifier } from "@steward/platform/auth";
import { AppErrorException, raise, invalidArgument } from "@steward/platform/errors";
import { Hono, type Context } from "hono";
import { bulletinOf, publishBulletin } from "../../app/bulletins.js";
import { caseView, casesOf, lights } from "../../app/cases.js";
import { regionName, today, type AssessmentContext } from "../../app/context.js";
import { figuresOverMonths, monthlyFigures, trend } from "../../app/figures.js";
import { departmentNames } from "../../app/names.js";
import { raiseReferral, referralsOf, updateReferralStatus } from "../../app/referrals.js";
import { publishedQuarters } from "../../db/bulletins.js";
import { listRegions } from "../../db/regions.js";
import { recentComplaints } from "../../db/views.js";
import { scopes, totalOf, type Figures, type Scope } from "../../domain/figures.js";
import { isMonth, isQuarter, monthsOf, previousQuarter, quarterEnded, quarterLabel, quarterOfMonth } from "../../domain/periods.js";
import { consoleAssets } from "./assets.js";
import type { PageFrame } from "./layout.js";
import { BulletinPage, BulletinPrint } from "./pages/bulletin.js";
import { CasePage } from "./pages/case.js";
import { FiguresPage } from "./pages/figures.js";
import { LightsPage } from "./pages/lights.js";
import { OverviewPage } from "./pages/overview.js";
import { DepartmentPage, RegionPage } from "./pages/region.js";
import { ReferralsPage } from "./pages/referrals.js";
import { SignInPage } from "./pages/sign-in.js";
import { WallPage } from "./pages/wall.js";
import { requireViewer, signIn, signOut, type ConsoleEnv } from "./session.js";
import { consoleWorkbook } from "./workbook.js";

export interface ConsoleOptions {
  tokens: TokenVerifier;
  authSecret: string;
  /** The longest a token may live (STEWARD_AUTH_MAX_TOKEN_LIFETIME_S): a session's cookie lives no longer. */
  maxTokenLifetimeSeconds: number;
  devSignIn: boolean;
  wallRefreshSeconds: number;
}

/** The console's routes a browser posts an HTML form to (the platform accepts form bodies there only). */
export const consoleFormRoutes = ["POST /console/sign-in", "POST /console/sign-out", "POST /console/bulletins/:quarter/publish", "POST /console/referrals", "POST /console/referrals/:id"] as const;

const statusOf: Record<string, 400 | 403 | 404 | 409 | 503 | 500> = {
  invalid_argument: 400,
  permission_denied: 403,
  not_found: 404,
  failed_precondition: 409,
  already_exists: 409,
  unavailable: 503,
};

/**
 * The operations console (assessment's web face): server-rendered hono JSX pages, every one
 * scoped on the server by the viewer's role and region; drill-down city → county → department →
 * case, the red and yellow lists, monthly figures with charts, the quarterly bulletin, referrals,
 * the Excel download and the wall screen.
 */
export function consoleRoutes(context: AssessmentContext, options: ConsoleOptions): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.route("/console/assets", consoleAssets());
  app.get("/", (c) => c.redirect("/console", 302));

  app.get("/console/sign-in", async (c) => c.html(<SignInPage enabled={options.devSignIn} regions={(await listRegions(context.sql)).filter((region) => context.sourced.includes(region.slug))} />));
  app.post("/console/sign-in", async (c) => {
    if (!options.devSignIn) return c.text("development sign-in is off", 404);
    const form = await c.req.parseBody();
    const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
    const refused = await signIn(c, options.authSecret, { role: text("role"), region: text("region"), department: text("department"), name: text("name") }, options.maxTokenLifetimeSeconds);
    if (refused) return c.html(<SignInPage enabled regions={await listRegions(context.sql)} error={refused.message} />, 400);
    return c.redirect("/console", 303);
  });
  app.post("/console/sign-out", (c) => {
    signOut(c);
    return c.redirect("/console/sign-in", 303);
  });

  app.use("/console", requireViewer(context, options.tokens));
  app.use("/console/*", async (c, next) => (c.req.path.startsWith("/console/assets/") || c.req.path === "/console/sign-in" ? next() : requireViewer(context, options.tokens)(c, next)));
  app.onError((error, c) => {
    if (error instanceof AppErrorException) return c.text(`${statusOf[error.error.code] ?? 500} ${error.error.message}`, statusOf[error.error.code] ?? 500);
    throw error;
  });

  const frame = (c: Context<ConsoleEnv>, title: string, trail?: PageFrame["trail"]): PageFrame => ({
    title,
    viewer: c.get("viewer"),
    visibility: c.get("visibility"),
    regionName: (region) => regionName(context, region),
    ...(trail ? { trail } : {}),
  });
  const monthOf = (c: Context) => {
    const month = c.req.query("month") ?? today(context).slice(0, 7);
    if (!isMonth(month)) raise(invalidArgument([{ field: "month", description: "must be a month like 2026-03" }]));
    return month;
  };
  const namesOf = async () => {
    const names = await departmentNames(context);
    return (code: string) => names.get(code) ?? code;
  };
  const cityTrail = (c: Context<ConsoleEnv>) => (c.get("visibility").regions.length > 1 ? [{ href: "/console", text: "全市" }] : []);

  app.get("/console", async (c) => {
    const visibility = c.get("visibility");
    const month = monthOf(c);
    const [regions, lightRows, trendRows] = await Promise.all([monthlyFigures(context, visibility, month, "region"), lights(context, c.get("viewer")), trend(context, visibility, month, 6)]);
    const all = visibility.regions.map((region) => regions.find((f) => f.key === region) ?? totalOf([], region, region, month));
    const total = all.length > 1 ? totalOf(all, "total", context.region, month) : undefined;
    return c.html(<OverviewPage frame={frame(c, visibility.regions.length > 1 ? "全市总览" : `${regionName(context, visibility.regions[0]!)}总览`)} month={month} regions={all} {...(total ? { total } : {})} lights={lightRows} trend={trendRows} />);
  });

  app.get("/console/regions/:region", async (c) => {
    const region = c.req.param("region");
    const month = monthOf(c);
    const visibility = c.get("visibility");
    const [departments, lightRows, cases, departmentName] = await Promise.all([
      monthlyFigures(context, visibility, month, "department", visibility.regions.includes(region) ? [region] : raise(notVisible(region))),
      lights(context, c.get("viewer"), region),
      casesOf(context, c.get("viewer"), region),
      namesOf(),
    ]);
    return c.html(<RegionPage frame={frame(c, regionName(context, region), [...cityTrail(c), { text: regionName(context, region) }])} region={region} month={month} departments={departments} lights={lightRows} cases={cases} departmentName={departmentName} />);
  });

  app.get("/console/regions/:region/departments/:department", async (c) => {
    const region = c.req.param("region");
    const department = c.req.param("department");
    const month = monthOf(c);
    const visibility = c.get("visibility");
    if (visibility.department && visibility.department !== department) raise(notVisible(`${region}/${department}`));
    const [figures, lightRows, cases, departmentName] = await Promise.all([
      monthlyFigures(context, { ...visibility, department }, month, "department", visibility.regions.includes(region) ? [region] : raise(notVisible(region))),
      lights(context, c.get("viewer"), region),
      casesOf(context, c.get("viewer"), region),
      namesOf(),
    ]);
    const trail = [...cityTrail(c), { href: `/console/regions/${region}?month=${month}`, text: regionName(context, region) }, { text: departmentName(department) }];
    const mine = figures.find((f) => f.key === department);
    return c.html(
      <DepartmentPage
        frame={frame(c, `${regionName(context, region)} · ${departmentName(department)}`, trail)}
        month={month}
        {...(mine ? { figures: mine } : {})}
        lights={lightRows.filter((row) => row.departmentCode === department)}
        cases={cases.filter((kase) => kase.items > 0)}
        departmentName={departmentName}
      />,
    );
  });

  app.get("/console/regions/:region/cases/:caseId", async (c) => {
    const region = c.req.param("region");
    const [view, departmentName] = await Promise.all([caseView(context, c.get("viewer"), region, c.req.param("caseId")), namesOf()]);
    const trail = [...cityTrail(c), { href: `/console/regions/${region}`, text: regionName(context, region) }, { text: view.kase.projectName || view.kase.id }];
    return c.html(<CasePage frame={frame(c, view.kase.projectName || "案件", trail)} view={view} departmentName={departmentName} canRefer={c.get("visibility").canRefer} />);
  });

  app.get("/console/lights", async (c) => {
    const light = c.req.query("light") ?? "red";
    if (light !== "red" && light !== "yellow" && light !== "all") raise(invalidArgument([{ field: "light", description: "red, yellow or all" }]));
    const [rows, departmentName] = await Promise.all([lights(context, c.get("viewer")), namesOf()]);
    return c.html(<LightsPage frame={frame(c, "红黄牌")} light={light} rows={rows} departmentName={departmentName} />);
  });

  app.get("/console/figures", async (c) => {
    const visibility = c.get("visibility");
    const month = monthOf(c);
    const scope = (c.req.query("scope") ?? "region") as Scope;
    if (!scopes.includes(scope)) raise(invalidArgument([{ field: "scope", description: `one of ${scopes.join(", ")}` }]));
    const [rows, region, trendRows, departmentName] = await Promise.all([
      monthlyFigures(context, visibility, month, scope),
      monthlyFigures(context, visibility, month, "region"),
      trend(context, visibility, month, 6),
      namesOf(),
    ]);
    const nameOf = (f: Figures) => (scope === "region" ? regionName(context, f.key) : scope === "department" ? `${departmentName(f.key)}（${regionName(context, f.region)}）` : `${f.key}（${regionName(context, f.region)}）`);
    return c.html(<FiguresPage frame={frame(c, `月统计 ${month}`)} month={month} scope={scope} rows={rows} total={totalOf(region, "total", context.region, month)} trend={trendRows} nameOf={nameOf} />);
  });

  app.get("/console/bulletins", (c) => {
    // The latest finished quarter: the one a bulletin is being prepared or was published for.
    const current = quarterOfMonth(today(context).slice(0, 7));
    return c.redirect(`/console/bulletins/${previousQuarter(current)}`, 302);
  });
  app.get("/console/bulletins/:quarter", async (c) => {
    const quarter = c.req.param("quarter");
    const view = await bulletinOf(context, c.get("viewer"), quarter);
    const current = quarterOfMonth(today(context).slice(0, 7));
    const quarters = [...new Set([previousQuarter(current), ...(await publishedQuarters(context.sql, context.region)), quarter])].filter(isQuarter).sort().reverse().slice(0, 8);
    return c.html(
      <BulletinPage frame={frame(c, `${quarterLabel(quarter)}考评通报`)} view={view} quarters={quarters} canPublish={c.get("visibility").canAdminister} publishable={quarterEnded(quarter, today(context))} />,
    );
  });
  app.get("/console/bulletins/:quarter/print", async (c) => {
    const quarter = c.req.param("quarter");
    const view = await bulletinOf(context, c.get("viewer"), quarter);
    return c.html(<BulletinPrint view={view} title={`${regionName(context, context.region)}重点项目帮办代办工作${quarterLabel(quarter)}考评通报`} regionName={(region) => regionName(context, region)} />);
  });
  app.post("/console/bulletins/:quarter/publish", async (c) => {
    const quarter = c.req.param("quarter");
    await publishBulletin(context, c.get("viewer"), quarter);
    return c.redirect(`/console/bulletins/${quarter}`, 303);
  });

  const referralsPage = async (c: Context<ConsoleEnv>, error?: string) => {
    const visibility = c.get("visibility");
    const [referrals, complaints, departmentName] = await Promise.all([referralsOf(context, c.get("viewer")), recentComplaints(context.sql, visibility.regions), namesOf()]);
    return c.html(
      <ReferralsPage
        frame={frame(c, "作风问责移交")}
        referrals={referrals}
        complaints={complaints.filter((complaint) => !referrals.some((referral) => referral.complaintId === complaint.complaintId))}
        canRefer={visibility.canRefer}
        canAdminister={visibility.canAdminister}
        departmentName={departmentName}
        {...(error ? { error } : {})}
      />,
      error ? 400 : 200,
    );
  };
  app.get("/console/referrals", (c) => referralsPage(c));
  app.post("/console/referrals", async (c) => {
    const form = await c.req.parseBody();
    const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
    try {
      await raiseReferral(context, c.get("viewer"), {
        source: text("source"),
        caseRegion: text("caseRegion"),
        caseId: text("caseId"),
        itemId: text("itemId"),
        complaintId: text("complaintId"),
        reviewId: text("reviewId"),
        reason: text("reason"),
        requestId: text("requestId"),
      });
    } catch (error) {
      if (error instanceof AppErrorException && error.error.code !== "permission_denied") return referralsPage(c, `未能移交：${error.error.message}`);
      throw error;
    }
    return c.redirect("/console/referrals", 303);
  });
  app.post("/console/referrals/:id", async (c) => {
    const form = await c.req.parseBody();
    const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
    try {
      await updateReferralStatus(context, c.get("viewer"), { referralId: c.req.param("id"), status: text("status"), outcome: text("outcome"), note: text("note") });
    } catch (error) {
      if (error instanceof AppErrorException && error.error.code !== "permission_denied") return referralsPage(c, `未能记录：${error.error.message}`);
      throw error;
    }
    return c.redirect("/console/referrals", 303);
  });

  app.get("/console/export.xlsx", async (c) => {
    const visibility = c.get("visibility");
    const quarterAsked = c.req.query("quarter");
    if (quarterAsked !== undefined && !isQuarter(quarterAsked)) raise(invalidArgument([{ field: "quarter", description: "must be a quarter like 2026-Q1" }]));
    const month = quarterAsked ? undefined : monthOf(c);
    const months = quarterAsked ? monthsOf(quarterAsked) : [month!];
    const [regions, departments, stewards, lightRows, departmentName, bulletin] = await Promise.all([
      figuresOverMonths(context, visibility, months, "region"),
      figuresOverMonths(context, visibility, months, "department"),
      figuresOverMonths(context, visibility, months, "steward"),
      lights(context, c.get("viewer")),
      namesOf(),
      bulletinOf(context, c.get("viewer"), quarterAsked ?? previousQuarter(quarterOfMonth(month!))),
    ]);
    const period = quarterAsked ?? month!;
    const body = await consoleWorkbook({ month: period, regions, departments, stewards, lights: lightRows, bulletin, regionName: (region) => regionName(context, region), departmentName });
    return c.body(new Uint8Array(body), 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="steward-${period}.xlsx"; filename*=UTF-8''${encodeURIComponent(`项目管家统计-${period}.xlsx`)}`,
    });
  });

  app.get("/console/wall", async (c) => {
    const visibility = c.get("visibility");
    const month = today(context).slice(0, 7);
    const [regions, lightRows] = await Promise.all([monthlyFigures(context, visibility, month, "region"), lights(context, c.get("viewer"))]);
    const all = visibility.regions.map((region) => regions.find((f) => f.key === region) ?? totalOf([], region, region, month));
    return c.html(
      <WallPage frame={frame(c, `${visibility.regions.length > 1 ? "全市" : regionName(context, visibility.regions[0]!)}重点项目帮办代办实时大屏`)} month={month} regions={all} total={totalOf(all, "total", context.region, month)} lights={lightRows} refreshSeconds={options.wallRefreshSeconds} at={context.now()} />,
    );
  });
  return app;
}

const notVisible = (what: string) => ({ code: "permission_denied" as const, message: `${what} is not visible to you`, reason: "REGION_NOT_VISIBLE" as const });
