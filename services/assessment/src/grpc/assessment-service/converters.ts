import type { assessmentV1 } from "@steward/proto";
import type { BulletinView } from "../../app/bulletins.js";
import type { Referral } from "../../db/referrals.js";
import type { Figures } from "../../domain/figures.js";

/** A rate with no figure (null) is left unset, never sent as 0. */
const optional = (share: number | null): number | undefined => share ?? undefined;

export const toFiguresMessage = (figures: Figures): assessmentV1.Figures => ({
  ...figures,
  onTimeRate: optional(figures.onTimeRate),
  committedCompressionRate: optional(figures.committedCompressionRate),
  actualCompressionRate: optional(figures.actualCompressionRate),
});

export function toBulletinMessage(view: BulletinView): assessmentV1.Bulletin {
  return {
    quarter: view.snapshot.quarter,
    ruleVersion: view.snapshot.ruleVersion,
    frozen: view.frozen,
    publishedAt: view.publishedAt,
    publishedBy: view.publishedBy ?? "",
    snapshotDigest: view.digest,
    units: view.snapshot.units.map((unit) => ({ kind: unit.kind, key: unit.key, name: unit.name, rank: unit.rank, score: unit.score, grade: unit.grade, measures: Object.fromEntries(Object.entries(unit.measures).filter((entry): entry is [string, number] => entry[1] !== null)) })),
    corrections: view.snapshot.corrections.map((correction) => ({
      quarter: correction.quarter,
      unitKind: correction.unitKind,
      unitKey: correction.unitKey,
      unitName: correction.unitName,
      measure: correction.measure,
      published: optional(correction.published),
      corrected: optional(correction.corrected),
      note: correction.note,
    })),
  };
}

export const toReferralMessage = (referral: Referral): assessmentV1.Referral => ({
  id: referral.id,
  source: referral.source,
  caseRegion: referral.caseRegion,
  caseId: referral.caseId,
  itemId: referral.itemId ?? "",
  itemCode: referral.itemCode,
  departmentCode: referral.departmentCode,
  projectName: referral.projectName,
  complaintId: referral.complaintId ?? "",
  reviewId: referral.reviewId,
  reason: referral.reason,
  status: referral.status,
  outcome: referral.outcome,
  ledgerIntact: referral.ledgerIntact,
  ledgerRows: referral.ledgerRows,
  raisedAt: referral.raisedAt,
  raisedBy: referral.raisedBy,
  updatedAt: referral.updatedAt,
});
