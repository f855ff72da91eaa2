import type { PageCursor } from "@steward/platform/grpc";
import { currentTraceCarrier, joinCase, type CaseRef, type TraceCarrier } from "@steward/platform/telemetry";
import type { Fragment, Sql, TransactionSql } from "postgres";
import type { Case, CaseStatus, SatisfiedPrerequisite } from "../domain/case.js";
import { finalStates } from "../domain/item-state.js";
import { caseItems } from "./items.js";

type Db = Sql | TransactionSql;

interface CaseRow {
  id: string;
  region: string;
  plan_id: string;
  plan_version: number;
  project_id: string;
  project_name: string;
  status: Case["status"];
  credit_code: string | null;
  origin_region: string | null;
  completions: number;
  created_at: Date;
  completed_at: Date | null;
  trace_context: TraceCarrier;
}

/** What joins a span to the case: its ids and the trace it began in. */
export const caseRefOf = (row: Pick<CaseRow, "id" | "project_id" | "trace_context">): CaseRef => ({ caseId: row.id, projectId: row.project_id, origin: row.trace_context });

/** The case as its row holds it: without its items and declared prerequisites (see withItems). */
export type CaseRecord = Omit<Case, "items" | "satisfiedPrerequisites">;

function caseOf(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    region: row.region,
    planId: row.plan_id,
    planVersion: row.plan_version,
    projectId: row.project_id,
    projectName: row.project_name,
    status: row.status,
    ...(row.credit_code ? { creditCode: row.credit_code } : {}),
    // A forwarded copy's plan id is the county case's id (takeForwardedItem).
    ...(row.origin_region ? { forwardedFrom: { region: row.origin_region, caseId: row.plan_id } } : {}),
    completions: row.completions,
    createdAt: row.created_at,
    ...(row.completed_at ? { completedAt: row.completed_at } : {}),
  };
}

/** The prerequisites the case's latest plan version declared satisfied, by item code. */
export async function casePrerequisites(db: Db, region: string, caseId: string): Promise<SatisfiedPrerequisite[]> {
  const rows = await db<{ item_code: string; document_ref: string; approved_on: string | null }[]>`
    select item_code, document_ref, approved_on from case_prerequisites where region = ${region} and case_id = ${caseId} order by item_code`;
  return rows.map((row) => ({ itemCode: row.item_code, documentRef: row.document_ref, approvedOn: row.approved_on ?? "" }));
}

/**
 * Writes a plan version's declared prerequisites onto the case, as a fragment for a larger
 * statement (see WriteSet); undefined when it declares none. The ledger keeps every version's.
 */
export function declarePrerequisitesSql(tx: TransactionSql, region: string, caseId: string, planVersion: number, declared: readonly SatisfiedPrerequisite[]): Fragment | undefined {
  if (declared.length === 0) return undefined;
  const rows = declared.map((prerequisite) => ({ item_code: prerequisite.itemCode, document_ref: prerequisite.documentRef, approved_on: prerequisite.approvedOn }));
  return tx`
    insert into case_prerequisites (region, case_id, item_code, document_ref, approved_on, plan_version)
    select ${region}, ${caseId}, r.item_code, r.document_ref, r.approved_on::date, ${planVersion}
    from jsonb_to_recordset(${tx.json(rows as never)}) as r(item_code text, document_ref text, approved_on text)
    on conflict (case_id, item_code) do update set document_ref = excluded.document_ref, approved_on = excluded.approved_on, plan_version = excluded.plan_version`;
}

/** A revision's declarations replace the earlier version's: those it no longer declares go. */
export async function replaceDeclaredPrerequisites(tx: TransactionSql, region: string, caseId: string, planVersion: number, declared: readonly SatisfiedPrerequisite[]): Promise<void> {
  await tx`delete from case_prerequisites where region = ${region} and case_id = ${caseId} and item_code <> all(${declared.map((prerequisite) => prerequisite.itemCode)}::text[])`;
  const written = declarePrerequisitesSql(tx, region, caseId, planVersion, declared);
  if (written) await written;
}

