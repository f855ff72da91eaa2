import type { Sql, TransactionSql } from "postgres";
import type { Project } from "../domain/project.js";

interface ProjectRow {
  id: string;
  region: string;
  name: string;
  enterprise_name: string;
  credit_code: string;
  investment_code: string | null;
  investment_wan_yuan: string;
  industry_chain: string | null;
  contact_name: string;
  contact_phone: string;
  registered_by: string;
  registered_at: Date;
}

const toProject = (row: ProjectRow): Project => ({
  id: row.id,
  region: row.region,
  name: row.name,
  enterpriseName: row.enterprise_name,
  creditCode: row.credit_code,
  investmentCode: row.investment_code ?? undefined,
  investmentWanYuan: Number(row.investment_wan_yuan),
  industryChain: row.industry_chain ?? undefined,
  contactName: row.contact_name,
  contactPhone: row.contact_phone,
  registeredBy: row.registered_by,
  registeredAt: row.registered_at,
});

export async function insertProject(tx: TransactionSql, project: Project): Promise<void> {
  await tx`
    insert into projects (id, region, name, enterprise_name, credit_code, investment_code, investment_wan_yuan,
                          industry_chain, contact_name, contact_phone, registered_by, registered_at)
    values (${project.id}, ${project.region}, ${project.name}, ${project.enterpriseName}, ${project.creditCode},
            ${project.investmentCode ?? null}, ${project.investmentWanYuan}, ${project.industryChain ?? null},
            ${project.contactName}, ${project.contactPhone}, ${project.registeredBy}, ${project.registeredAt})`;
}

/** A project of the region; with `creditCode`, only if it is that enterprise's (an enterprise caller). */
export async function findProject(sql: Sql, region: string, id: string, creditCode?: string): Promise<Project | undefined> {
  const [row] = await sql<ProjectRow[]>`
    select * from projects where region = ${region} and id = ${id} ${creditCode === undefined ? sql`` : sql`and credit_code = ${creditCode}`}`;
  return row ? toProject(row) : undefined;
}

export async function investmentCodeTaken(tx: TransactionSql, region: string, code: string): Promise<boolean> {
  const [row] = await tx`select 1 from projects where region = ${region} and investment_code = ${code}`;
  return row !== undefined;
}
