import { randomBytes, randomUUID } from "node:crypto";
import { Client, credentials, status, type ServiceError } from "@grpc/grpc-js";
import { grpcAccess, httpAccess, roles, type AccessRule, type Principal, type PublicRule } from "@steward/platform/auth";
import { createClient } from "@steward/platform/grpc";
import { notificationV1, routingCatalogueV1, routingLinkV1, routingV1 } from "@steward/proto";
import { createTestDatabase, eventually, ledgerSigningKeyFile, serviceDatabaseEnv, spawnService, stack, testAuthSecret, uniqueRegion, type ServiceProcess, type TestDatabase } from "@steward/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signing } from "./agreement-flow.js";
import { openServerStream } from "./department-client/stream.js";
import { startPlatform, type PlatformClients, type RunningPlatform } from "./platform.js";
import { deleteRegionStreams } from "./streams.js";

/**
 * The BOLA matrix (issue 8, finding 11), generated from the access table: every RPC and HTTP route
 * the table declares, called by every role of two regions — two enterprises, two departments (and
 * two liaisons) each — on an object of one enterprise and one department of region A. The table
 * says who may call and with which scope; from it each cell's answer follows: the owner (or, with
 * the region scope, any caller the table allows) succeeds; a role the table does not allow, and
 * every caller of the other region, gets PERMISSION_DENIED; an allowed caller reaching for an
 * object that is not its own gets NOT_FOUND (a list leaves it out). Refused writes run first on
 * the object the owner's write then succeeds on, so a refused write that changed anything fails it.
 *
 * Region A is a county with every service; region B is its city, with approval-routing, where the
 * city-only actions (ForwardItem, UpsertCatalogueItem) are called.
 */

const creditCodes = { E1: "91610900MA70000010", E2: "91610900MA70000023" } as const;
/** D1's item offers every gateway action (容缺, 告知承诺, an excludable expert review); D2's is consulted. */
const departments = { D1: "sthj", D2: "zrzy" } as const;
const itemOf = { sthj: "STHJ-HPB", zrzy: "ZRZY-YDYS" } as const;
/** GB 32100-2015: the check character of a unified social credit code over its first 17. */
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function freshCreditCode(): string {
  const body = `91610900MA7${Array.from(randomBytes(6), (byte) => creditAlphabet[byte % 31]).join("")}`;
  const sum = [...body].reduce((total, char, index) => total + creditAlphabet.indexOf(char) * creditWeights[index]!, 0);
  return `${body}${creditAlphabet[(31 - (sum % 31)) % 31]}`;
}

/** An item of city jurisdiction: a county forwards it to the city. */
const cityItem = { itemCode: "FGW-JN", departmentCode: "fgw" };

/** The single entry of a batch call's answer; its refusal thrown as the single call would throw it. */
function onlyEntry(answer: { results: routingV1.ItemResult[] }): routingV1.ItemResult {
  const [result] = answer.results;
  if (result?.status?.code) throw Object.assign(new Error(result.status.message), { code: result.status.code });
  return result!;
}

type Outcome = "OK" | "PERMISSION_DENIED" | "NOT_FOUND" | "HIDDEN" | "UNAUTHENTICATED" | "INVALID_ARGUMENT" | "FAILED_PRECONDITION" | "ALREADY_EXISTS" | string;

interface Caller {
  name: string;
  principal: Principal;
  token: string;
  /** Region A's services with this caller's token. */
  a: PlatformClients;
  /** Region B's routing with this caller's token. */
  b: { catalogue: PlatformClients["catalogue"]; link: PlatformClients["link"] };
}

/** Whose object an operation acts on: an enterprise's credit code, a department (region A either way). */
interface Owner {
  creditCode: string;
  department: string;
}

interface Operation<T = unknown> {
  /** The table's key, e.g. "/steward.intake.v1.IntakeService/RegisterProject" or "intake POST /v1/projects". */
  action: string;
  /** The region whose service answers (default A). */
  region?: "A" | "B";
  /** Another owner than E1 / D1 (an answer belongs to the consulted department). */
  owner?: Partial<Owner>;
  /**
   * The object: made once for the refusals and the first success, and again for each further
   * success of a write, for `who` (a steward answers a complaint sent to the bureau, say).
   */
  prepare(owner: Owner, who?: Caller): Promise<T>;
  /** Calls it; resolves with what a list returned (ids), or anything for the rest. */
  call(caller: Caller, target: T): Promise<unknown>;
  /** For lists: whether the answer shows the target. */
  shows?(answer: unknown, target: T): boolean;
  /**
   * What an allowed caller gets for an object that is not its own, when it is not NOT_FOUND: a
   * creation under another's credit code (there is nothing to be "not found"), a plan review by a
   * liaison not named for it (the agreement itself is the region's to read).
   */
  nonOwner?: Outcome;
  /** For creations: nothing of the refused calls was written. */
  untouched?(target: T): Promise<boolean>;
}

