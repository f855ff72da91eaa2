import type { PageCursor } from "@steward/platform/grpc";
import { currentTraceCarrier, joinCase, type TraceCarrier } from "@steward/platform/telemetry";
import type { Fragment, Sql, TransactionSql } from "postgres";
import type { Agreement, SigningRecord } from "../domain/agreement.js";

interface AgreementRow {
  id: string;
  region: string;
  project_id: string;
  project_name: string;
  enterprise_id: string | null;
  enterprise_name: string;
  credit_code: string;
  key_project: boolean;
  status: Agreement["status"];
  created_at: Date;
  signed_at: Date | null;
  signed_by: string | null;
  signing: SigningRecord | null;
  steward_id: string | null;
  steward_name: string | null;
  case_id: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  closed_reason: string | null;
  trace_context: TraceCarrier;
}

const toAgreement = (row: AgreementRow): Agreement => ({
  id: row.id,
  region: row.region,
  projectId: row.project_id,
  projectName: row.project_name,
  ...(row.enterprise_id ? { enterpriseId: row.enterprise_id } : {}),
  enterpriseName: row.enterprise_name,
  creditCode: row.credit_code,
  keyProject: row.key_project,
  status: row.status,
  createdAt: row.created_at,
  ...(row.signed_at ? { signedAt: row.signed_at } : {}),
  ...(row.signed_by ? { signedBy: row.signed_by } : {}),
  ...(row.signing ? { signing: row.signing } : {}),
  ...(row.steward_id ? { stewardId: row.steward_id } : {}),
  ...(row.steward_name ? { stewardName: row.steward_name } : {}),
  ...(row.case_id ? { caseId: row.case_id } : {}),
  ...(row.closed_at ? { closedAt: row.closed_at } : {}),
  ...(row.closed_by ? { closedBy: row.closed_by } : {}),
  ...(row.closed_reason ? { closedReason: row.closed_reason } : {}),
});

type Db = Sql | TransactionSql;

/**
 * Inserts a draft unless the project already has an agreement; true when inserted. The draft keeps
 * the trace it was opened in (the project's registration), which later work on it links to.
 */
export async function insertDraft(tx: TransactionSql, agreement: Agreement): Promise<boolean> {
  const rows = await tx`
    insert into agreements (id, region, project_id, project_name, enterprise_id, enterprise_name, credit_code, key_project, status, created_at, trace_context)
    values (${agreement.id}, ${agreement.region}, ${agreement.projectId}, ${agreement.projectName}, ${agreement.enterpriseId ?? null},
            ${agreement.enterpriseName}, ${agreement.creditCode}, ${agreement.keyProject}, 'draft', ${agreement.createdAt}, ${tx.json(currentTraceCarrier())})
    on conflict (region, project_id) do nothing
    returning id`;
  return rows.length > 0;
}

/** The agreement; the span reading it joins its project (its id, a link to the registration's trace). */
export async function findAgreement(sql: Db, region: string, id: string, forUpdate = false): Promise<Agreement | undefined> {
  const [row] = forUpdate
    ? await sql<AgreementRow[]>`select * from agreements where region = ${region} and id = ${id} for update`
    : await sql<AgreementRow[]>`select * from agreements where region = ${region} and id = ${id}`;
  if (!row) return undefined;
  joinCase({ projectId: row.project_id, origin: row.trace_context });
  return toAgreement(row);
}

export async function findAgreementOf(sql: Db, region: string, by: { projectId: string } | { caseId: string }): Promise<Agreement | undefined> {
  const [row] =
    "projectId" in by
      ? await sql<AgreementRow[]>`select * from agreements where region = ${region} and project_id = ${by.projectId} for update`
      : await sql<AgreementRow[]>`select * from agreements where region = ${region} and case_id = ${by.caseId} for update`;
  if (!row) return undefined;
  joinCase({ projectId: row.project_id, origin: row.trace_context });
  return toAgreement(row);
}

export interface AgreementPage {
  agreements: Agreement[];
  next: PageCursor | undefined;
}

/** Keyset pagination by (created_at, id): stable while agreements are added. */
export async function listAgreements(
  sql: Sql,
  region: string,
  filter: { projectId?: string; stewardId?: string; status?: Agreement["status"]; creditCode?: string; after: PageCursor | undefined; limit: number },
): Promise<AgreementPage> {
  const rows = await sql<AgreementRow[]>`
    select * from agreements
    where region = ${region}
      ${filter.projectId ? sql`and project_id = ${filter.projectId}` : sql``}
      ${filter.stewardId ? sql`and steward_id = ${filter.stewardId}` : sql``}
      ${filter.status ? sql`and status = ${filter.status}` : sql``}
      ${filter.creditCode ? sql`and credit_code = ${filter.creditCode}` : sql``}
      ${filter.after ? sql`and (created_at, id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by created_at, id
    limit ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit).map(toAgreement);
  const last = page[page.length - 1];
  return { agreements: page, next: rows.length > filter.limit && last ? { at: last.createdAt, id: last.id } : undefined };
}

export function updateAgreementSql(tx: TransactionSql, a: Agreement): Fragment {
  return tx`
    update agreements set project_name = ${a.projectName}, key_project = ${a.keyProject}, status = ${a.status}, signed_at = ${a.signedAt ?? null},
      signed_by = ${a.signedBy ?? null}, signing = ${a.signing ? tx.json(a.signing as never) : null}, steward_id = ${a.stewardId ?? null},
      steward_name = ${a.stewardName ?? null}, case_id = ${a.caseId ?? null}, closed_at = ${a.closedAt ?? null}, closed_by = ${a.closedBy ?? null},
      closed_reason = ${a.closedReason ?? null}
    where region = ${a.region} and id = ${a.id}`;
}

/** Key projects in service without a steward, by status: what the metric reports (always 0 for active). */
export async function keyProjectsWithoutSteward(sql: Sql): Promise<{ status: string; count: number }[]> {
  return sql<{ status: string; count: number }[]>`
    select status, count(*)::int as count from agreements
    where key_project and status in ('signed', 'active') and steward_id is null
    group by status`;
}
