import type { TransactionSql } from "postgres";
import type { Consultation } from "../domain/consultation.js";

interface ConsultationRow {
  id: string;
  region: string;
  case_id: string;
  item_id: string;
  requesting_department: string;
  consulted_department: string;
  question: string;
  due_on: string;
  due_provisional: boolean;
  outcome: Consultation["outcome"];
  answer_reason: string | null;
}

export const toConsultation = (row: ConsultationRow): Consultation => ({
  id: row.id,
  region: row.region,
  caseId: row.case_id,
  itemId: row.item_id,
  requestingDepartment: row.requesting_department,
  consultedDepartment: row.consulted_department,
  question: row.question,
  due: { date: row.due_on, provisional: row.due_provisional },
  outcome: row.outcome,
  ...(row.answer_reason ? { answerReason: row.answer_reason } : {}),
});

export async function insertConsultation(tx: TransactionSql, consultation: Consultation): Promise<void> {
  await tx`
    insert into consultations (id, region, case_id, item_id, requesting_department, consulted_department, question, due_on, due_provisional, outcome)
    values (${consultation.id}, ${consultation.region}, ${consultation.caseId}, ${consultation.itemId}, ${consultation.requestingDepartment},
            ${consultation.consultedDepartment}, ${consultation.question}, ${consultation.due.date}, ${consultation.due.provisional}, 'open')`;
}

/** Locks a consultation addressed to the department; another department's is not found. */
export async function lockConsultation(tx: TransactionSql, region: string, id: string, consultedDepartment: string): Promise<Consultation | undefined> {
  const [row] = await tx<ConsultationRow[]>`
    select * from consultations where region = ${region} and id = ${id} and consulted_department = ${consultedDepartment} for update`;
  return row ? toConsultation(row) : undefined;
}

export async function answerConsultation(tx: TransactionSql, consultation: Consultation, outcome: Consultation["outcome"], reason: string): Promise<void> {
  await tx`
    update consultations set outcome = ${outcome}, answer_reason = ${reason}, answered_at = now()
    where region = ${consultation.region} and id = ${consultation.id}`;
}

export async function openConsultationCount(tx: TransactionSql, region: string, itemId: string): Promise<number> {
  const [row] = await tx<{ n: number }[]>`select count(*)::int as n from consultations where region = ${region} and item_id = ${itemId} and outcome = 'open'`;
  return row?.n ?? 0;
}

/** openConsultationCount for many items in one query (items with none are absent). */
export async function openConsultationCounts(tx: TransactionSql, region: string, itemIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await tx<{ item_id: string; n: number }[]>`
    select item_id, count(*)::int as n from consultations
    where region = ${region} and item_id = any(${itemIds as string[]}::uuid[]) and outcome = 'open' group by item_id`;
  return new Map(rows.map((row) => [row.item_id, row.n]));
}

export async function openConsultationsOf(tx: TransactionSql, region: string, itemId: string): Promise<Consultation[]> {
  const rows = await tx<ConsultationRow[]>`select * from consultations where region = ${region} and item_id = ${itemId} and outcome = 'open' for update`;
  return rows.map(toConsultation);
}

export async function findConsultation(tx: TransactionSql, region: string, id: string): Promise<Consultation | undefined> {
  const [row] = await tx<ConsultationRow[]>`select * from consultations where region = ${region} and id = ${id}`;
  return row ? toConsultation(row) : undefined;
}
