import { randomUUID } from "node:crypto";
import { transaction } from "@steward/platform/db";
import { failedPrecondition, invalidArgument, notFound, permissionDenied, raise, unwrap, type FieldViolation } from "@steward/platform/errors";
import { newEvent, recordEvents } from "@steward/platform/events";
import { appendLedger } from "@steward/platform/ledger";
import { findReferral, insertReferral, listReferrals, referralByRequest, updateReferral, type Referral } from "../db/referrals.js";
import { latestCaseOfProject, projectedComplaint, projectedItems } from "../db/views.js";
import { checkGrounds, checkUpdate, excerptFor, referralSources, referralStatuses, type ReferralEvidence, type ReferralSource, type ReferralStatus } from "../domain/referral.js";
import { checkRegion, type Viewer } from "../domain/visibility.js";
import { visibilityFor, type AssessmentContext } from "./context.js";
import { caseLedger } from "./cases.js";

export interface RaiseReferral {
  source: string;
  caseRegion: string;
  caseId: string;
  itemId: string;
  complaintId: string;
  reviewId: string;
  reason: string;
  requestId: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkRaise(input: RaiseReferral): void {
  const violations: FieldViolation[] = [];
  if (!(referralSources as readonly string[]).includes(input.source)) violations.push({ field: "source", description: `one of ${referralSources.join(", ")}` });
  if (input.caseId && !uuidPattern.test(input.caseId)) violations.push({ field: "case_id", description: "must be a UUID" });
  if (input.itemId && !uuidPattern.test(input.itemId)) violations.push({ field: "item_id", description: "must be a UUID" });
  if (input.complaintId && !uuidPattern.test(input.complaintId)) violations.push({ field: "complaint_id", description: "must be a UUID" });
  if (input.source === "overdue_item" && !input.itemId) violations.push({ field: "item_id", description: "an overdue item referral names the item" });
  if (input.source === "complaint" && !input.complaintId) violations.push({ field: "complaint_id", description: "a complaint referral names the complaint" });
  if (input.reviewId.length > 100) violations.push({ field: "review_id", description: "at most 100 characters" });
  if (!input.reason.trim() || input.reason.length > 2000) violations.push({ field: "reason", description: "required, at most 2000 characters" });
  if (!input.requestId.trim() || input.requestId.length > 100) violations.push({ field: "request_id", description: "required, at most 100 characters" });
  if (violations.length > 0) raise(invalidArgument(violations));
}

/**
 * Refers an overdue item, a bad review or a 办不成事 complaint for accountability (作风问责). The
 * evidence — the case's ledger rows that concern it and the chain's verification, read from the
 * case's routing service — is taken now and kept with the referral; the referral goes on
 * assessment's own ledger and the bus. A repeated request id returns the first referral.
 */
export async function raiseReferral(context: AssessmentContext, viewer: Viewer, input: RaiseReferral): Promise<Referral> {
  const visibility = visibilityFor(context, viewer);
  if (!visibility.canRefer) raise(permissionDenied("only the operations team and administration refer cases", "REFERRAL_DENIED"));
  checkRaise(input);
  const caseRegion = unwrap(checkRegion(visibility, input.caseRegion || viewer.region));
  const repeated = await referralByRequest(context.sql, context.region, input.requestId);
  if (repeated) return repeated;

  const source = input.source as ReferralSource;
  const [item] = input.itemId ? await projectedItems(context.sql, caseRegion, { itemId: input.itemId }) : [];
  const complaint = input.complaintId ? await projectedComplaint(context.sql, caseRegion, input.complaintId) : undefined;
  const grounds = unwrap(
    checkGrounds({
      source,
      ...(item ? { item: { itemId: item.itemId, itemCode: item.itemCode, departmentCode: item.departmentCode, overdue: item.overdue, lateInsideUnit: item.lateInsideUnit } } : {}),
      ...(complaint ? { complaint: { complaintId: complaint.complaintId, departmentCode: complaint.responsibleDepartment, conduct: complaint.conduct } } : {}),
      ...(input.reviewId ? { reviewId: input.reviewId } : {}),
    }),
  );
  const caseId = item?.caseId ?? input.caseId ?? "";
  const resolvedCase = caseId || (complaint?.projectId ? await latestCaseOfProject(context.sql, caseRegion, complaint.projectId) : undefined);
  if (!resolvedCase) raise(failedPrecondition("the complaint's project has no case whose ledger could be attached", "NO_CASE_LEDGER"));
  if (item && input.caseId && input.caseId !== item.caseId) raise(invalidArgument([{ field: "case_id", description: "the item belongs to another case" }]));

  const ledger = await caseLedger(context, caseRegion, resolvedCase);
  const evidence: ReferralEvidence = {
    caseRegion,
    caseId: resolvedCase,
    excerpt: excerptFor(ledger.entries, item?.itemId),
    verification: ledger.verification,
    headHash: ledger.entries.at(-1)?.hash ?? "",
    takenAt: context.now().toISOString(),
  };
  const now = context.now();
  const referral: Referral = {
    id: randomUUID(),
    region: context.region,
    requestId: input.requestId,
    source,
    caseRegion,
    caseId: resolvedCase,
    ...(item ? { itemId: item.itemId } : {}),
    itemCode: item?.itemCode ?? "",
    departmentCode: grounds.departmentCode,
    ...((item?.projectId ?? complaint?.projectId) ? { projectId: (item?.projectId ?? complaint?.projectId)! } : {}),
    projectName: item?.projectName || complaint?.projectName || "",
    ...(complaint ? { complaintId: complaint.complaintId } : {}),
    reviewId: input.reviewId,
    reason: input.reason.trim(),
    status: "raised",
    outcome: "",
    evidence,
    ledgerIntact: evidence.verification.intact,
    ledgerRows: evidence.verification.rows,
    raisedAt: now,
    raisedBy: viewer.subject,
    updatedAt: now,
  };
  const inserted = await transaction(context.sql, async (tx) => {
    if (!(await insertReferral(tx, referral))) return false;
    await appendLedger(tx, [
      {
        region: context.region,
        chainId: `referral:${referral.id}`,
        actor: viewer.subject,
        action: "referral.raised",
        subject: referral.id,
        to: "raised",
        reason: referral.reason,
        details: { source, caseRegion, caseId: resolvedCase, itemId: referral.itemId ?? "", complaintId: referral.complaintId ?? "", ledgerIntact: referral.ledgerIntact, headHash: evidence.headHash },
      },
    ]);
    await recordEvents(tx, [
      newEvent({
        region: context.region,
        aggregateId: referral.id,
        occurredAt: now,
        payload: {
          $case: "referralRaised",
          value: {
            referralId: referral.id,
            source,
            caseId: resolvedCase,
            itemId: referral.itemId ?? "",
            itemCode: referral.itemCode,
            departmentCode: referral.departmentCode,
            projectId: referral.projectId ?? "",
            projectName: referral.projectName,
            caseRegion,
            complaintId: referral.complaintId ?? "",
            reviewId: referral.reviewId,
            raisedBy: viewer.subject,
            ledgerIntact: referral.ledgerIntact,
            ledgerRows: referral.ledgerRows,
          },
        },
      }),
    ]);
    return true;
  });
  if (!inserted) return (await referralByRequest(context.sql, context.region, input.requestId))!;
  return referral;
}

/** The accountability office's progress; closing names the outcome. Each step is on the ledger and the bus. */
export async function updateReferralStatus(context: AssessmentContext, viewer: Viewer, input: { referralId: string; status: string; outcome: string; note: string }): Promise<Referral> {
  const visibility = visibilityFor(context, viewer);
  if (!visibility.canAdminister) raise(permissionDenied("only the region's administration records a referral's outcome", "REFERRAL_UPDATE_DENIED"));
  const violations: FieldViolation[] = [];
  if (!uuidPattern.test(input.referralId)) violations.push({ field: "referral_id", description: "must be a UUID" });
  if (!(referralStatuses as readonly string[]).includes(input.status) || input.status === "raised") violations.push({ field: "status", description: "accepted, investigating or closed" });
  if (input.note.length > 2000) violations.push({ field: "note", description: "at most 2000 characters" });
  if (violations.length > 0) raise(invalidArgument(violations));
  return transaction(context.sql, async (tx) => {
    const referral = await findReferral(tx, context.region, input.referralId, true);
    if (!referral || !visibility.regions.includes(referral.caseRegion)) raise(notFound(`referral ${input.referralId}`));
    const change = unwrap(checkUpdate(referral.status, input.status as ReferralStatus, input.outcome));
    const now = context.now();
    await updateReferral(tx, context.region, referral.id, { status: change.status, outcome: change.outcome, updatedAt: now });
    await appendLedger(tx, [
      { region: context.region, chainId: `referral:${referral.id}`, actor: viewer.subject, action: "referral.updated", subject: referral.id, from: referral.status, to: change.status, reason: input.note, details: { outcome: change.outcome } },
    ]);
    await recordEvents(tx, [
      newEvent({
        region: context.region,
        aggregateId: referral.id,
        occurredAt: now,
        payload: { $case: "referralUpdated", value: { referralId: referral.id, status: change.status, outcome: change.outcome, note: input.note, updatedBy: viewer.subject } },
      }),
    ]);
    return { ...referral, status: change.status, outcome: change.outcome, updatedAt: now };
  });
}

export async function referralsOf(context: AssessmentContext, viewer: Viewer, status = ""): Promise<Referral[]> {
  const visibility = visibilityFor(context, viewer);
  if (status && !(referralStatuses as readonly string[]).includes(status)) raise(invalidArgument([{ field: "status", description: `one of ${referralStatuses.join(", ")}` }]));
  const referrals = await listReferrals(context.sql, context.region, visibility.regions, status || undefined);
  return visibility.department ? referrals.filter((referral) => referral.departmentCode === visibility.department) : referrals;
}
