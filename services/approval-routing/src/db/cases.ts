import { currentTraceCarrier, joinCase, type CaseRef, type TraceCarrier } from "@steward/platform/telemetry";
import type { Fragment, Sql, TransactionSql } from "postgres";
import type { Case } from "../domain/case.js";
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
  created_at: Date;
  completed_at: Date | null;
  trace_context: TraceCarrier;
}

/** What joins a span to the case: its ids and the trace it began in. */
export const caseRefOf = (row: Pick<CaseRow, "id" | "project_id" | "trace_context">): CaseRef => ({ caseId: row.id, projectId: row.project_id, origin: row.trace_context });

/** The case with its items; the span reading it joins the case. */
async function withItems(db: Db, row: CaseRow): Promise<Case> {
  joinCase(caseRefOf(row));
  return {
    id: row.id,
    region: row.region,
    planId: row.plan_id,
    planVersion: row.plan_version,
    projectId: row.project_id,
    projectName: row.project_name,
    status: row.status,
    items: await caseItems(db, row.region, row.id),
    createdAt: row.created_at,
    ...(row.completed_at ? { completedAt: row.completed_at } : {}),
  };
}

export async function findCase(db: Db, region: string, id: string): Promise<Case | undefined> {
  const [row] = await db<CaseRow[]>`select * from cases where region = ${region} and id = ${id}`;
  return row ? withItems(db, row) : undefined;
}

export async function lockCaseByPlan(tx: TransactionSql, region: string, planId: string): Promise<Case | undefined> {
  const [row] = await tx<CaseRow[]>`select * from cases where region = ${region} and plan_id = ${planId} for update`;
  return row ? withItems(tx, row) : undefined;
}

export async function submissionCase(tx: TransactionSql, region: string, planId: string, planVersion: number): Promise<string | undefined> {
  const [row] = await tx<{ case_id: string }[]>`
    select case_id from plan_submissions where region = ${region} and plan_id = ${planId} and plan_version = ${planVersion}`;
  return row?.case_id;
}

/**
 * Inserts the case with the trace it begins in (the SubmitPlan call's), which later work on it
 * links to; false when a concurrent submission of the same plan got there first.
 */
export async function insertCase(tx: TransactionSql, kase: Case): Promise<boolean> {
  joinCase({ caseId: kase.id, projectId: kase.projectId });
  const inserted = await tx`
    insert into cases (id, region, plan_id, plan_version, project_id, project_name, status, created_at, trace_context)
    values (${kase.id}, ${kase.region}, ${kase.planId}, ${kase.planVersion}, ${kase.projectId}, ${kase.projectName}, 'open', ${kase.createdAt}, ${tx.json(currentTraceCarrier())})
    on conflict (region, plan_id) do nothing
    returning id`;
  return inserted.length > 0;
}

/** The submission of a new case's first version, as a fragment for a larger statement (see WriteSet). */
export function submissionSql(tx: TransactionSql, region: string, planId: string, planVersion: number, caseId: string): Fragment {
  return tx`insert into plan_submissions (region, plan_id, plan_version, case_id) values (${region}, ${planId}, ${planVersion}, ${caseId})`;
}

export async function recordSubmission(tx: TransactionSql, region: string, planId: string, planVersion: number, caseId: string): Promise<void> {
  await tx`insert into plan_submissions (region, plan_id, plan_version, case_id) values (${region}, ${planId}, ${planVersion}, ${caseId})`;
  await tx`update cases set plan_version = greatest(plan_version, ${planVersion}) where region = ${region} and id = ${caseId}`;
}

/** A revision can reopen a completed case (it added items). */
export async function reopenCase(tx: TransactionSql, region: string, caseId: string): Promise<void> {
  await tx`update cases set status = 'open', completed_at = null where region = ${region} and id = ${caseId}`;
}

/** What joins spans to each of the cases (ids and origin traces), in one query. */
export async function caseRefs(db: Db, region: string, caseIds: readonly string[]): Promise<Map<string, CaseRef>> {
  const rows = await db<Pick<CaseRow, "id" | "project_id" | "trace_context">[]>`
    select id, project_id, trace_context from cases where region = ${region} and id = any(${[...new Set(caseIds)]}::uuid[])`;
  return new Map(rows.map((row) => [row.id, caseRefOf(row)]));
}
