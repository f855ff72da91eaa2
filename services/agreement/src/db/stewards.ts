import type { Fragment, Sql, TransactionSql } from "postgres";
import type { Steward } from "../domain/stewards.js";

type Db = Sql | TransactionSql;

interface StewardRow {
  id: string;
  name: string;
  active: boolean;
  workload: number;
  key_project_workload: number;
}

const toSteward = (row: StewardRow): Steward => ({ id: row.id, name: row.name, active: row.active, workload: row.workload, keyProjectWorkload: row.key_project_workload });

/** The stewards with their workload: agreements in service (signed or active) they hold now. */
export async function listStewards(sql: Db, region: string, options: { includeRetired?: boolean; id?: string } = {}): Promise<Steward[]> {
  const rows = await sql<StewardRow[]>`
    select s.id, s.name, s.active,
           count(a.id)::int as workload, count(a.id) filter (where a.key_project)::int as key_project_workload
    from stewards s
    left join agreements a on a.region = s.region and a.steward_id = s.id and a.status in ('signed', 'active')
    where s.region = ${region}
      ${options.includeRetired ? sql`` : sql`and s.active`}
      ${options.id ? sql`and s.id = ${options.id}` : sql``}
    group by s.id, s.name, s.active
    order by s.name, s.id`;
  return rows.map(toSteward);
}

export async function findSteward(sql: Db, region: string, id: string): Promise<Steward | undefined> {
  return (await listStewards(sql, region, { includeRetired: true, id }))[0];
}

export async function upsertSteward(sql: Db, region: string, id: string, name: string): Promise<void> {
  await sql`insert into stewards (region, id, name) values (${region}, ${id}, ${name}) on conflict (region, id) do update set name = excluded.name, active = true, retired_at = null`;
}

/**
 * Locks the steward's row: shared by an assignment (several may go on at once), exclusive by a
 * retirement, so a steward is never retired while a key project is being handed to them.
 */
export async function lockSteward(tx: TransactionSql, region: string, id: string, mode: "share" | "update"): Promise<void> {
  await (mode === "share" ? tx`select 1 from stewards where region = ${region} and id = ${id} for share` : tx`select 1 from stewards where region = ${region} and id = ${id} for update`);
}

export function retireStewardSql(tx: TransactionSql, region: string, id: string): Fragment {
  return tx`update stewards set active = false, retired_at = now() where region = ${region} and id = ${id}`;
}

export interface AssignmentRow {
  steward_id: string;
  steward_name: string;
  assigned_at: Date;
  assigned_by: string;
  ended_at: Date | null;
  note: string;
}

export async function assignmentHistory(sql: Db, region: string, agreementId: string): Promise<AssignmentRow[]> {
  return sql<AssignmentRow[]>`
    select steward_id, steward_name, assigned_at, assigned_by, ended_at, note from steward_assignments
    where region = ${region} and agreement_id = ${agreementId}
    order by (ended_at is null) desc, assigned_at desc`;
}

/** Ends the current assignment (if any) and starts the next; two statements for one WriteSet are not allowed on one row, so the end is its own. */
export async function endCurrentAssignment(tx: TransactionSql, region: string, agreementId: string, at: Date): Promise<void> {
  await tx`update steward_assignments set ended_at = ${at} where region = ${region} and agreement_id = ${agreementId} and ended_at is null`;
}

export function insertAssignmentSql(tx: TransactionSql, row: { id: string; region: string; agreementId: string; stewardId: string; stewardName: string; at: Date; by: string; note: string }): Fragment {
  return tx`
    insert into steward_assignments (id, region, agreement_id, steward_id, steward_name, assigned_at, assigned_by, note)
    values (${row.id}, ${row.region}, ${row.agreementId}, ${row.stewardId}, ${row.stewardName}, ${row.at}, ${row.by}, ${row.note})`;
}

export interface LiaisonRow {
  department_code: string;
  department_name: string;
  liaison_id: string;
  liaison_name: string;
  assigned_at: Date;
}

export async function currentLiaisons(sql: Db, region: string, agreementId: string): Promise<LiaisonRow[]> {
  return sql<LiaisonRow[]>`
    select department_code, department_name, liaison_id, liaison_name, assigned_at from liaisons
    where region = ${region} and agreement_id = ${agreementId} and ended_at is null order by department_code`;
}

export async function endLiaison(tx: TransactionSql, region: string, agreementId: string, department: string, at: Date): Promise<void> {
  await tx`update liaisons set ended_at = ${at} where region = ${region} and agreement_id = ${agreementId} and department_code = ${department} and ended_at is null`;
}

export function insertLiaisonSql(tx: TransactionSql, row: { region: string; agreementId: string; department: string; departmentName: string; liaisonId: string; liaisonName: string; at: Date; by: string }): Fragment {
  return tx`
    insert into liaisons (region, agreement_id, department_code, department_name, liaison_id, liaison_name, assigned_at, assigned_by)
    values (${row.region}, ${row.agreementId}, ${row.department}, ${row.departmentName}, ${row.liaisonId}, ${row.liaisonName}, ${row.at}, ${row.by})`;
}
