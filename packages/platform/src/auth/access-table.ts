import type { Role } from "./tokens.js";

/**
 * The role × action table: for every RPC and HTTP route of every service, which roles may call it
 * and over which objects. The gRPC server and the HTTP app consult it before any handler runs and
 * refuse everything it does not allow (default deny); a service cannot even register a method or
 * route that is missing here. Handlers then apply the scope to the objects they touch, and answer
 * NOT_FOUND for objects outside it.
 *
 * Scopes:
 * - `region`: every object of the caller's region (the token's region is checked first).
 * - `enterprise`: objects of the caller's own unified social credit code (the token's credit_code).
 * - `department`: objects assigned to the caller's own department (the token's department).
 *
 * docs/SECURITY.md explains the roles; e2e/access-matrix.test.ts proves every cell with two
 * regions, two enterprises and two departments.
 */
export type Scope = "region" | "enterprise" | "department";

export interface AccessRule {
  /** Whether the action changes anything (the matrix test checks refused writes leave no trace). */
  action: "read" | "write";
  /** The roles that may call it, each with the objects it reaches. A role not listed is refused. */
  allow: Partial<Record<Role, Scope>>;
}

/** Served to anyone, without a token: probes, metrics, health and reflection. */
export interface PublicRule {
  action: "public";
}

const read = (allow: AccessRule["allow"]): AccessRule => ({ action: "read", allow });
const write = (allow: AccessRule["allow"]): AccessRule => ({ action: "write", allow });
const open: PublicRule = { action: "public" };

/** The region's own staff read everything of their region. */
const regionStaff = { steward: "region", admin: "region", operator: "region" } as const;
/** Reference data (catalogue, regions) every authenticated caller may read. */
const everyone = { enterprise: "region", steward: "region", liaison: "region", department: "region", admin: "region", operator: "region", service: "region" } as const;
/** An agreement and its plan: the enterprise its own; the project team, the administration and services the region's. */
const agreementReaders = { enterprise: "enterprise", steward: "region", liaison: "region", admin: "region", operator: "region", service: "region" } as const;
/** The department gateway: department systems, on their own department's items only. */
const departmentSystem = { department: "department" } as const;

/** Liaisons and department systems, on what their own department answers. */
const answeringDepartment = { liaison: "department", department: "department" } as const;
/**
 * Whoever has an in-app inbox: notification narrows each to its own messages (a steward's or
 * liaison's subject, the enterprise's credit code, the department's code; admins the
 * administration's and the joint meeting's office inboxes). Operators and services have none.
 */
const inboxOwners = { enterprise: "enterprise", steward: "region", liaison: "department", department: "department", admin: "region" } as const;
/** People with notification preferences (systems have webhook endpoints instead), and admins for anyone's. */
const preferenceOwners = { enterprise: "enterprise", steward: "region", liaison: "department", admin: "region" } as const;

/**
 * Whoever has the operations console and assessment's figures: the region's staff, and a
 * department (its system or liaison) for its own department's.
 */
const consoleReaders = { ...regionStaff, liaison: "department", department: "department" } as const;

