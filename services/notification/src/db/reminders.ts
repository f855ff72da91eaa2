import type { TransactionSql } from "postgres";
import type { ReminderKind } from "../domain/rules.js";

/** A clock notification watches for escalating reminders, with its next point. */
export interface ReminderRecord {
  id: string;
  kind: ReminderKind;
  subjectId: string;
  caseId: string;
  itemId: string;
  itemCode: string;
  departmentCode: string;
  consultedDepartment: string;
  startedOn: string;
  dueOn: string;
  dueProvisional: boolean;
  nextPoint: number;
  nextAt: Date | undefined;
}

interface ReminderRow {
  id: string;
  kind: ReminderKind;
  subject_id: string;
  case_id: string;
  item_id: string;
  item_code: string;
  department_code: string;
  consulted_department: string;
  started_on: string;
  due_on: string;
  due_provisional: boolean;
  next_point: number;
  next_at: Date | null;
}

const toRecord = (row: ReminderRow): ReminderRecord => ({
  id: row.id,
  kind: row.kind,
  subjectId: row.subject_id,
  caseId: row.case_id,
  itemId: row.item_id,
  itemCode: row.item_code,
  departmentCode: row.department_code,
  consultedDepartment: row.consulted_department,
  startedOn: row.started_on,
  dueOn: row.due_on,
  dueProvisional: row.due_provisional,
  nextPoint: row.next_point,
  nextAt: row.next_at ?? undefined,
});

/** Starts watching clocks, or restarts them on a new due date (a clock is one per kind and subject). */
export async function openReminders(tx: TransactionSql, region: string, records: readonly ReminderRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    id: r.id,
    region,
    kind: r.kind,
    subject_id: r.subjectId,
    case_id: r.caseId,
    item_id: r.itemId,
    item_code: r.itemCode,
    department_code: r.departmentCode,
    consulted_department: r.consultedDepartment,
    started_on: r.startedOn,
    due_on: r.dueOn,
    due_provisional: r.dueProvisional,
    next_point: r.nextPoint,
    next_at: r.nextAt ?? null,
  }));
  await tx`
    insert into reminders (id, region, kind, subject_id, case_id, item_id, item_code, department_code, consulted_department, started_on, due_on, due_provisional, next_point, next_at)
    select id, region, kind, subject_id, case_id, item_id, item_code, department_code, consulted_department, started_on, due_on, due_provisional, next_point, next_at
    from jsonb_populate_recordset(null::reminders, ${tx.json(rows as never)})
    on conflict (region, kind, subject_id) do update set
      due_on = excluded.due_on, due_provisional = excluded.due_provisional, next_point = excluded.next_point, next_at = excluded.next_at, closed_at = null`;
}

/** Stops watching the clocks of these subjects. */
export async function closeReminders(tx: TransactionSql, region: string, closing: readonly { kind: ReminderKind; subjectId: string }[], at: Date): Promise<void> {
  if (closing.length === 0) return;
  await tx`
    update reminders r set closed_at = ${at}, next_at = null
    from unnest(${closing.map((c) => c.kind)}::text[], ${closing.map((c) => c.subjectId)}::text[]) as c(kind, subject_id)
    where r.region = ${region} and r.kind = c.kind and r.subject_id = c.subject_id and r.closed_at is null`;
}

/** Reminders whose next point is due, locked for this round (replicas skip them). */
export async function claimDueReminders(tx: TransactionSql, region: string, now: Date, limit: number): Promise<ReminderRecord[]> {
  const rows = await tx<ReminderRow[]>`
    select * from reminders where region = ${region} and closed_at is null and next_at <= ${now}
    order by next_at limit ${limit} for update skip locked`;
  return rows.map(toRecord);
}

/** Moves a reminder on to its next point, or closes it when none is left. */
export async function advanceReminder(tx: TransactionSql, id: string, next: { point: number; at: Date } | undefined, now: Date): Promise<void> {
  await tx`
    update reminders set next_point = ${next?.point ?? 0}, next_at = ${next?.at ?? null}, closed_at = ${next ? null : now}
    where id = ${id}`;
}
