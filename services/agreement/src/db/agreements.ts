import type { PageCursor } from "@steward/platform/grpc";
import type { Sql, TransactionSql } from "postgres";
import type { Agreement } from "../domain/agreement.js";
import type { Plan, PlanHead } from "../domain/plan.js";

interface AgreementRow {
  id: string;
  region: string;
  project_id: string;
  project_name: string;
  credit_code: string | null;
  status: Agreement["status"];
  created_at: Date;
  signed_at: Date | null;
  signed_by: string | null;
}

const toAgreement = (row: AgreementRow): Agreement => ({
  id: row.id,
  region: row.region,
  projectId: row.project_id,
  projectName: row.project_name,
  ...(row.credit_code ? { creditCode: row.credit_code } : {}),
  status: row.status,
  createdAt: row.created_at,
  ...(row.signed_at ? { signedAt: row.signed_at } : {}),
  ...(row.signed_by ? { signedBy: row.signed_by } : {}),
});

/** Inserts a draft unless the project already has an agreement; true when inserted. */
export async function insertDraft(tx: TransactionSql, agreement: Agreement): Promise<boolean> {
  const rows = await tx`
    insert into agreements (id, region, project_id, project_name, credit_code, status, created_at)
    values (${agreement.id}, ${agreement.region}, ${agreement.projectId}, ${agreement.projectName}, ${agreement.creditCode ?? null}, 'draft', ${agreement.createdAt})
    on conflict (region, project_id) do nothing
    returning id`;
  return rows.length > 0;
}

/** The owner filter of a caller: an enterprise reaches the agreements of its credit code only. */
export interface AgreementOwner {
  creditCode?: string;
}

const ownedBy = (sql: Sql | TransactionSql, owner: AgreementOwner) => (owner.creditCode === undefined ? sql`` : sql`and credit_code = ${owner.creditCode}`);

export async function findAgreement(sql: Sql | TransactionSql, region: string, id: string, owner: AgreementOwner, forUpdate = false): Promise<Agreement | undefined> {
  const [row] = await sql<AgreementRow[]>`
    select * from agreements where region = ${region} and id = ${id} ${ownedBy(sql, owner)} ${forUpdate ? sql`for update` : sql``}`;
  return row ? toAgreement(row) : undefined;
}

export interface AgreementPage {
  agreements: Agreement[];
  next: PageCursor | undefined;
}

/** Keyset pagination by (created_at, id): stable while agreements are added. */
export async function listAgreements(
  sql: Sql,
  region: string,
  filter: { projectId?: string; owner: AgreementOwner; after: PageCursor | undefined; limit: number },
): Promise<AgreementPage> {
  const rows = await sql<AgreementRow[]>`
    select * from agreements
    where region = ${region} ${ownedBy(sql, filter.owner)}
      ${filter.projectId ? sql`and project_id = ${filter.projectId}` : sql``}
      ${filter.after ? sql`and (created_at, id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by created_at, id
    limit ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit).map(toAgreement);
  const last = page[page.length - 1];
  return { agreements: page, next: rows.length > filter.limit && last ? { at: last.createdAt, id: last.id } : undefined };
}

export async function saveSignature(tx: TransactionSql, agreement: Agreement): Promise<void> {
  await tx`
    update agreements set status = ${agreement.status}, signed_at = ${agreement.signedAt ?? null}, signed_by = ${agreement.signedBy ?? null}
    where region = ${agreement.region} and id = ${agreement.id}`;
}

export async function latestPlan(tx: TransactionSql, region: string, agreementId: string): Promise<PlanHead | undefined> {
  const [row] = await tx<{ id: string; version: number }[]>`
    select id, version from plans where region = ${region} and agreement_id = ${agreementId} order by version desc limit 1`;
  return row;
}

/** Records routing's answer to the plan's submission. */
export async function recordSubmission(tx: TransactionSql, region: string, planId: string, version: number, status: "accepted" | "refused", detail: string, caseId?: string): Promise<void> {
  await tx`
    update plans set submission_status = ${status}, submission_detail = ${detail}, case_id = ${caseId ?? null}
    where region = ${region} and id = ${planId} and version = ${version}`;
}

export async function insertPlan(tx: TransactionSql, plan: Plan): Promise<void> {
  await tx`
    insert into plans (id, region, agreement_id, version, items, approved_at, approved_by)
    values (${plan.id}, ${plan.region}, ${plan.agreementId}, ${plan.version}, ${tx.json(plan.items as never)}, ${plan.approvedAt}, ${plan.approvedBy})`;
}
