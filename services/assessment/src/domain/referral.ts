import { failedPrecondition, fail, invalidArgument, notFound, ok, type Result } from "@steward/platform/errors";

/** What a referral for accountability (作风问责) can come from. */
export const referralSources = ["overdue_item", "bad_review", "complaint"] as const;
export type ReferralSource = (typeof referralSources)[number];

export const referralStatuses = ["raised", "accepted", "investigating", "closed"] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** How the accountability office closes a referral (查无问题, 提醒谈话, 通报批评, 党纪政务处分). */
export const referralOutcomes = ["no_fault", "admonished", "criticised", "disciplined"] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];

/** A ledger row as the evidence keeps it. */
export interface EvidenceEntry {
  position: number;
  actor: string;
  action: string;
  subject: string;
  from: string;
  to: string;
  reason: string;
  recordedAt: string;
  hash: string;
  prevHash: string;
}

/** The evidence taken when a referral is raised: the case's ledger rows that concern it, verified. */
export interface ReferralEvidence {
  caseRegion: string;
  caseId: string;
  excerpt: EvidenceEntry[];
  verification: { intact: boolean; rows: number; firstBrokenPosition: number; problem: string };
  /** The chain's last hash when the excerpt was taken: a later tamper with the excerpt's rows shows against it. */
  headHash: string;
  takenAt: string;
}

/** The case fact a referral stands on, as the projection knows it. */
export interface ReferralGrounds {
  source: ReferralSource;
  item?: { itemId: string; itemCode: string; departmentCode: string; overdue: boolean; lateInsideUnit: boolean };
  complaint?: { complaintId: string; departmentCode: string; conduct: boolean };
  reviewId?: string;
}

/**
 * Whether the grounds carry a referral: an item that went overdue (red light) or finished late
 * inside its unit; a complaint (办不成事); a bad review (差评) of an item. Anything else is refused
 * with a reason the operator can act on.
 */
export function checkGrounds(grounds: ReferralGrounds): Result<{ departmentCode: string }> {
  switch (grounds.source) {
    case "overdue_item":
      if (!grounds.item) return fail(invalidArgument([{ field: "item_id", description: "the overdue item must be an item of the case" }]));
      if (!grounds.item.overdue && !grounds.item.lateInsideUnit) {
        return fail(failedPrecondition(`${grounds.item.itemCode} never went overdue: there is nothing to refer`, "ITEM_NOT_OVERDUE"));
      }
      return ok({ departmentCode: grounds.item.departmentCode });
    case "complaint":
      // NOT_FOUND, not a malformed request: the complaint may be one assessment has not projected yet.
      if (!grounds.complaint) return fail({ ...notFound("办不成事 complaint in this region"), reason: "COMPLAINT_NOT_FOUND" });
      return ok({ departmentCode: grounds.complaint.departmentCode });
    case "bad_review":
      if (!grounds.reviewId) return fail(invalidArgument([{ field: "review_id", description: "a bad review referral names the review" }]));
      if (!grounds.item) return fail(invalidArgument([{ field: "item_id", description: "a bad review concerns an item of the case" }]));
      return ok({ departmentCode: grounds.item.departmentCode });
  }
}

const next: Record<ReferralStatus, readonly ReferralStatus[]> = {
  raised: ["accepted", "investigating", "closed"],
  accepted: ["investigating", "closed"],
  investigating: ["closed"],
  closed: [],
};

/** The office's progress: forward only; closing names the outcome. */
export function checkUpdate(current: ReferralStatus, status: ReferralStatus, outcome: string): Result<{ status: ReferralStatus; outcome: ReferralOutcome | "" }> {
  if (!next[current].includes(status)) {
    return fail(failedPrecondition(`a referral that is ${current} cannot become ${status}`, "REFERRAL_STATUS_ORDER"));
  }
  if (status === "closed") {
    if (!(referralOutcomes as readonly string[]).includes(outcome)) {
      return fail(invalidArgument([{ field: "outcome", description: `closing names the outcome: ${referralOutcomes.join(", ")}` }]));
    }
    return ok({ status, outcome: outcome as ReferralOutcome });
  }
  if (outcome) return fail(invalidArgument([{ field: "outcome", description: "only a closed referral has an outcome" }]));
  return ok({ status, outcome: "" });
}

/** The ledger rows that concern the referral: the item's, or the whole case's for a complaint. */
export function excerptFor(entries: readonly EvidenceEntry[], itemId: string | undefined): EvidenceEntry[] {
  return itemId ? entries.filter((entry) => entry.subject === itemId || entry.subject === "") : [...entries];
}