/** The case with its items and declared prerequisites; the span reading it joins the case. */
async function withItems(db: Db, row: CaseRow): Promise<Case> {
  joinCase(caseRefOf(row));
  const [items, satisfiedPrerequisites] = await Promise.all([caseItems(db, row.region, row.id), casePrerequisites(db, row.region, row.id)]);
  return { ...caseOf(row), satisfiedPrerequisites, items };
}

export async function findCase(db: Db, region: string, id: string): Promise<Case | undefined> {
  const [row] = await db<CaseRow[]>`select * from cases where region = ${region} and id = ${id}`;
  return row ? withItems(db, row) : undefined;
}

/** The case created from a plan, with its items. */
export async function findCaseByPlan(db: Db, region: string, planId: string): Promise<Case | undefined> {
  const [row] = await db<CaseRow[]>`select * from cases where region = ${region} and plan_id = ${planId}`;
  return row ? withItems(db, row) : undefined;
}

/** The project's most recently created case, with its items. */
export async function findLatestCaseOfProject(db: Db, region: string, projectId: string): Promise<Case | undefined> {
  const [row] = await db<CaseRow[]>`
    select * from cases where region = ${region} and project_id = ${projectId} order by created_at desc, id desc limit 1`;
  return row ? withItems(db, row) : undefined;
}

/** A case without its items, with counts of the items it works with now (their latest attempts). */
export interface CaseSummary {
  case: CaseRecord;
  /** Current items, cancelled ones excluded. */
  itemCount: number;
  approvedItemCount: number;
  /** Current items not yet final whose red light (overdue) is on. */
  overdueItemCount: number;
}

export interface CaseFilter {
  status?: CaseStatus;
  projectId?: string;
  overdueOnly: boolean;
}

