import type { Sql, TransactionSql } from "postgres";
import type { ReferralEvidence, ReferralSource, ReferralStatus } from "../domain/referral.js";

type Db = Sql | TransactionSql;

export interface Referral {
  id: string;
  region: string;
  requestId: string;
  source: ReferralSource;
  caseRegion: string;
  caseId: string;
  itemId?: string;
  itemCode: string;
  departmentCode: string;
  projectId?: string;
  projectName: string;
  complaintId?: string;
  reviewId: string;
  reason: string;
  status: ReferralStatus;
  outcome: string;
  evidence: ReferralEvidence;
  ledgerIntact: boolean;
  ledgerRows: number;
  raisedAt: Date;
  raisedBy: string;
  updatedAt: Date;
}

interface ReferralRow {
  id: string;
  region: string;
  request_id: string;
  source: ReferralSource;
  case_region: string;
  case_id: string;
  item_id: string | null;
  item_code: string;
  department_code: string;
  project_id: string | null;
  project_name: string;
  complaint_id: string | null;
  review_id: string;
  reason: string;
  status: ReferralStatus;
  outcome: string;
  evidence: ReferralEvidence;
  ledger_intact: boolean;
  ledger_rows: number;
  raised_at: Date;
  raised_by: string;
  updated_at: Date;
}

const toReferral = (row: ReferralRow): Referral => ({
  id: row.id,
  region: row.region,
  requestId: row.request_id,
  source: row.source,
  caseRegion: row.case_region,
  caseId: row.case_id,
  ...(row.item_id ? { itemId: row.item_id } : {}),
  itemCode: row.item_code,
  departmentCode: row.department_code,
  ...(row.project_id ? { projectId: row.project_id } : {}),
  projectName: row.project_name,
  ...(row.complaint_id ? { complaintId: row.complaint_id } : {}),
  reviewId: row.review_id,
  reason: row.reason,
  status: row.status,
  outcome: row.outcome,
  evidence: row.evidence,
  ledgerIntact: row.ledger_intact,
  ledgerRows: row.ledger_rows,
  raisedAt: row.raised_at,
  raisedBy: row.raised_by,
  updatedAt: row.updated_at,
});

export async function listReferrals(db: Db, region: string, caseRegions: readonly string[], status?: string): Promise<Referral[]> {
  const rows = await db<ReferralRow[]>`
    select * from referrals where region = ${region} and case_region = any(${caseRegions as string[]}) ${status ? db`and status = ${status}` : db``}
    order by raised_at desc limit 500`;
  return rows.map(toReferral);
}

export async function findReferral(db: Db, region: string, id: string, forUpdate = false): Promise<Referral | undefined> {
  const [row] = await db<ReferralRow[]>`select * from referrals where region = ${region} and id = ${id} ${forUpdate ? db`for update` : db``}`;
  return row ? toReferral(row) : undefined;
}

export async function referralByRequest(db: Db, region: string, requestId: string): Promise<Referral | undefined> {
  const [row] = await db<ReferralRow[]>`select * from referrals where region = ${region} and request_id = ${requestId}`;
  return row ? toReferral(row) : undefined;
}

/** Inserts a referral; false when the same request id raised one first. */
export async function insertReferral(tx: TransactionSql, referral: Referral): Promise<boolean> {
  const inserted = await tx`
    insert into referrals (id, region, request_id, source, case_region, case_id, item_id, item_code, department_code, project_id, project_name, complaint_id, review_id,
                           reason, status, outcome, evidence, ledger_intact, ledger_rows, raised_at, raised_by, updated_at)
    values (${referral.id}, ${referral.region}, ${referral.requestId}, ${referral.source}, ${referral.caseRegion}, ${referral.caseId}, ${referral.itemId ?? null},
            ${referral.itemCode}, ${referral.departmentCode}, ${referral.projectId ?? null}, ${referral.projectName}, ${referral.complaintId ?? null}, ${referral.reviewId},
            ${referral.reason}, ${referral.status}, ${referral.outcome}, ${tx.json(referral.evidence as never)}, ${referral.ledgerIntact}, ${referral.ledgerRows},
            ${referral.raisedAt}, ${referral.raisedBy}, ${referral.updatedAt})
    on conflict (region, request_id) do nothing returning id`;
  return inserted.length > 0;
}

export async function updateReferral(tx: TransactionSql, region: string, id: string, change: { status: ReferralStatus; outcome: string; updatedAt: Date }): Promise<void> {
  await tx`update referrals set status = ${change.status}, outcome = ${change.outcome}, updated_at = ${change.updatedAt} where region = ${region} and id = ${id}`;
}
