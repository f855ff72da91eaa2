import type { Fragment, Sql, TransactionSql } from "postgres";
import type { Plan, PlanItem, PlanProblem, PlanStatus, Review } from "../domain/plan.js";

type Db = Sql | TransactionSql;

interface PlanRow {
  id: string;
  region: string;
  agreement_id: string;
  version: number;
  items: PlanItem[];
  status: PlanStatus;
  source_kind: Plan["sourceKind"];
  source_code: string;
  source_name: string;
  drafted_by: string;
  drafted_at: Date;
  approved_by: string | null;
  approved_at: Date | null;
  case_id: string | null;
  problems: PlanProblem[];
  submission_detail: string | null;
  answered_at: Date | null;
  reviews: { departmentCode: string; departmentName: string; liaisonId: string; decision: Review["decision"]; reason: string; reviewedAt: string }[] | null;
}

const toPlan = (row: PlanRow): Plan => ({
  id: row.id,
  region: row.region,
  agreementId: row.agreement_id,
  version: row.version,
  items: row.items,
  status: row.status,
  sourceKind: row.source_kind,
  sourceCode: row.source_code,
  sourceName: row.source_name,
  draftedBy: row.drafted_by,
  draftedAt: row.drafted_at,
  ...(row.approved_by ? { approvedBy: row.approved_by } : {}),
  ...(row.approved_at ? { approvedAt: row.approved_at } : {}),
  reviews: (row.reviews ?? []).map((review) => ({ ...review, reviewedAt: new Date(review.reviewedAt) })),
  ...(row.case_id ? { caseId: row.case_id } : {}),
  problems: row.problems,
  ...(row.submission_detail ? { refusalDetail: row.submission_detail } : {}),
  ...(row.answered_at ? { answeredAt: row.answered_at } : {}),
});

const selectPlans = (sql: Db) => sql`
  select p.*, (
    select json_agg(json_build_object('departmentCode', r.department_code, 'departmentName', r.department_name, 'liaisonId', r.liaison_id,
                                      'decision', r.decision, 'reason', r.reason, 'reviewedAt', r.reviewed_at) order by r.department_code)
    from plan_reviews r where r.plan_id = p.id and r.version = p.version
  ) as reviews
  from plans p`;

/** The agreement's plan versions, newest first (or only `version`). */
export async function planVersions(sql: Db, region: string, agreementId: string, version?: number): Promise<Plan[]> {
  const rows = await sql<PlanRow[]>`
    ${selectPlans(sql)} where p.region = ${region} and p.agreement_id = ${agreementId} ${version ? sql`and p.version = ${version}` : sql``}
    order by p.version desc`;
  return rows.map(toPlan);
}

export async function latestPlan(sql: Db, region: string, agreementId: string): Promise<Plan | undefined> {
  const [row] = await sql<PlanRow[]>`${selectPlans(sql)} where p.region = ${region} and p.agreement_id = ${agreementId} order by p.version desc limit 1`;
  return row ? toPlan(row) : undefined;
}

export function insertPlanSql(tx: TransactionSql, plan: Plan): Fragment {
  return tx`
    insert into plans (id, region, agreement_id, version, items, status, source_kind, source_code, source_name, drafted_by, drafted_at)
    values (${plan.id}, ${plan.region}, ${plan.agreementId}, ${plan.version}, ${tx.json(plan.items as never)}, ${plan.status}, ${plan.sourceKind},
            ${plan.sourceCode}, ${plan.sourceName}, ${plan.draftedBy}, ${plan.draftedAt})`;
}

export function updatePlanSql(tx: TransactionSql, plan: Plan): Fragment {
  return tx`
    update plans set status = ${plan.status}, approved_by = ${plan.approvedBy ?? null}, approved_at = ${plan.approvedAt ?? null},
      case_id = ${plan.caseId ?? null}, problems = ${tx.json(plan.problems as never)}, submission_detail = ${plan.refusalDetail ?? null},
      answered_at = ${plan.answeredAt ?? null},
      submission_status = ${plan.status === "accepted" ? "accepted" : plan.status === "refused" ? "refused" : "pending"}
    where id = ${plan.id} and version = ${plan.version}`;
}

export function upsertReviewSql(tx: TransactionSql, plan: Plan, review: Review): Fragment {
  return tx`
    insert into plan_reviews (region, plan_id, version, department_code, department_name, liaison_id, decision, reason, reviewed_at)
    values (${plan.region}, ${plan.id}, ${plan.version}, ${review.departmentCode}, ${review.departmentName}, ${review.liaisonId}, ${review.decision}, ${review.reason}, ${review.reviewedAt})
    on conflict (plan_id, version, department_code) do update set liaison_id = excluded.liaison_id, decision = excluded.decision, reason = excluded.reason, reviewed_at = excluded.reviewed_at`;
}