/** Every gRPC method, by full path. */
export const grpcAccess: Record<string, AccessRule | PublicRule> = {
  "/grpc.health.v1.Health/Check": open,
  "/grpc.health.v1.Health/Watch": open,
  "/grpc.health.v1.Health/List": open,
  "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo": open,

  // intake: enterprises register and read their own projects; stewards and admins do it for them.
  "/steward.intake.v1.IntakeService/RegisterProject": write({ enterprise: "enterprise", steward: "region", admin: "region" }),
  "/steward.intake.v1.IntakeService/GetProject": read({ enterprise: "enterprise", ...regionStaff }),
  // A contact's mobile number, for notification's SMS only: personal data no person reads here.
  "/steward.intake.v1.IntakeService/GetContact": read({ service: "region" }),

  // agreement: the enterprise sees its own agreements and their plans; the project team (stewards,
  // liaisons) and the administration read the region's; admins sign and form the 1 + 1 + N team;
  // stewards draft and approve plans; each department's liaison named for the project reviews.
  "/steward.agreement.v1.AgreementService/GetAgreement": read(agreementReaders),
  "/steward.agreement.v1.AgreementService/ListAgreements": read(agreementReaders),
  "/steward.agreement.v1.AgreementService/SignAgreement": write({ admin: "region" }),
  "/steward.agreement.v1.AgreementService/TerminateAgreement": write({ admin: "region" }),
  "/steward.agreement.v1.AgreementService/RegisterSteward": write({ admin: "region" }),
  "/steward.agreement.v1.AgreementService/ListStewards": read(regionStaff),
  "/steward.agreement.v1.AgreementService/RetireSteward": write({ admin: "region" }),
  "/steward.agreement.v1.AgreementService/SuggestSteward": read({ admin: "region" }),
  "/steward.agreement.v1.AgreementService/AssignSteward": write({ admin: "region" }),
  "/steward.agreement.v1.AgreementService/ReleaseSteward": write({ admin: "region" }),
  "/steward.agreement.v1.AgreementService/AssignLiaison": write({ admin: "region" }),
  "/steward.agreement.v1.AgreementService/GetTeam": read(agreementReaders),
  "/steward.agreement.v1.AgreementService/DraftPlan": write({ steward: "region", admin: "region" }),
  // The command then requires the liaison named for the department on this project.
  "/steward.agreement.v1.AgreementService/ReviewPlan": write({ liaison: "department" }),
  "/steward.agreement.v1.AgreementService/ApprovePlan": write({ steward: "region", admin: "region" }),
  "/steward.agreement.v1.AgreementService/GetPlan": read(agreementReaders),
  "/steward.agreement.v1.AgreementService/ListPlanVersions": read(agreementReaders),
  "/steward.agreement.v1.AgreementService/GetPlanProgress": read(agreementReaders),

  // approval routing: agreement (a service) submits approved plans; a steward or admin may resubmit.
  "/steward.routing.v1.RoutingService/SubmitPlan": write({ service: "region", steward: "region", admin: "region" }),
  "/steward.routing.v1.RoutingService/GetCase": read({ service: "region", ...regionStaff }),
  // The supervision list (督办) of the region's cases.
  "/steward.routing.v1.RoutingService/ListCases": read(regionStaff),
  // Agreement (a service) finds a plan's case; staff look a project's up.
  "/steward.routing.v1.RoutingService/FindCase": read({ service: "region", ...regionStaff }),
  "/steward.routing.v1.RoutingService/FlagBlocked": write({ steward: "region", admin: "region" }),
  "/steward.routing.v1.RoutingService/ListEscalations": read(regionStaff),
  // The joint meeting (联席会议) is convened by the region's administration.
  "/steward.routing.v1.RoutingService/ResolveEscalation": write({ admin: "region" }),
  "/steward.routing.v1.RoutingService/GetCaseLedger": read({ service: "region", ...regionStaff }),
  // Supervision: the administration and operations check the ledger's integrity; assessment (a
  // service) for its console and for the evidence of an accountability referral.
  "/steward.routing.v1.RoutingService/VerifyLedger": read({ admin: "region", operator: "region", service: "region" }),

  "/steward.routing.v1.DepartmentGatewayService/ListAssignments": read(departmentSystem),
  "/steward.routing.v1.DepartmentGatewayService/WatchAssignments": read(departmentSystem),
  "/steward.routing.v1.DepartmentGatewayService/AcceptItem": write(departmentSystem),
  "/steward.routing.v1.DepartmentGatewayService/RequestSupplement": write(departmentSystem),
  "/steward.routing.v1.DepartmentGatewayService/RecordSupplement": write(departmentSystem),
  "/steward.routing.v1.DepartmentGatewayService/DecideItem": write(departmentSystem),
  "/steward.routing.v1.DepartmentGatewayService/AcceptItems": write(departmentSystem),
  "/steward.routing.v1.DepartmentGatewayService/DecideItems": write(departmentSystem),
  "/steward.routing.v1.DepartmentGatewayService/PauseClock": write(departmentSystem),
  "/steward.routing.v1.DepartmentGatewayService/ResumeClock": write(departmentSystem),
  "/steward.routing.v1.DepartmentGatewayService/RecordVerification": write(departmentSystem),
  // Asked by the item's department; answered by the consulted one (its "own" consultation).
  "/steward.routing.v1.DepartmentGatewayService/RequestConsultation": write(departmentSystem),
  "/steward.routing.v1.DepartmentGatewayService/AnswerConsultation": write(departmentSystem),

  "/steward.routing.v1.CatalogueService/ListCatalogueItems": read(everyone),
  "/steward.routing.v1.CatalogueService/GetCatalogueItem": read(everyone),
  // City administrators edit the catalogue (the handler refuses other regions).
  "/steward.routing.v1.CatalogueService/UpsertCatalogueItem": write({ admin: "region" }),
  "/steward.routing.v1.CatalogueService/ListSelections": read(everyone),
  "/steward.routing.v1.CatalogueService/PublishCalendarYear": write({ admin: "region" }),
  "/steward.routing.v1.CatalogueService/ListDepartments": read(everyone),
  // Other services (intake's reply clocks) count working days on the published schedule.
  "/steward.routing.v1.CatalogueService/GetHolidaySchedule": read(everyone),

  // 纵向联动: only routing services call each other, with service tokens for the callee's region.
  "/steward.routing.v1.RegionLinkService/ForwardItem": write({ service: "region" }),
  "/steward.routing.v1.RegionLinkService/ReportForwardedItem": write({ service: "region" }),
  // A county reports a bar after a false commitment (告知承诺) to the city (the handler refuses other regions).
  "/steward.routing.v1.RegionLinkService/ReportCommitmentBar": write({ service: "region" }),

  // notification: deliveries are the region's staff's and services' to read; operators and admins
  // replay dead letters; admins register the webhook endpoints of department systems and 12345.
  "/steward.notification.v1.NotificationService/ListDeliveries": read({ service: "region", ...regionStaff }),
  "/steward.notification.v1.NotificationService/ReplayDeliveries": write({ operator: "region", admin: "region" }),
  // A person reads and sets their own preferences (the command refuses another's with
  // NOT_OWN_PREFERENCES); admins those of anyone in the region; operators read them masked.
  "/steward.notification.v1.NotificationService/GetPreferences": read({ ...preferenceOwners, operator: "region" }),
  "/steward.notification.v1.NotificationService/SetPreferences": write(preferenceOwners),
  "/steward.notification.v1.NotificationService/RegisterWebhookEndpoint": write({ admin: "region" }),
  "/steward.notification.v1.NotificationService/ListWebhookEndpoints": read({ admin: "region", operator: "region" }),
  // The in-app inbox: every role that receives notices reaches its own messages only.
  "/steward.notification.v1.InboxService/ListInbox": read(inboxOwners),
  "/steward.notification.v1.InboxService/CountUnread": read(inboxOwners),
  "/steward.notification.v1.InboxService/MarkRead": write(inboxOwners),
  // Policies (惠企政策): admins maintain them; everyone reads them; an enterprise the pushes to itself.
  "/steward.notification.v1.PolicyService/UpsertPolicy": write({ admin: "region" }),
  "/steward.notification.v1.PolicyService/ListPolicies": read(everyone),
  "/steward.notification.v1.PolicyService/ListPolicyMatches": read({ enterprise: "enterprise", steward: "region", admin: "region", operator: "region" }),
  // Reviews (好差评) and rectifications (整改): an enterprise its own reviews; a department (system
  // or liaison) its own rectifications and reports them done; the service centre calls back.
  "/steward.notification.v1.FollowUpService/ListReviews": read({ enterprise: "enterprise", service: "region", ...regionStaff }),
  "/steward.notification.v1.FollowUpService/ListRectifications": read({ ...answeringDepartment, service: "region", ...regionStaff }),
  "/steward.notification.v1.FollowUpService/RecordRectified": write({ ...answeringDepartment, admin: "region" }),
  "/steward.notification.v1.FollowUpService/RecordCallBack": write({ steward: "region", admin: "region" }),

  "/steward.assessment.v1.AssessmentService/GetCompletionStats": read({ service: "region", ...regionStaff }),
  "/steward.assessment.v1.AssessmentService/ListRegions": read(everyone),
  // Figures, bulletins and referrals (the operations console's data): the region's staff read
  // their region's — at the city's assessment, the city's staff every county it counts (the
  // handlers widen the region scope there) — and a department's system or liaison its own
  // department's figures only. Enterprises and services have no console.
  "/steward.assessment.v1.AssessmentService/GetMonthlyFigures": read(consoleReaders),
  "/steward.assessment.v1.AssessmentService/GetQuarterlyBulletin": read(consoleReaders),
  // The region's administration publishes and freezes a finished quarter's bulletin.
  "/steward.assessment.v1.AssessmentService/PublishQuarterlyBulletin": write({ admin: "region" }),
  "/steward.assessment.v1.AssessmentService/ListReferrals": read(consoleReaders),
  // Accountability referrals (作风问责): the operations team and the administration refer; the
  // administration records the accountability office's progress and outcome.
  "/steward.assessment.v1.AssessmentService/RaiseReferral": write({ admin: "region", operator: "region" }),
  "/steward.assessment.v1.AssessmentService/UpdateReferral": write({ admin: "region" }),
};

