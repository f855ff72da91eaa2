import { status as grpcStatus, type ServiceError } from "@grpc/grpc-js";
import { invalidArgument, notFound, raise, unwrap, type AppError } from "@steward/platform/errors";
import type { routingV1 } from "@steward/proto";
import { caseSummaries, lightItems, projectedItems, type CaseSummary, type ProjectedItem } from "../db/views.js";
import { lightOf, nextStepOwner, workingDaysLate, type Light, type LightItem, type NextStepOwner } from "../domain/lights.js";
import type { EvidenceEntry, ReferralEvidence } from "../domain/referral.js";
import { checkRegion, type Viewer } from "../domain/visibility.js";
import { officialSchedule, today, visibilityFor, type AssessmentContext } from "./context.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const unavailable = (region: string, detail: string): AppError => ({ code: "unavailable", message: `routing of ${region} cannot be reached: ${detail}`, reason: "ROUTING_UNAVAILABLE" });

function routingOf(context: AssessmentContext, region: string) {
  const clients = context.routing.of(region);
  if (!clients) raise(unavailable(region, "no address is configured"));
  return clients;
}

/** Routing's refusal as ours: a case it does not know is NOT_FOUND; anything else UNAVAILABLE. */
function fromRouting(region: string, caseId: string, error: unknown): never {
  if ((error as ServiceError)?.code === grpcStatus.NOT_FOUND) raise(notFound(`case ${caseId}`));
  raise(unavailable(region, (error as Error)?.message ?? String(error)));
}

/** A case's ledger from its region's routing, and its verification (the chain recomputed there). */
export async function caseLedger(context: AssessmentContext, region: string, caseId: string): Promise<{ entries: EvidenceEntry[]; verification: ReferralEvidence["verification"] }> {
  const { routing } = routingOf(context, region);
  try {
    const [ledger, verification] = await Promise.all([routing.getCaseLedger({ caseId }), routing.verifyLedger({ caseId })]);
    return {
      entries: ledger.entries.map((entry) => ({
        position: entry.position,
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        from: entry.fromState,
        to: entry.toState,
        reason: entry.reason,
        recordedAt: entry.recordedAt?.toISOString() ?? "",
        hash: entry.hash,
        prevHash: entry.prevHash,
      })),
      verification: { intact: verification.intact, rows: verification.rows, firstBrokenPosition: verification.firstBrokenPosition, problem: verification.problem },
    };
  } catch (error) {
    fromRouting(region, caseId, error);
  }
}

export interface CaseView {
  region: string;
  kase: routingV1.Case;
  /** Plan vs actual per item: the plan's target date, the committed deadline, the decision's day. */
  plan: ProjectedItem[];
  ledger: EvidenceEntry[];
  verification: ReferralEvidence["verification"];
}

/** The case page: its items and clocks from routing, plan vs actual, the ledger and its verification. */
export async function caseView(context: AssessmentContext, viewer: Viewer, region: string, caseId: string): Promise<CaseView> {
  const visibility = visibilityFor(context, viewer);
  unwrap(checkRegion(visibility, region));
  if (!uuidPattern.test(caseId)) raise(invalidArgument([{ field: "case_id", description: "must be a UUID" }]));
  const plan = await projectedItems(context.sql, region, { caseId });
  if (visibility.department && !plan.some((item) => item.departmentCode === visibility.department)) raise(notFound(`case ${caseId}`));
  const { routing } = routingOf(context, region);
  let kase: routingV1.Case | undefined;
  try {
    kase = (await routing.getCase({ id: caseId })).case;
  } catch (error) {
    fromRouting(region, caseId, error);
  }
  if (!kase) raise(notFound(`case ${caseId}`));
  const ledger = await caseLedger(context, region, caseId);
  const mine = <T extends { departmentCode: string }>(items: T[]) => (visibility.department ? items.filter((item) => item.departmentCode === visibility.department) : items);
  return {
    region,
    kase: { ...kase, items: mine(kase.items) },
    plan: mine(plan),
    ledger: visibility.department ? ledger.entries.filter((entry) => kase.items.some((item) => item.id === entry.subject && item.departmentCode === visibility.department)) : ledger.entries,
    verification: ledger.verification,
  };
}

export interface LightRow extends LightItem {
  light: Light;
  /** Working days past the committed deadline (red), or before it as a negative number (yellow). */
  daysLate: number;
  owner: NextStepOwner;
}

/** The red and yellow lists over what the viewer sees, most late first. */
export async function lights(context: AssessmentContext, viewer: Viewer, region?: string): Promise<LightRow[]> {
  const visibility = visibilityFor(context, viewer);
  const regions = region ? [unwrap(checkRegion(visibility, region))] : visibility.regions;
  const day = today(context);
  const rows = (await lightItems(context.sql, regions, visibility.department)).flatMap((item): LightRow[] => {
    const light = lightOf(item);
    return light ? [{ ...item, light, daysLate: workingDaysLate(item.committedDueOn, day, officialSchedule), owner: nextStepOwner(item.state) }] : [];
  });
  return rows.sort((a, b) => (a.light === b.light ? b.daysLate - a.daysLate : a.light === "red" ? -1 : 1));
}

export async function casesOf(context: AssessmentContext, viewer: Viewer, region: string): Promise<CaseSummary[]> {
  const visibility = visibilityFor(context, viewer);
  return caseSummaries(context.sql, unwrap(checkRegion(visibility, region)), visibility.department);
}