/** A page of the region's cases, newest first. */
export async function listCases(db: Db, region: string, filter: CaseFilter, after: PageCursor | undefined, limit: number): Promise<{ cases: CaseSummary[]; next: PageCursor | undefined }> {
  const rows = await db<(CaseRow & { item_count: number; approved_item_count: number; overdue_item_count: number })[]>`
    select c.*, s.item_count, s.approved_item_count, s.overdue_item_count
    from cases c
    cross join lateral (
      select count(*) filter (where current.state <> 'cancelled')::int as item_count,
             count(*) filter (where current.state = 'approved')::int as approved_item_count,
             count(*) filter (where current.overdue_at is not null and current.state <> all(${[...finalStates]}))::int as overdue_item_count
      from (select distinct on (i.item_code) i.state, i.overdue_at from case_items i where i.case_id = c.id order by i.item_code, i.attempt desc) as current
    ) s
    where c.region = ${region}
      ${filter.status ? db`and c.status = ${filter.status}` : db``}
      ${filter.projectId ? db`and c.project_id = ${filter.projectId}` : db``}
      ${filter.overdueOnly ? db`and s.overdue_item_count > 0` : db``}
      ${after ? db`and (c.created_at, c.id) < (${after.at}, ${after.id})` : db``}
    order by c.created_at desc, c.id desc
    limit ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    cases: page.map((row) => ({
      case: caseOf(row),
      itemCount: row.item_count,
      approvedItemCount: row.approved_item_count,
      overdueItemCount: row.overdue_item_count,
    })),
    next: rows.length > limit && last ? { at: last.created_at, id: last.id } : undefined,
  };
}

export async function lockCaseByPlan(tx: TransactionSql, region: string, planId: string): Promise<Case | undefined> {
  const [row] = await tx<CaseRow[]>`select * from cases where region = ${region} and plan_id = ${planId} for update`;
  return row ? withItems(tx, row) : undefined;
}

export async function submissionCase(tx: TransactionSql, region: string, planId: string, planVersion: number): Promise<{ caseId: string; digest: Buffer | null } | undefined> {
  const [row] = await tx<{ case_id: string; request_digest: Buffer | null }[]>`
    select case_id, request_digest from plan_submissions where region = ${region} and plan_id = ${planId} and plan_version = ${planVersion}`;
  return row ? { caseId: row.case_id, digest: row.request_digest } : undefined;
}

/**
 * Inserts the case with the trace it begins in (the SubmitPlan call's), which later work on it
 * links to; false when a concurrent submission of the same plan got there first.
 */
export async function insertCase(tx: TransactionSql, kase: Case): Promise<boolean> {
  joinCase({ caseId: kase.id, projectId: kase.projectId });
  const inserted = await tx`
    insert into cases (id, region, plan_id, plan_version, project_id, project_name, status, credit_code, created_at, trace_context)
    values (${kase.id}, ${kase.region}, ${kase.planId}, ${kase.planVersion}, ${kase.projectId}, ${kase.projectName}, 'open', ${kase.creditCode ?? null}, ${kase.createdAt}, ${tx.json(currentTraceCarrier())})
    on conflict (region, plan_id) do nothing
    returning id`;
  return inserted.length > 0;
}

/** The submission of a new case's first version, as a fragment for a larger statement (see WriteSet). */
export function submissionSql(tx: TransactionSql, region: string, planId: string, planVersion: number, caseId: string, digest: Buffer): Fragment {
  return tx`insert into plan_submissions (region, plan_id, plan_version, case_id, request_digest) values (${region}, ${planId}, ${planVersion}, ${caseId}, ${digest})`;
}

/** A revision's submission; it also gives a case opened before credit codes were required its enterprise. */
export async function recordSubmission(tx: TransactionSql, region: string, planId: string, planVersion: number, caseId: string, creditCode: string, digest: Buffer): Promise<void> {
  await tx`insert into plan_submissions (region, plan_id, plan_version, case_id, request_digest) values (${region}, ${planId}, ${planVersion}, ${caseId}, ${digest})`;
  await tx`update cases set plan_version = greatest(plan_version, ${planVersion}), credit_code = coalesce(credit_code, ${creditCode}) where region = ${region} and id = ${caseId}`;
}

/** The case row as reopening it needs it, when it was completed; undefined otherwise. */
export interface ReopenedCase {
  projectId: string;
  planId: string;
  projectName: string;
  completions: number;
}

/** Opens a completed case again (a revoked approval, a revision adding items); undefined when it was not completed. */
export async function reopenCase(tx: TransactionSql, region: string, caseId: string): Promise<ReopenedCase | undefined> {
  const [row] = await tx<{ project_id: string; plan_id: string; project_name: string; completions: number }[]>`
    update cases set status = 'open', completed_at = null where region = ${region} and id = ${caseId} and status = 'completed'
    returning project_id, plan_id, project_name, completions`;
  return row ? { projectId: row.project_id, planId: row.plan_id, projectName: row.project_name, completions: row.completions } : undefined;
}

/** The enterprise (unified social credit code) of the case an item belongs to. */
export async function creditCodeOfCase(db: Db, region: string, caseId: string): Promise<string | undefined> {
  const [row] = await db<{ credit_code: string | null }[]>`select credit_code from cases where region = ${region} and id = ${caseId}`;
  return row?.credit_code ?? undefined;
}

/** What joins spans to each of the cases (ids and origin traces), in one query. */
export async function caseRefs(db: Db, region: string, caseIds: readonly string[]): Promise<Map<string, CaseRef>> {
  const rows = await db<Pick<CaseRow, "id" | "project_id" | "trace_context">[]>`
    select id, project_id, trace_context from cases where region = ${region} and id = any(${[...new Set(caseIds)]}::uuid[])`;
  return new Map(rows.map((row) => [row.id, caseRefOf(row)]));
}