/** An enterprise on its own credit code, and the service centre's staff for any. */
const enterpriseOrStaff = { enterprise: "enterprise", steward: "region", admin: "region" } as const;

/** Routes every HTTP app serves. */
const infrastructureRoutes: Record<string, PublicRule> = {
  "GET /healthz": open,
  "GET /readyz": open,
  "GET /metrics": open,
};

/** Every HTTP route, by service, as "<METHOD> <route pattern>". */
export const httpAccess: Record<string, Record<string, AccessRule | PublicRule>> = {
  // intake's API (services/intake/src/http/routes): an enterprise reaches its own credit code's
  // enterprise record, projects, requests and complaints; liaisons and departments the complaints
  // and 12345 tickets their department answers; stewards and admins the region's.
  intake: {
    ...infrastructureRoutes,
    "GET /openapi.json": open,
    "GET /docs": open,
    "GET /docs/assets/init.js": open,
    "GET /docs/assets/:file": open,
    // The 12345 hotline signs its calls (Standard Webhooks) instead of carrying a token.
    "POST /webhooks/hotline": open,
    "POST /v1/enterprises": write(enterpriseOrStaff),
    "GET /v1/enterprises": read({ ...enterpriseOrStaff, operator: "region" }),
    "GET /v1/enterprises/:id": read({ ...enterpriseOrStaff, operator: "region" }),
    "PATCH /v1/enterprises/:id": write(enterpriseOrStaff),
    "POST /v1/projects": write(enterpriseOrStaff),
    "GET /v1/projects": read({ ...enterpriseOrStaff, operator: "region" }),
    "GET /v1/projects/:id": read({ ...enterpriseOrStaff, operator: "region" }),
    "PATCH /v1/projects/:id": write(enterpriseOrStaff),
    "GET /v1/projects/:id/history": read({ ...enterpriseOrStaff, operator: "region" }),
    "GET /v1/projects/:id/progress": read({ ...enterpriseOrStaff, operator: "region" }),
    "POST /v1/projects/:id/requests": write(enterpriseOrStaff),
    "GET /v1/requests": read({ ...enterpriseOrStaff, operator: "region" }),
    "GET /v1/requests/:id": read({ ...enterpriseOrStaff, operator: "region" }),
    // The request's owner (its steward) or an admin answers.
    "POST /v1/requests/:id/answer": write({ steward: "region", admin: "region" }),
    "POST /v1/complaints": write(enterpriseOrStaff),
    "GET /v1/complaints": read({ ...enterpriseOrStaff, ...answeringDepartment, operator: "region" }),
    "GET /v1/complaints/:id": read({ ...enterpriseOrStaff, ...answeringDepartment, operator: "region" }),
    "POST /v1/complaints/:id/answer": write({ ...answeringDepartment, steward: "region", admin: "region" }),
    "POST /v1/complaints/:id/escalate": write({ steward: "region", admin: "region" }),
    "GET /v1/hotline-tickets": read(regionStaff),
    "GET /v1/hotline-tickets/:id": read({ ...regionStaff, ...answeringDepartment }),
    "POST /v1/hotline-tickets/:id/link": write({ steward: "region", admin: "region" }),
    "POST /v1/hotline-tickets/:id/answer": write({ steward: "region", admin: "region", ...answeringDepartment }),
  },
  agreement: infrastructureRoutes,
  "approval-routing": infrastructureRoutes,
  // notification's API (services/notification/src/http/app.ts): the inbox of whoever has one; the
  // rating page behind a review link is public, the link's unguessable token being its credential.
  notification: {
    ...infrastructureRoutes,
    "GET /openapi.json": open,
    "GET /v1/inbox": read(inboxOwners),
    "GET /v1/inbox/unread-count": read(inboxOwners),
    "POST /v1/inbox/:id/read": write(inboxOwners),
    "POST /v1/inbox/read-all": write(inboxOwners),
    "GET /v1/reviews/:token": open,
    "POST /v1/reviews/:token": open,
  },
  // assessment's operations console (services/assessment/src/http/console): server-rendered pages
  // a browser reaches with the session cookie the gate reads (HttpAppOptions.session); the same
  // rules as the gRPC methods the pages stand for. The sign-in page (development sign-in where
  // STEWARD_CONSOLE_DEV_SIGN_IN allows it), sign-out and the static assets are public.
  assessment: {
    ...infrastructureRoutes,
    "GET /": open,
    "GET /console/sign-in": open,
    "POST /console/sign-in": open,
    "POST /console/sign-out": open,
    "GET /console/assets/echarts.min.js": open,
    "GET /console/assets/fonts/:file{[0-9a-z-]+\\.css}": open,
    "GET /console/assets/fonts/files/:file{[0-9a-z-]+\\.woff2?}": open,
    "GET /console/assets/:file{[a-z-]+\\.(css|js)}": open,
    "GET /console": read(consoleReaders),
    "GET /console/regions/:region": read(consoleReaders),
    "GET /console/regions/:region/departments/:department": read(consoleReaders),
    "GET /console/regions/:region/cases/:caseId": read(consoleReaders),
    "GET /console/lights": read(consoleReaders),
    "GET /console/figures": read(consoleReaders),
    "GET /console/export.xlsx": read(consoleReaders),
    "GET /console/wall": read(consoleReaders),
    "GET /console/bulletins": read(consoleReaders),
    "GET /console/bulletins/:quarter": read(consoleReaders),
    "GET /console/bulletins/:quarter/print": read(consoleReaders),
    "POST /console/bulletins/:quarter/publish": write({ admin: "region" }),
    "GET /console/referrals": read(consoleReaders),
    "POST /console/referrals": write({ admin: "region", operator: "region" }),
    "POST /console/referrals/:id": write({ admin: "region" }),
  },
};