describe("access matrix: every role × every action × two regions, enterprises and departments", () => {
  const regionB = uniqueRegion("city");
  let platform: RunningPlatform;
  let cityDb: TestDatabase;
  let cityRouting: ServiceProcess;
  const callers: Caller[] = [];
  const byName = new Map<string, Caller>();
  const caller = (name: string) => byName.get(name)!;
  const regionOf = (which: "A" | "B") => (which === "A" ? platform.region : regionB);

  beforeAll(async () => {
    cityDb = await createTestDatabase(`${regionB}_routing`);
    cityRouting = await spawnService("approval-routing", {
      STEWARD_REGION: regionB,
      ...serviceDatabaseEnv(cityDb),
      STEWARD_NATS_URL: stack.natsUrl,
      STEWARD_AUTH_SECRET: testAuthSecret,
      STEWARD_LEDGER_SIGNING_KEY_FILE: ledgerSigningKeyFile(),
      STEWARD_CITY_REGION: regionB,
    });
    platform = await startPlatform({
      env: { STEWARD_CITY_REGION: regionB, STEWARD_REGION_ROUTING_ADDRESSES: `${regionB}=127.0.0.1:${cityRouting.grpcPort}` },
    });
    const cityAddress = `127.0.0.1:${cityRouting.grpcPort}`;
    for (const which of ["A", "B"] as const) {
      const region = regionOf(which);
      const principals: [string, Omit<Principal, "region">][] = [
        ["E1", { subject: "enterprise-1", role: "enterprise", creditCode: creditCodes.E1 }],
        ["E2", { subject: "enterprise-2", role: "enterprise", creditCode: creditCodes.E2 }],
        ["steward", { subject: "steward-1", role: "steward" }],
        ["liaison-D1", { subject: "liaison-1", role: "liaison", department: departments.D1 }],
        ["liaison-D2", { subject: "liaison-2", role: "liaison", department: departments.D2 }],
        ["department-D1", { subject: `${departments.D1}-system`, role: "department", department: departments.D1 }],
        ["department-D2", { subject: `${departments.D2}-system`, role: "department", department: departments.D2 }],
        ["admin", { subject: "admin-1", role: "admin" }],
        ["operator", { subject: "operator-1", role: "operator" }],
        ["service", { subject: "service:test", role: "service" }],
      ];
      for (const [name, principal] of principals) {
        const full: Principal = { ...principal, region };
        const token = await platform.token(full);
        const options = { address: cityAddress, token: () => token, defaultDeadlineMs: 10_000 };
        const entry: Caller = {
          name: `${name}@${which}`,
          principal: full,
          token,
          a: platform.clients(token),
          b: { catalogue: createClient(routingCatalogueV1.CatalogueServiceService, options), link: createClient(routingLinkV1.RegionLinkServiceService, options) },
        };
        callers.push(entry);
        byName.set(entry.name, entry);
      }
    }
    expect(callers).toHaveLength(20);
    await caller("admin@A").a.agreement.registerSteward({ stewardId: "steward-1", name: "李管家" });
    expect(new Set(callers.map((entry) => entry.principal.role))).toEqual(new Set(roles));
  });

  afterAll(async () => {
    for (const entry of callers) {
      entry.a.close();
      entry.b.catalogue.close();
      entry.b.link.close();
    }
    await platform?.stop();
    await cityRouting?.stop();
    await cityDb?.drop();
    await deleteRegionStreams([regionB], regionB);
  });

  // ---- fixtures, made by region A's staff and departments ----
  const steward = () => caller("steward@A").a;
  const admin = () => caller("admin@A").a;
  const department = (code: string) => caller(`department-${code === departments.D1 ? "D1" : "D2"}@A`).a;
  const requestId = () => `matrix-${randomUUID()}`;
  const unique = () => randomUUID().slice(0, 8);
  /** The steward and liaisons the callers are: the project team of every agreement made here. */
  const stewardId = "steward-1";
  const liaisonOf = { [departments.D1]: "liaison-1", [departments.D2]: "liaison-2" } as Record<string, string>;

  const registration = (creditCode: string) => ({
    name: `权限矩阵项目 ${unique()}`,
    enterpriseName: "矩阵测试有限公司",
    creditCode,
    investmentCode: "",
    investmentWanYuan: 100,
    industryChain: "",
    contactName: "赵六",
    contactPhone: "13800000009",
    investmentWanYuanExact: "",
    keyProject: false,
    divisionCode: "",
  });
  const httpRegistration = (creditCode: string) => ({ name: `权限矩阵项目 ${unique()}`, enterpriseName: "矩阵测试有限公司", creditCode, investmentWanYuan: "100", contactName: "赵六", contactPhone: "13800000009" });
  /** A project registered over HTTP by the steward: its id, its enterprise's and its version. */
  const project = async (creditCode: string) => (await http(caller("steward@A"), "POST", "/v1/projects", httpRegistration(creditCode))) as { id: string; enterpriseId: string; version: number; name: string };
  const enterpriseRecord = async (creditCode: string) => {
    const { enterpriseId } = await project(creditCode);
    return (await http(caller("steward@A"), "GET", `/v1/enterprises/${enterpriseId}`)) as { id: string; version: number };
  };
  const agreement = async (creditCode: string) => {
    const { id: projectId } = await project(creditCode);
    return eventually(async () => (await admin().agreement.listAgreements({ projectId, pageSize: 1, pageToken: "", stewardId: "", status: 0 })).agreements[0], "a draft agreement");
  };
  const signed = async (creditCode: string) => {
    const draft = await agreement(creditCode);
    await admin().agreement.signAgreement(signing(draft.id));
    return draft;
  };
  /** Signed, with the callers' steward assigned. */
  const staffed = async (creditCode: string) => {
    const draft = await signed(creditCode);
    await admin().agreement.assignSteward({ agreementId: draft.id, stewardId, note: "" });
    return draft;
  };
  /** A plan of one item of `departmentCode`, drafted by the steward, with the department's liaison named. */
  const drafted = async (creditCode: string, departmentCode: string = departments.D1) => {
    const draft = await staffed(creditCode);
    const { plan } = await steward().agreement.draftPlan({
      agreementId: draft.id,
      selectionCode: "",
      items: [{ itemCode: itemOf[departmentCode as keyof typeof itemOf], departmentCode, itemName: "", stage: "", targetDate: "" }],
      targetDates: {},
      excludedItemCodes: [],
      satisfiedPrerequisites: [],
    });
    await admin().agreement.assignLiaison({ agreementId: draft.id, departmentCode, liaisonId: liaisonOf[departmentCode]!, liaisonName: "联络员" });
    return { agreementId: draft.id, projectId: draft.projectId, version: plan!.version };
  };
  const reviewed = async (creditCode: string) => {
    const plan = await drafted(creditCode);
    await caller("liaison-D1@A").a.agreement.reviewPlan({ agreementId: plan.agreementId, version: plan.version, approve: true, reason: "" });
    return plan;
  };
  /** Approved and accepted by routing: its case is open. */
  const accepted = async (creditCode: string) => {
    const plan = await reviewed(creditCode);
    await steward().agreement.approvePlan({ agreementId: plan.agreementId, version: plan.version, items: [] });
    await eventually(() => admin().agreement.getPlanProgress({ agreementId: plan.agreementId }).catch(() => undefined), "routing's case for the plan");
    return plan;
  };
  /** A project whose plan routing accepted, once intake has heard of its case. */
  const projectWithCase = async (creditCode: string) => {
    const { projectId } = await accepted(creditCode);
    await eventually(() => http(caller("steward@A"), "GET", `/v1/projects/${projectId}/progress`).catch(() => undefined), "intake's view of the case");
    return { id: projectId };
  };
  const registeredSteward = async () => {
    const id = `steward-${unique()}`;
    await admin().agreement.registerSteward({ stewardId: id, name: "王管家" });
    return id;
  };

  const plan = (items: { itemCode: string; departmentCode: string }[]) => ({ planId: randomUUID(), planVersion: 1, projectId: randomUUID(), projectName: "权限矩阵案件", creditCode: creditCodes.E1, items, satisfiedPrerequisites: [] });
  const caseOf = async (items: { itemCode: string; departmentCode: string }[]) => (await steward().routing.submitPlan(plan(items))).case!;
  const routedItem = async (code: string) => (await caseOf([{ itemCode: itemOf[code as keyof typeof itemOf], departmentCode: code }])).items[0]!;
  const acceptedItem = async (code: string, mode = routingV1.ProcessingMode.PROCESSING_MODE_NORMAL) => {
    const item = await routedItem(code);
    await department(code).gateway.acceptItem({ itemId: item.id, requestId: requestId(), mode, missingMaterials: [], commitmentRef: mode === routingV1.ProcessingMode.PROCESSING_MODE_COMMITMENT ? "承诺书-001" : "" });
    return item;
  };
  // Flagged once its clock runs, so the joint meeting can extend it.
  const escalation = async () => (await steward().routing.flagBlocked({ itemId: (await acceptedItem(departments.D1)).id, reason: "用地指标未落实" })).escalation!;

  const serviceRequest = async (creditCode: string) => {
    const { id } = await project(creditCode);
    return (await http(caller("steward@A"), "POST", `/v1/projects/${id}/requests`, { category: "approval", title: "询问审批进度", content: "请告知用地预审进度" })) as { id: string };
  };
  /** A complaint about a project of `creditCode`, answered by `departmentCodes`' (one: that department; several: the bureau). */
  const complaint = async (creditCode: string, departmentCodes: string[]) => {
    const { id } = await project(creditCode);
    return (await http(caller("steward@A"), "POST", "/v1/complaints", { channel: "online", projectId: id, departments: departmentCodes, title: "补正要求反复", content: "补正材料没有一次性告知" })) as { id: string };
  };
  /** A 12345 ticket about a project of `creditCode`, for `departmentCode` to answer. */
  const ticket = async (creditCode: string, departmentCode: string) => {
    const { id } = await project(creditCode);
    const sent = await platform.hotline.send(`http://127.0.0.1:${platform.services.intake.httpPort}`, {
      type: "ticket.created",
      ticket: { ticketNo: `HL-${unique()}`, tier: "general", receivedAt: new Date().toISOString(), title: "企业来电", content: "反映审批进度", projectId: id, department: departmentCode },
    });
    expect(sent.status).toBe(200);
    return { id: ((await sent.json()) as { ticketId: string }).ticketId, projectId: id };
  };
  const isStaff = (who?: Caller) => who !== undefined && who.principal.role !== "enterprise";

  // ---- every action the table declares, with how to reach an object of it ----
  // Each operation has its own kind of object; the list holds them all.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const operations: Operation<any>[] = [
    {
      // First, before any fixture registers E1's enterprise: staff register fresh ones.
      action: "intake POST /v1/enterprises",
      nonOwner: "PERMISSION_DENIED",
      prepare: async (owner, who) => ({ creditCode: isStaff(who) ? freshCreditCode() : owner.creditCode, name: `矩阵企业 ${unique()}` }),
      call: (c, body) => http(c, "POST", "/v1/enterprises", body),
      untouched: async (body) => (await countRows("intake", "enterprises", "name", body.name)) === 0,
    },
    {
      action: "intake GET /v1/enterprises",
      prepare: (owner) => enterpriseRecord(owner.creditCode),
      call: (c) => http(c, "GET", `/v1/enterprises?pageSize=200`),
      shows: (answer, record) => (answer as { items: { id: string }[] }).items.some((item) => item.id === record.id),
    },
    { action: "intake GET /v1/enterprises/:id", prepare: (owner) => enterpriseRecord(owner.creditCode), call: (c, record) => http(c, "GET", `/v1/enterprises/${record.id}`) },
    {
      action: "intake PATCH /v1/enterprises/:id",
      prepare: (owner) => enterpriseRecord(owner.creditCode),
      call: async (c, record) => http(c, "PATCH", `/v1/enterprises/${record.id}`, { version: ((await http(caller("steward@A"), "GET", `/v1/enterprises/${record.id}`)) as { version: number }).version, address: `安康市汉滨区 ${unique()}` }),
    },
    {
      action: "/steward.intake.v1.IntakeService/RegisterProject",
      nonOwner: "PERMISSION_DENIED",
      prepare: async (owner) => registration(owner.creditCode),
      call: (c, reg) => c.a.intake.registerProject(reg),
      untouched: async (reg) => (await countRows("intake", "projects", "name", reg.name)) === 0,
    },
    { action: "/steward.intake.v1.IntakeService/GetProject", prepare: (owner) => project(owner.creditCode), call: (c, p) => c.a.intake.getProject({ id: p.id }) },
    {
      action: "intake POST /v1/projects",
      nonOwner: "PERMISSION_DENIED",
      prepare: async (owner) => httpRegistration(owner.creditCode),
      call: (c, reg) => http(c, "POST", "/v1/projects", reg),
      untouched: async (reg) => (await countRows("intake", "projects", "name", reg.name)) === 0,
    },
    {
      action: "intake GET /v1/projects",
      prepare: (owner) => project(owner.creditCode),
      call: (c, p) => http(c, "GET", `/v1/projects?q=${encodeURIComponent(p.name)}`),
      shows: (answer, p) => (answer as { items: { id: string }[] }).items.some((item) => item.id === p.id),
    },
    { action: "intake GET /v1/projects/:id", prepare: (owner) => project(owner.creditCode), call: (c, p) => http(c, "GET", `/v1/projects/${p.id}`) },
    {
      action: "intake PATCH /v1/projects/:id",
      prepare: (owner) => project(owner.creditCode),
      call: async (c, p) => http(c, "PATCH", `/v1/projects/${p.id}`, { version: ((await http(caller("steward@A"), "GET", `/v1/projects/${p.id}`)) as { version: number }).version, industryChain: `富硒食品 ${unique()}` }),
    },
    { action: "intake GET /v1/projects/:id/history", prepare: (owner) => project(owner.creditCode), call: (c, p) => http(c, "GET", `/v1/projects/${p.id}/history`) },
    { action: "intake GET /v1/projects/:id/progress", prepare: (owner) => projectWithCase(owner.creditCode), call: (c, p) => http(c, "GET", `/v1/projects/${p.id}/progress`) },
    {
      action: "intake POST /v1/projects/:id/requests",
      prepare: (owner) => project(owner.creditCode),
      call: (c, p) => http(c, "POST", `/v1/projects/${p.id}/requests`, { category: "policy", title: "惠企政策咨询", content: "可享受哪些政策" }),
    },
    {
      action: "intake GET /v1/requests",
      prepare: (owner) => serviceRequest(owner.creditCode),
      call: (c) => http(c, "GET", "/v1/requests?pageSize=200"),
      shows: (answer, request) => (answer as { items: { id: string }[] }).items.some((item) => item.id === request.id),
    },
    { action: "intake GET /v1/requests/:id", prepare: (owner) => serviceRequest(owner.creditCode), call: (c, request) => http(c, "GET", `/v1/requests/${request.id}`) },
    { action: "intake POST /v1/requests/:id/answer", prepare: (owner) => serviceRequest(owner.creditCode), call: (c, request) => http(c, "POST", `/v1/requests/${request.id}/answer`, { answer: "已转审批科室" }) },
    {
      // Another enterprise's project is refused as unreachable, exactly as one that does not exist.
      action: "intake POST /v1/complaints",
      nonOwner: "INVALID_ARGUMENT",
      prepare: (owner) => project(owner.creditCode),
      call: (c, p) => http(c, "POST", "/v1/complaints", { channel: "online", projectId: p.id, departments: [departments.D1], title: "办不成事", content: "环评受理迟迟没有回音" }),
    },
    {
      action: "intake GET /v1/complaints",
      prepare: (owner) => complaint(owner.creditCode, [owner.department]),
      call: (c) => http(c, "GET", "/v1/complaints?pageSize=200"),
      shows: (answer, filed) => (answer as { items: { id: string }[] }).items.some((item) => item.id === filed.id),
    },
    { action: "intake GET /v1/complaints/:id", prepare: (owner) => complaint(owner.creditCode, [owner.department]), call: (c, filed) => http(c, "GET", `/v1/complaints/${filed.id}`) },
    {
      // A department answers its own; a complaint to several goes to the bureau, which a steward answers for.
      action: "intake POST /v1/complaints/:id/answer",
      prepare: (owner, who) => complaint(owner.creditCode, who?.principal.role === "steward" ? [departments.D1, departments.D2] : [owner.department]),
      call: (c, filed) => http(c, "POST", `/v1/complaints/${filed.id}/answer`, { answer: "已一次性告知全部补正材料" }),
    },
    { action: "intake POST /v1/complaints/:id/escalate", prepare: (owner) => complaint(owner.creditCode, [owner.department]), call: (c, filed) => http(c, "POST", `/v1/complaints/${filed.id}/escalate`, { reason: "久拖不决" }) },
    {
      action: "intake GET /v1/hotline-tickets",
      prepare: (owner) => ticket(owner.creditCode, owner.department),
      call: (c) => http(c, "GET", "/v1/hotline-tickets?pageSize=200"),
      shows: (answer, filed) => (answer as { items: { id: string }[] }).items.some((item) => item.id === filed.id),
    },
    { action: "intake GET /v1/hotline-tickets/:id", prepare: (owner) => ticket(owner.creditCode, owner.department), call: (c, filed) => http(c, "GET", `/v1/hotline-tickets/${filed.id}`) },
    { action: "intake POST /v1/hotline-tickets/:id/link", prepare: (owner) => ticket(owner.creditCode, owner.department), call: (c, filed) => http(c, "POST", `/v1/hotline-tickets/${filed.id}/link`, { projectId: filed.projectId }) },
    { action: "intake POST /v1/hotline-tickets/:id/answer", prepare: (owner) => ticket(owner.creditCode, owner.department), call: (c, filed) => http(c, "POST", `/v1/hotline-tickets/${filed.id}/answer`, { answer: "已协调办理" }) },

    { action: "/steward.agreement.v1.AgreementService/GetAgreement", prepare: (owner) => agreement(owner.creditCode), call: (c, ag) => c.a.agreement.getAgreement({ id: ag.id }) },
    {
      action: "/steward.agreement.v1.AgreementService/ListAgreements",
      prepare: (owner) => agreement(owner.creditCode),
      call: (c, ag) => c.a.agreement.listAgreements({ projectId: ag.projectId, pageSize: 50, pageToken: "", stewardId: "", status: 0 }),
      shows: (answer, ag) => (answer as { agreements: { id: string }[] }).agreements.some((candidate) => candidate.id === ag.id),
    },
    { action: "/steward.agreement.v1.AgreementService/SignAgreement", prepare: (owner) => agreement(owner.creditCode), call: (c, ag) => c.a.agreement.signAgreement(signing(ag.id)) },
    { action: "/steward.agreement.v1.AgreementService/TerminateAgreement", prepare: (owner) => signed(owner.creditCode), call: (c, ag) => c.a.agreement.terminateAgreement({ agreementId: ag.id, reason: "企业撤回项目" }) },
    { action: "/steward.agreement.v1.AgreementService/RegisterSteward", prepare: async () => `steward-${unique()}`, call: (c, id) => c.a.agreement.registerSteward({ stewardId: id, name: "张管家" }) },
    { action: "/steward.agreement.v1.AgreementService/ListStewards", prepare: async () => undefined, call: (c) => c.a.agreement.listStewards({ includeRetired: false }) },
    { action: "/steward.agreement.v1.AgreementService/RetireSteward", prepare: () => registeredSteward(), call: (c, id) => c.a.agreement.retireSteward({ stewardId: id, reason: "调离" }) },
    { action: "/steward.agreement.v1.AgreementService/SuggestSteward", prepare: (owner) => signed(owner.creditCode), call: (c, ag) => c.a.agreement.suggestSteward({ agreementId: ag.id }) },
    { action: "/steward.agreement.v1.AgreementService/AssignSteward", prepare: (owner) => signed(owner.creditCode), call: (c, ag) => c.a.agreement.assignSteward({ agreementId: ag.id, stewardId, note: "" }) },
    { action: "/steward.agreement.v1.AgreementService/ReleaseSteward", prepare: (owner) => staffed(owner.creditCode), call: (c, ag) => c.a.agreement.releaseSteward({ agreementId: ag.id, reason: "项目暂缓" }) },
    {
      action: "/steward.agreement.v1.AgreementService/AssignLiaison",
      prepare: (owner) => signed(owner.creditCode),
      call: (c, ag) => c.a.agreement.assignLiaison({ agreementId: ag.id, departmentCode: departments.D1, liaisonId: liaisonOf[departments.D1]!, liaisonName: "联络员" }),
    },
    { action: "/steward.agreement.v1.AgreementService/GetTeam", prepare: (owner) => staffed(owner.creditCode), call: (c, ag) => c.a.agreement.getTeam({ agreementId: ag.id }) },
    {
      action: "/steward.agreement.v1.AgreementService/DraftPlan",
      prepare: (owner) => staffed(owner.creditCode),
      call: (c, ag) => c.a.agreement.draftPlan({ agreementId: ag.id, selectionCode: "", items: [{ itemCode: itemOf.sthj, departmentCode: "sthj", itemName: "", stage: "", targetDate: "" }], targetDates: {}, excludedItemCodes: [], satisfiedPrerequisites: [] }),
    },
    {
      // The agreement is the region's to read; only the liaison named for the plan's department reviews it.
      action: "/steward.agreement.v1.AgreementService/ReviewPlan",
      nonOwner: "PERMISSION_DENIED",
      prepare: (owner) => drafted(owner.creditCode, owner.department),
      call: (c, p) => c.a.agreement.reviewPlan({ agreementId: p.agreementId, version: p.version, approve: true, reason: "" }),
    },
    { action: "/steward.agreement.v1.AgreementService/ApprovePlan", prepare: (owner) => reviewed(owner.creditCode), call: (c, p) => c.a.agreement.approvePlan({ agreementId: p.agreementId, version: p.version, items: [] }) },
    { action: "/steward.agreement.v1.AgreementService/GetPlan", prepare: (owner) => drafted(owner.creditCode), call: (c, p) => c.a.agreement.getPlan({ agreementId: p.agreementId, version: 0 }) },
    { action: "/steward.agreement.v1.AgreementService/ListPlanVersions", prepare: (owner) => drafted(owner.creditCode), call: (c, p) => c.a.agreement.listPlanVersions({ agreementId: p.agreementId }) },
    { action: "/steward.agreement.v1.AgreementService/GetPlanProgress", prepare: (owner) => accepted(owner.creditCode), call: (c, p) => c.a.agreement.getPlanProgress({ agreementId: p.agreementId }) },
    { action: "/steward.routing.v1.RoutingService/SubmitPlan", prepare: async () => plan([{ itemCode: itemOf.sthj, departmentCode: "sthj" }]), call: (c, p) => c.a.routing.submitPlan(p) },
    { action: "/steward.routing.v1.RoutingService/GetCase", prepare: () => caseOf([{ itemCode: itemOf.sthj, departmentCode: "sthj" }]), call: (c, k) => c.a.routing.getCase({ id: k.id }) },
    {
      action: "/steward.routing.v1.RoutingService/ListCases",
      prepare: async () => undefined,
      call: (c) => c.a.routing.listCases({ status: routingV1.CaseStatus.CASE_STATUS_UNSPECIFIED, projectId: "", overdueOnly: false, pageSize: 10, pageToken: "" }),
    },
    {
      action: "/steward.routing.v1.RoutingService/FindCase",
      prepare: () => caseOf([{ itemCode: itemOf.sthj, departmentCode: "sthj" }]),
      call: (c, k) => c.a.routing.findCase({ key: { $case: "planId", value: k.planId } }),
    },
    { action: "/steward.routing.v1.RoutingService/FlagBlocked", prepare: () => routedItem(departments.D1), call: (c, item) => c.a.routing.flagBlocked({ itemId: item.id, reason: "材料卡在审批前" }) },
    { action: "/steward.routing.v1.RoutingService/ListEscalations", prepare: () => escalation(), call: (c) => c.a.routing.listEscalations({ openOnly: false, pageSize: 50, pageToken: "" }) },
    {
      action: "/steward.routing.v1.RoutingService/ResolveEscalation",
      prepare: () => escalation(),
      call: (c, e) => c.a.routing.resolveEscalation({ escalationId: e.id, reason: "联席会议同意延期", resolution: { $case: "extendWorkingDays", value: 5 } }),
    },
    { action: "/steward.routing.v1.RoutingService/GetCaseLedger", prepare: () => caseOf([{ itemCode: itemOf.sthj, departmentCode: "sthj" }]), call: (c, k) => c.a.routing.getCaseLedger({ caseId: k.id }) },
    { action: "/steward.routing.v1.RoutingService/VerifyLedger", prepare: () => caseOf([{ itemCode: itemOf.sthj, departmentCode: "sthj" }]), call: (c, k) => c.a.routing.verifyLedger({ caseId: k.id }) },

    {
      action: "/steward.routing.v1.DepartmentGatewayService/ListAssignments",
      prepare: (owner) => routedItem(owner.department),
      call: (c) => c.a.gateway.listAssignments({ pageSize: 500, pageToken: "" }),
      shows: (answer, item) => (answer as { items: { id: string }[] }).items.some((candidate) => candidate.id === item.id),
    },
    {
      action: "/steward.routing.v1.DepartmentGatewayService/WatchAssignments",
      prepare: (owner) => routedItem(owner.department),
      call: (c) => watch(c),
      shows: (answer, item) => (answer as string[]).includes(item.id),
    },
    {
      action: "/steward.routing.v1.DepartmentGatewayService/AcceptItem",
      prepare: (owner) => routedItem(owner.department),
      call: (c, item) => c.a.gateway.acceptItem({ itemId: item.id, requestId: requestId(), mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" }),
    },
    {
      action: "/steward.routing.v1.DepartmentGatewayService/RequestSupplement",
      prepare: (owner) => acceptedItem(owner.department),
      call: (c, item) => c.a.gateway.requestSupplement({ itemId: item.id, requestId: requestId(), materials: ["环评报告表"], reason: "缺环评报告表" }),
    },
    {
      action: "/steward.routing.v1.DepartmentGatewayService/RecordSupplement",
      prepare: async (owner) => {
        const item = await acceptedItem(owner.department);
        await department(owner.department).gateway.requestSupplement({ itemId: item.id, requestId: requestId(), materials: ["环评报告表"], reason: "缺环评报告表" });
        return item;
      },
      call: (c, item) => c.a.gateway.recordSupplement({ itemId: item.id, requestId: requestId(), materials: ["环评报告表"] }),
    },
    {
      action: "/steward.routing.v1.DepartmentGatewayService/DecideItem",
      prepare: (owner) => acceptedItem(owner.department),
      call: (c, item) => c.a.gateway.decideItem({ itemId: item.id, requestId: requestId(), decision: routingV1.Decision.DECISION_APPROVE, reason: "材料齐全", documentRefs: [] }),
    },
    {
      // A batch call answers OK with a status per entry: the entry's refusal is the cell's outcome.
      action: "/steward.routing.v1.DepartmentGatewayService/AcceptItems",
      prepare: (owner) => routedItem(owner.department),
      call: async (c, item) =>
        onlyEntry(await c.a.gateway.acceptItems({ entries: [{ itemId: item.id, requestId: requestId(), mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" }] })),
    },
    {
      action: "/steward.routing.v1.DepartmentGatewayService/DecideItems",
      prepare: (owner) => acceptedItem(owner.department),
      call: async (c, item) =>
        onlyEntry(await c.a.gateway.decideItems({ entries: [{ itemId: item.id, requestId: requestId(), decision: routingV1.Decision.DECISION_APPROVE, reason: "材料齐全", documentRefs: [] }] })),
    },
    {
      action: "/steward.routing.v1.DepartmentGatewayService/PauseClock",
      prepare: (owner) => acceptedItem(owner.department),
      call: (c, item) => c.a.gateway.pauseClock({ itemId: item.id, requestId: requestId(), kind: "expert_review", reason: "专家评审" }),
    },
    {
      action: "/steward.routing.v1.DepartmentGatewayService/ResumeClock",
      prepare: async (owner) => {
        const item = await acceptedItem(owner.department);
        await department(owner.department).gateway.pauseClock({ itemId: item.id, requestId: requestId(), kind: "expert_review", reason: "专家评审" });
        return item;
      },
      call: (c, item) => c.a.gateway.resumeClock({ itemId: item.id, requestId: requestId() }),
    },
    {
      action: "/steward.routing.v1.DepartmentGatewayService/RecordVerification",
      prepare: (owner) => acceptedItem(owner.department, routingV1.ProcessingMode.PROCESSING_MODE_COMMITMENT),
      call: (c, item) => c.a.gateway.recordVerification({ itemId: item.id, requestId: requestId(), commitmentTrue: true, reason: "" }),
    },
    {
      action: "/steward.routing.v1.DepartmentGatewayService/RequestConsultation",
      prepare: (owner) => acceptedItem(owner.department),
      call: (c, item) => c.a.gateway.requestConsultation({ itemId: item.id, requestId: requestId(), consultedDepartment: departments.D2, question: "是否涉及生态保护红线？" }),
    },
    {
      // The consultation is the consulted department's to answer.
      action: "/steward.routing.v1.DepartmentGatewayService/AnswerConsultation",
      owner: { department: departments.D2 },
      prepare: async () => {
        const item = await acceptedItem(departments.D1);
        const { consultation } = await department(departments.D1).gateway.requestConsultation({ itemId: item.id, requestId: requestId(), consultedDepartment: departments.D2, question: "是否涉及生态保护红线？" });
        return consultation!;
      },
      call: (c, consultation) => c.a.gateway.answerConsultation({ consultationId: consultation.id, requestId: requestId(), agree: true, reason: "不涉及" }),
    },

    { action: "/steward.routing.v1.CatalogueService/ListCatalogueItems", prepare: async () => undefined, call: (c) => c.a.catalogue.listCatalogueItems({ departmentCode: "", stage: "" }) },
    { action: "/steward.routing.v1.CatalogueService/GetCatalogueItem", prepare: async () => undefined, call: (c) => c.a.catalogue.getCatalogueItem({ code: itemOf.sthj }) },
    { action: "/steward.routing.v1.CatalogueService/ListSelections", prepare: async () => undefined, call: (c) => c.a.catalogue.listSelections({ kind: "" }) },
    { action: "/steward.routing.v1.CatalogueService/ListDepartments", prepare: async () => undefined, call: (c) => c.a.catalogue.listDepartments({}) },
    { action: "/steward.routing.v1.CatalogueService/GetHolidaySchedule", prepare: async () => undefined, call: (c) => c.a.catalogue.getHolidaySchedule({}) },
    {
      // The catalogue is the city's: its administrators edit it there.
      action: "/steward.routing.v1.CatalogueService/UpsertCatalogueItem",
      region: "B",
      prepare: async () => (await caller("admin@B").b.catalogue.getCatalogueItem({ code: cityItem.itemCode })).item!,
      call: (c, item) => c.b.catalogue.upsertCatalogueItem({ item }),
    },
    {
      action: "/steward.routing.v1.CatalogueService/PublishCalendarYear",
      prepare: async () => undefined,
      call: (c) => c.a.catalogue.publishCalendarYear({ year: 2031, days: [{ date: "2031-01-01", kind: "holiday", note: "元旦" }], source: "国办发明电（矩阵测试）" }),
    },

    {
      // County → city: region A's routing hands an item of city jurisdiction to region B's.
      action: "/steward.routing.v1.RegionLinkService/ForwardItem",
      region: "B",
      prepare: async () => ({ originRegion: platform.region, originCaseId: randomUUID(), originItemId: randomUUID(), ...cityItem, projectId: randomUUID(), projectName: "权限矩阵转办", creditCode: creditCodes.E1 }),
      call: (c, request) => c.b.link.forwardItem(request),
    },
    {
      // County → city: region A reports a bar after a false commitment to region B's routing.
      action: "/steward.routing.v1.RegionLinkService/ReportCommitmentBar",
      region: "B",
      prepare: async () => ({ originRegion: platform.region, originItemId: randomUUID(), creditCode: creditCodes.E2, itemCode: itemOf.sthj, revokedOn: "2026-03-02", barredThrough: "2026-09-02", reason: "审后核查发现承诺不实（矩阵测试）" }),
      call: (c, request) => c.b.link.reportCommitmentBar(request),
    },
    {
      // City → county: the city reports on an item region A forwarded.
      action: "/steward.routing.v1.RegionLinkService/ReportForwardedItem",
      prepare: async () => (await caseOf([cityItem])).items[0]!,
      call: (c, item) =>
        c.a.link.reportForwardedItem({ originItemId: item.id, sequence: 1000, state: routingV1.ItemState.ITEM_STATE_IN_REVIEW, action: "accept", actor: "fgw-system", reason: "", at: new Date(), outstandingMaterials: [] }),
    },

    { action: "/steward.notification.v1.NotificationService/ListDeliveries", prepare: async () => undefined, call: (c) => c.a.notification.listDeliveries({ subjectId: "", pageSize: 10, pageToken: "", recipient: undefined, status: 0 }) },
    {
      action: "/steward.notification.v1.NotificationService/ReplayDeliveries",
      prepare: async () => undefined,
      call: (c) => c.a.notification.replayDeliveries({ deliveryIds: [], recipient: { kind: Kind.RECIPIENT_KIND_DEPARTMENT, id: departments.D1 }, channel: notificationV1.Channel.CHANNEL_WEBHOOK }),
    },
    // Preferences are a person's own: the enterprise's and the liaison's of the owner; the region's
    // staff reach their own (a steward) or anyone's (admins; operators masked). Another's is refused.
    { action: "/steward.notification.v1.NotificationService/GetPreferences", prepare: async (owner) => owner, call: (c, owner) => c.a.notification.getPreferences({ recipient: preferencesOf(c, owner) }), nonOwner: "PERMISSION_DENIED" },
    {
      action: "/steward.notification.v1.NotificationService/SetPreferences",
      prepare: async (owner) => owner,
      call: (c, owner) => c.a.notification.setPreferences({ recipient: preferencesOf(c, owner), phone: "", email: "", channels: [notificationV1.Channel.CHANNEL_INBOX] }),
      nonOwner: "PERMISSION_DENIED",
    },
    {
      action: "/steward.notification.v1.NotificationService/RegisterWebhookEndpoint",
      prepare: async () => undefined,
      call: (c) => c.a.notification.registerWebhookEndpoint({ recipient: { kind: Kind.RECIPIENT_KIND_DEPARTMENT, id: departments.D1 }, url: "http://127.0.0.1:9/matrix" }),
    },
    { action: "/steward.notification.v1.NotificationService/ListWebhookEndpoints", prepare: async () => undefined, call: (c) => c.a.notification.listWebhookEndpoints({}) },
    // The inbox has no object to aim at: every caller reaches its own messages (notification narrows
    // by the token), so another enterprise's or department's call answers its own inbox.
    { action: "/steward.notification.v1.InboxService/ListInbox", prepare: async () => undefined, call: (c) => c.a.inbox.listInbox({ unreadOnly: false, pageSize: 10, pageToken: "" }), nonOwner: "OK" },
    { action: "/steward.notification.v1.InboxService/CountUnread", prepare: async () => undefined, call: (c) => c.a.inbox.countUnread({}), nonOwner: "OK" },
    { action: "/steward.notification.v1.InboxService/MarkRead", prepare: async () => undefined, call: (c) => c.a.inbox.markRead({ ids: [], all: true }), nonOwner: "OK" },
    { action: "notification GET /v1/inbox", prepare: async () => undefined, call: (c) => http(c, "GET", "/v1/inbox", undefined, "notification"), nonOwner: "OK" },
    { action: "notification GET /v1/inbox/unread-count", prepare: async () => undefined, call: (c) => http(c, "GET", "/v1/inbox/unread-count", undefined, "notification"), nonOwner: "OK" },
    { action: "notification POST /v1/inbox/read-all", prepare: async () => undefined, call: (c) => http(c, "POST", "/v1/inbox/read-all", {}, "notification"), nonOwner: "OK" },
    {
      // One message of the owner's inbox (or of the allowed caller's own); another's is NOT_FOUND.
      action: "notification POST /v1/inbox/:id/read",
      prepare: (owner, who) => inboxMessage(who ? inboxKeyOf(who) : `enterprise:${owner.creditCode}`),
      call: (c, id) => http(c, "POST", `/v1/inbox/${id}/read`, {}, "notification"),
    },
    {
      action: "/steward.notification.v1.PolicyService/UpsertPolicy",
      prepare: async () => `MATRIX-${unique()}`,
      call: (c, code) => c.a.policies.upsertPolicy({ code, title: "矩阵测试政策", summary: "用于权限矩阵测试", issuer: "", url: "", tags: { industryChains: ["新材料"], divisionCodes: [], scales: [], stages: [], milestones: [], keyProjectsOnly: false }, noApplication: false, active: false, validUntil: "" }),
    },
    { action: "/steward.notification.v1.PolicyService/ListPolicies", prepare: async () => undefined, call: (c) => c.a.policies.listPolicies({ activeOnly: false, pageSize: 10, pageToken: "" }) },
    {
      action: "/steward.notification.v1.PolicyService/ListPolicyMatches",
      prepare: (owner) => policyMatch(owner.creditCode),
      call: async (c, projectId) => (await c.a.policies.listPolicyMatches({ projectId, pageSize: 10, pageToken: "" })).matches.map((match) => match.projectId),
      shows: (ids, projectId) => (ids as string[]).includes(projectId),
    },
    {
      action: "/steward.notification.v1.FollowUpService/ListReviews",
      prepare: async (owner) => (await rectification(owner, "open")).reviewId,
      call: async (c) => (await c.a.followUps.listReviews({ projectId: "", badOnly: false, pageSize: 200, pageToken: "" })).reviews.map((review) => review.id),
      shows: (ids, id) => (ids as string[]).includes(id as string),
    },
    {
      action: "/steward.notification.v1.FollowUpService/ListRectifications",
      prepare: async (owner) => (await rectification(owner, "open")).id,
      call: async (c) => (await c.a.followUps.listRectifications({ status: 0, pageSize: 200, pageToken: "" })).rectifications.map((r) => r.id),
      shows: (ids, id) => (ids as string[]).includes(id as string),
    },
    {
      action: "/steward.notification.v1.FollowUpService/RecordRectified",
      prepare: async (owner) => (await rectification(owner, "open")).id,
      call: (c, id) => c.a.followUps.recordRectified({ rectificationId: id, summary: "已整改：补充告知材料（矩阵测试）" }),
    },
    {
      action: "/steward.notification.v1.FollowUpService/RecordCallBack",
      prepare: async (owner) => (await rectification(owner, "rectified")).id,
      call: (c, id) => c.a.followUps.recordCallBack({ rectificationId: id, satisfied: true, note: "企业对整改满意（矩阵测试）" }),
    },
    {
      action: "/steward.intake.v1.IntakeService/GetContact",
      prepare: async (owner) => (await project(owner.creditCode)).id,
      call: (c, projectId) => c.a.intake.getContact({ key: { $case: "projectId", value: projectId } }),
    },
    { action: "/steward.assessment.v1.AssessmentService/GetCompletionStats", prepare: async () => undefined, call: (c) => c.a.assessment.getCompletionStats({}) },
    { action: "/steward.assessment.v1.AssessmentService/ListRegions", prepare: async () => undefined, call: (c) => c.a.assessment.listRegions({}) },
    // Figures and bulletins have no object to aim at: a department's caller gets its own
    // department's slice of the region's (assessment narrows by the token), the staff the region's.
    {
      action: "/steward.assessment.v1.AssessmentService/GetMonthlyFigures",
      prepare: async () => undefined,
      call: (c) => c.a.assessment.getMonthlyFigures({ month: shanghaiMonth(), scope: "department", region: "" }),
      nonOwner: "OK",
    },
    { action: "/steward.assessment.v1.AssessmentService/GetQuarterlyBulletin", prepare: async () => undefined, call: (c) => c.a.assessment.getQuarterlyBulletin({ quarter: "2026-Q1" }), nonOwner: "OK" },
    {
      // A finished quarter nobody published yet: the refused calls leave it unpublished.
      action: "/steward.assessment.v1.AssessmentService/PublishQuarterlyBulletin",
      prepare: async () => "2025-Q2",
      call: (c, quarter) => c.a.assessment.publishQuarterlyBulletin({ quarter }),
      untouched: async (quarter) => (await assessmentSql((sql) => sql`select count(*)::int as n from bulletins where quarter = ${quarter}`))[0]!.n === 0,
    },
    {
      // A referral of one of D1's items: D2's caller does not see it.
      action: "/steward.assessment.v1.AssessmentService/ListReferrals",
      prepare: async () => (await referral()).id,
      call: async (c) => (await c.a.assessment.listReferrals({ status: "" })).referrals.map((r) => r.id),
      shows: (ids, id) => (ids as string[]).includes(id as string),
    },
    {
      action: "/steward.assessment.v1.AssessmentService/RaiseReferral",
      prepare: () => projectedItem(departments.D1),
      call: (c, item) => c.a.assessment.raiseReferral(referralRequest(item)),
      untouched: async (item) => (await assessmentSql((sql) => sql`select count(*)::int as n from referrals where item_id = ${item.id}`))[0]!.n === 0,
    },
    {
      action: "/steward.assessment.v1.AssessmentService/UpdateReferral",
      prepare: async () => (await referral()).id,
      call: (c, id) => c.a.assessment.updateReferral({ referralId: id, status: "accepted", outcome: "", note: "" }),
      untouched: async (id) => (await assessmentSql((sql) => sql`select status from referrals where id = ${id}`))[0]!.status === "raised",
    },
    // The console's pages: the same rules, a department's caller its own department's slice.
    ...["/console", "/console/lights", "/console/figures", "/console/export.xlsx", "/console/wall", "/console/bulletins", "/console/bulletins/2026-Q1", "/console/bulletins/2026-Q1/print", "/console/referrals"].map(
      (path): Operation => ({ action: `assessment GET ${path.replace("2026-Q1", ":quarter")}`, prepare: async () => undefined, call: (c) => consolePage(c, "GET", path), nonOwner: "OK" }),
    ),
    { action: "assessment GET /console/regions/:region", prepare: async () => undefined, call: (c) => consolePage(c, "GET", `/console/regions/${platform.region}`), nonOwner: "OK" },
    // D1's department page: another department's caller is refused it.
    { action: "assessment GET /console/regions/:region/departments/:department", prepare: async () => undefined, call: (c) => consolePage(c, "GET", `/console/regions/${platform.region}/departments/${departments.D1}`), nonOwner: "PERMISSION_DENIED" },
    { action: "assessment GET /console/regions/:region/cases/:caseId", prepare: async () => (await projectedItem(departments.D1)).caseId, call: (c, caseId) => consolePage(c, "GET", `/console/regions/${platform.region}/cases/${caseId}`) },
    {
      action: "assessment POST /console/bulletins/:quarter/publish",
      prepare: async () => "2025-Q3",
      call: (c, quarter) => consolePage(c, "POST", `/console/bulletins/${quarter}/publish`, {}),
      untouched: async (quarter) => (await assessmentSql((sql) => sql`select count(*)::int as n from bulletins where quarter = ${quarter}`))[0]!.n === 0,
    },
    {
      action: "assessment POST /console/referrals",
      prepare: () => projectedItem(departments.D1),
      call: (c, item) => consolePage(c, "POST", "/console/referrals", referralRequest(item)),
      untouched: async (item) => (await assessmentSql((sql) => sql`select count(*)::int as n from referrals where item_id = ${item.id}`))[0]!.n === 0,
    },
    {
      action: "assessment POST /console/referrals/:id",
      prepare: async () => (await referral()).id,
      call: (c, id) => consolePage(c, "POST", `/console/referrals/${id}`, { status: "accepted", outcome: "", note: "" }),
      untouched: async (id) => (await assessmentSql((sql) => sql`select status from referrals where id = ${id}`))[0]!.status === "raised",
    },
  ];

  // ---- assessment's objects: items of routing's cases once assessment has projected them, and
  // referrals of them (a bad review of the item, the case's ledger as evidence) ----
  const shanghaiMonth = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(new Date()).slice(0, 7);
  async function assessmentSql<T extends readonly unknown[]>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
    const sql = postgres(platform.databases.assessment.url, { max: 1, onnotice: () => {} });
    try {
      return await work(sql);
    } finally {
      await sql.end();
    }
  }
  const projectedItem = async (code: string) => {
    const item = await routedItem(code);
    await eventually(async () => ((await assessmentSql((sql) => sql`select 1 from projected_items where item_id = ${item.id}`)).length > 0 ? true : undefined), "assessment's projection of the item");
    return item;
  };
  const referralRequest = (item: { id: string; caseId: string }) => ({ source: "bad_review", caseRegion: "", caseId: item.caseId, itemId: item.id, complaintId: "", reviewId: randomUUID(), reason: "企业差评：多次往返补正（矩阵测试）", requestId: requestId() });
  const referral = async () => (await admin().assessment.raiseReferral(referralRequest(await projectedItem(departments.D1)))).referral!;
  /** A console page or form of region A's assessment, with the caller's token as a bearer: 2xx and 3xx succeed. */
  async function consolePage(c: Caller, method: string, path: string, form?: Record<string, string>): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${platform.services.assessment.httpPort}${path}`, {
      method,
      redirect: "manual",
      headers: { authorization: `Bearer ${c.token}`, ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    await response.arrayBuffer();
    const codes: Record<number, number> = { 400: status.INVALID_ARGUMENT, 401: status.UNAUTHENTICATED, 403: status.PERMISSION_DENIED, 404: status.NOT_FOUND, 409: status.FAILED_PRECONDITION };
    if (response.status < 400) return response.status;
    throw Object.assign(new Error(`HTTP ${response.status}`), { code: codes[response.status] ?? status.INTERNAL });
  }

  // ---- notification's objects, written straight into its database (the events that make them are
  // tested in e2e/notification*.test.ts; here only who reaches them matters) ----
  const Kind = notificationV1.RecipientKind;
  /** Whose preferences a caller aims at: the owner's for enterprise and department scopes, its own (a steward) or the owner enterprise's for the rest. */
  function preferencesOf(c: Caller, owner: Owner): notificationV1.Recipient {
    if (c.principal.role === "liaison") return { kind: Kind.RECIPIENT_KIND_LIAISON, id: liaisonOf[owner.department]! };
    if (c.principal.role === "steward") return { kind: Kind.RECIPIENT_KIND_STEWARD, id: c.principal.subject };
    return { kind: Kind.RECIPIENT_KIND_ENTERPRISE, id: owner.creditCode };
  }
  /** The inbox a caller reads (notification's recipient key). */
  function inboxKeyOf(c: Caller): string {
    const { role, subject, creditCode, department: code } = c.principal;
    return role === "enterprise" ? `enterprise:${creditCode}` : role === "department" ? `department:${code}` : role === "admin" ? "admin:" : `${role}:${subject}`;
  }
  async function notificationSql<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
    const sql = postgres(platform.databases.notification.url, { max: 1, onnotice: () => {} });
    try {
      return await work(sql);
    } finally {
      await sql.end();
    }
  }
  const inboxMessage = (owner: string) =>
    notificationSql(async (sql) => {
      const id = randomUUID();
      await sql`insert into inbox_messages (id, region, owner, title, body, template, urgency, subject_id, event_type, created_at)
                values (${id}, ${platform.region}, ${owner}, '矩阵测试', '矩阵测试', 'matrix', 'prompt', ${randomUUID()}, 'matrix', now())`;
      return id;
    });
  /** A bad review of one of the owner's items, answered by the owner's department, with its rectification. */
  const rectification = (owner: Owner, state: "open" | "rectified") =>
    notificationSql(async (sql) => {
      const [invitationId, reviewId, id, projectId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await sql`insert into review_invitations (id, region, token_hash, subject_kind, subject_id, case_id, project_id, project_name, item_code, department_code, credit_code, invited_at, expires_at, reviewed_at)
                values (${invitationId}, ${platform.region}, ${randomUUID()}, 'item', ${randomUUID()}, ${randomUUID()}, ${projectId}, '矩阵测试项目', ${itemOf[owner.department as keyof typeof itemOf]}, ${owner.department}, ${owner.creditCode}, now(), now() + interval '30 days', now())`;
      await sql`insert into reviews (id, region, invitation_id, rating, comment, reviewed_at) values (${reviewId}, ${platform.region}, ${invitationId}, 1, '', now())`;
      await sql`insert into rectifications (id, region, review_id, project_id, project_name, department_code, item_code, rating, status, working_days, due_on, summary, rectified_at, opened_at)
                values (${id}, ${platform.region}, ${reviewId}, ${projectId}, '矩阵测试项目', ${owner.department}, ${itemOf[owner.department as keyof typeof itemOf]}, 1, ${state}, 5, current_date + 7,
                        ${state === "rectified" ? "已整改" : ""}, ${state === "rectified" ? sql`now()` : null}, now())`;
      return { id, reviewId };
    });
  /** A policy pushed to a project of the enterprise: the project's id. */
  const policyMatch = (creditCode: string) =>
    notificationSql(async (sql) => {
      const [policyId, projectId] = [randomUUID(), randomUUID()];
      await sql`insert into policies (id, region, code, title, summary, tags, updated_by) values (${policyId}, ${platform.region}, ${`MATRIX-${unique()}`}, '矩阵测试政策', '矩阵测试', '{}'::jsonb, 'admin-1')`;
      await sql`insert into policy_matches (region, policy_id, project_id, policy_version, credit_code, trigger, matched_tags, matched_at)
                values (${platform.region}, ${policyId}, ${projectId}, 1, ${creditCode}, 'policy', ${["industry_chain"]}, now())`;
      return projectId;
    });

  async function countRows(service: "intake", table: string, column: string, value: string): Promise<number> {
    const sql = postgres(platform.databases[service].url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql.unsafe(`select count(*)::int as n from ${table} where ${column} = $1`, [value]);
      return row!.n as number;
    } finally {
      await sql.end();
    }
  }

  /** An HTTP call of region A's intake (or notification), as a gRPC-like outcome: resolves with the body, rejects with the mapped code. */
  async function http(c: Caller, method: string, path: string, body?: unknown, service: "intake" | "notification" = "intake"): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${platform.services[service].httpPort}${path}`, {
      method,
      headers: { authorization: `Bearer ${c.token}`, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const codes: Record<number, number> = { 400: status.INVALID_ARGUMENT, 401: status.UNAUTHENTICATED, 403: status.PERMISSION_DENIED, 404: status.NOT_FOUND, 409: status.FAILED_PRECONDITION };
    if (response.ok) return response.json();
    throw Object.assign(new Error(`HTTP ${response.status}`), { code: codes[response.status] ?? status.INTERNAL });
  }

  /**
   * The item ids WatchAssignments sends within a short window: first its backlog (every change so
   * far), then nothing new; the window's end (DEADLINE_EXCEEDED) is how a watch ends here.
   */
  async function watch(c: Caller): Promise<string[]> {
    const client = new Client(`127.0.0.1:${platform.services["approval-routing"].grpcPort}`, credentials.createInsecure());
    const ids: string[] = [];
    try {
      const stream = openServerStream(client, routingV1.DepartmentGatewayServiceService.watchAssignments, { cursor: "", fromNow: false }, { token: c.token, deadline: Date.now() + 3000 });
      try {
        for await (const change of stream) ids.push(change.item!.id);
      } catch (error) {
        if ((error as ServiceError).code !== status.DEADLINE_EXCEEDED) throw error;
      }
      return ids;
    } finally {
      client.close();
    }
  }

  function ruleOf(action: string): AccessRule {
    const [service, ...route] = action.split(" ");
    const rule: AccessRule | PublicRule | undefined = action.startsWith("/") ? grpcAccess[action] : httpAccess[service!]?.[route.join(" ")];
    if (!rule || rule.action === "public") throw new Error(`${action} is not a protected action of the access table`);
    return rule;
  }

  /** What the table says `who` gets from `operation` on an object of `owner` in region A (or B). */
  function expected(operation: Operation, who: Caller, owner: Owner): Outcome {
    if (who.principal.region !== regionOf(operation.region ?? "A")) return "PERMISSION_DENIED";
    const scope = ruleOf(operation.action).allow[who.principal.role];
    if (!scope) return "PERMISSION_DENIED";
    const own = scope === "region" || (scope === "enterprise" ? who.principal.creditCode === owner.creditCode : who.principal.department === owner.department);
    if (own) return "OK";
    return operation.shows ? "HIDDEN" : (operation.nonOwner ?? "NOT_FOUND");
  }

  async function outcome(operation: Operation, who: Caller, target: unknown): Promise<Outcome> {
    try {
      const answer = await operation.call(who, target);
      if (operation.shows && !operation.shows(answer, target)) return "HIDDEN";
      return "OK";
    } catch (error) {
      const code = (error as ServiceError).code;
      return code === undefined ? String(error) : (status[code] ?? String(code));
    }
  }

  it("has a case for every protected RPC and route the access table declares (a new one fails here until it has one)", () => {
    const declared = [
      ...Object.entries(grpcAccess).filter(([, rule]) => rule.action !== "public").map(([method]) => method),
      ...Object.entries(httpAccess).flatMap(([service, routes]) => Object.entries(routes).filter(([, rule]) => rule.action !== "public").map(([route]) => `${service} ${route}`)),
    ];
    expect(declared.filter((action) => !operations.some((operation) => operation.action === action))).toEqual([]);
    expect(operations.map((operation) => operation.action).filter((action) => !declared.includes(action))).toEqual([]);
  });

  it("answers every cell as the table says: the owner succeeds, everyone else is refused, and refused writes change nothing", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const operation of operations) {
      const owner: Owner = { creditCode: creditCodes.E1, department: departments.D1, ...operation.owner };
      const rule = ruleOf(operation.action);
      const plans = callers.map((who) => ({ who, want: expected(operation, who, owner) }));
      // Refusals first, all on one object; then the successes, the first on that same object.
      const refused = plans.filter((plan) => plan.want !== "OK");
      // Owners by enterprise or department first: the shared object is theirs.
      const allowed = plans.filter((plan) => plan.want === "OK").sort((a, b) => Number(rule.allow[a.who.principal.role] === "region") - Number(rule.allow[b.who.principal.role] === "region"));
      expect(allowed.length, `${operation.action}: somebody must be allowed`).toBeGreaterThan(0);
      const shared = await operation.prepare(owner);
      for (const { who, want } of refused) {
        const got = await outcome(operation, who, shared);
        cells++;
        if (got !== want) mismatches.push(`${operation.action} as ${who.name}: expected ${want}, got ${got}`);
      }
      if (operation.untouched && !(await operation.untouched(shared))) mismatches.push(`${operation.action}: a refused call wrote something`);
      for (const [index, { who }] of allowed.entries()) {
        // Reads and lists see the same object; every write after the first needs a fresh one.
        const target = index === 0 || rule.action === "read" ? shared : await operation.prepare(owner, who);
        const got = await outcome(operation, who, target);
        cells++;
        if (got !== "OK") mismatches.push(`${operation.action} as ${who.name}: expected OK, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBe(operations.length * callers.length);
  });
});
