import type { PageCursor } from "@steward/platform/grpc";
import type { Fragment, Sql, TransactionSql } from "postgres";
import { nameKey, type Project } from "../domain/project.js";
import type { Stage } from "../domain/stage.js";
import { escapeLike } from "./enterprises.js";

interface ProjectRow {
  id: string;
  region: string;
  name: string;
  enterprise_id: string;
  enterprise_name: string;
  credit_code: string;
  investment_code: string | null;
  investment_wan_yuan: string;
  industry_chain: string | null;
  contact_name: string;
  contact_phone: string;
  key_project: boolean;
  division_code: string | null;
  stage: Stage;
  steward_id: string | null;
  steward_name: string | null;
  case_id: string | null;
  registered_by: string;
  registered_at: Date;
  updated_at: Date;
  version: number;
}

/** numeric as Postgres prints it ("52000.5000"), in the canonical form the domain uses. */
const decimal = (value: string) => (value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value);

const toProject = (row: ProjectRow): Project => ({
  id: row.id,
  region: row.region,
  name: row.name,
  enterpriseId: row.enterprise_id,
  enterpriseName: row.enterprise_name,
  creditCode: row.credit_code,
  ...(row.investment_code ? { investmentCode: row.investment_code } : {}),
  investmentWanYuan: decimal(row.investment_wan_yuan),
  ...(row.industry_chain ? { industryChain: row.industry_chain } : {}),
  contactName: row.contact_name,
  contactPhone: row.contact_phone,
  keyProject: row.key_project,
  ...(row.division_code ? { divisionCode: row.division_code } : {}),
  stage: row.stage,
  ...(row.steward_id ? { stewardId: row.steward_id } : {}),
  ...(row.steward_name ? { stewardName: row.steward_name } : {}),
  ...(row.case_id ? { caseId: row.case_id } : {}),
  registeredBy: row.registered_by,
  registeredAt: row.registered_at,
  updatedAt: row.updated_at,
  version: row.version,
});

type Db = Sql | TransactionSql;

export async function findProject(sql: Db, region: string, id: string, forUpdate = false): Promise<Project | undefined> {
  const [row] = forUpdate
    ? await sql<ProjectRow[]>`select * from projects where region = ${region} and id = ${id} for update`
    : await sql<ProjectRow[]>`select * from projects where region = ${region} and id = ${id}`;
  return row ? toProject(row) : undefined;
}

export async function findProjectByCase(sql: Db, region: string, caseId: string): Promise<Project | undefined> {
  const [row] = await sql<ProjectRow[]>`select * from projects where region = ${region} and case_id = ${caseId} for update`;
  return row ? toProject(row) : undefined;
}

export async function projectsOfCreditCode(tx: TransactionSql, region: string, creditCode: string): Promise<Project[]> {
  return (await tx<ProjectRow[]>`select * from projects where region = ${region} and credit_code = ${creditCode}`).map(toProject);
}

export async function projectWithInvestmentCode(tx: TransactionSql, region: string, code: string | undefined): Promise<Project | undefined> {
  if (!code) return undefined;
  const [row] = await tx<ProjectRow[]>`select * from projects where region = ${region} and investment_code = ${code}`;
  return row ? toProject(row) : undefined;
}

export interface ProjectFilter {
  /** Part of the project's name. */
  q?: string;
  investmentCode?: string;
  creditCode?: string;
  divisionCode?: string;
  stage?: Stage;
  keyProject?: boolean;
  stewardId?: string;
  after: PageCursor | undefined;
  limit: number;
}

/** Keyset pagination by (registered_at, id): stable while projects are added. */
export async function searchProjects(sql: Sql, region: string, filter: ProjectFilter): Promise<{ projects: Project[]; next: PageCursor | undefined }> {
  const rows = await sql<ProjectRow[]>`
    select * from projects
    where region = ${region}
      ${filter.q ? sql`and name like ${`%${escapeLike(filter.q)}%`}` : sql``}
      ${filter.investmentCode ? sql`and investment_code = ${filter.investmentCode}` : sql``}
      ${filter.creditCode ? sql`and credit_code = ${filter.creditCode}` : sql``}
      ${filter.divisionCode ? sql`and division_code = ${filter.divisionCode}` : sql``}
      ${filter.stage ? sql`and stage = ${filter.stage}` : sql``}
      ${filter.keyProject !== undefined ? sql`and key_project = ${filter.keyProject}` : sql``}
      ${filter.stewardId ? sql`and steward_id = ${filter.stewardId}` : sql``}
      ${filter.after ? sql`and (registered_at, id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by registered_at, id
    limit ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit).map(toProject);
  const last = page[page.length - 1];
  return { projects: page, next: rows.length > filter.limit && last ? { at: last.registeredAt, id: last.id } : undefined };
}

export function insertProjectSql(tx: TransactionSql, project: Project): Fragment {
  return tx`
    insert into projects (id, region, name, name_key, enterprise_id, enterprise_name, credit_code, investment_code, investment_wan_yuan,
                          industry_chain, contact_name, contact_phone, key_project, division_code, stage, registered_by, registered_at,
                          updated_at, version)
    values (${project.id}, ${project.region}, ${project.name}, ${nameKey(project.name)}, ${project.enterpriseId}, ${project.enterpriseName},
            ${project.creditCode}, ${project.investmentCode ?? null}, ${project.investmentWanYuan}::numeric, ${project.industryChain ?? null},
            ${project.contactName}, ${project.contactPhone}, ${project.keyProject}, ${project.divisionCode ?? null}, ${project.stage},
            ${project.registeredBy}, ${project.registeredAt}, ${project.updatedAt}, ${project.version})`;
}

export function updateProjectSql(tx: TransactionSql, project: Project): Fragment {
  return tx`
    update projects set name = ${project.name}, name_key = ${nameKey(project.name)}, investment_code = ${project.investmentCode ?? null},
      investment_wan_yuan = ${project.investmentWanYuan}::numeric, industry_chain = ${project.industryChain ?? null},
      contact_name = ${project.contactName}, contact_phone = ${project.contactPhone}, key_project = ${project.keyProject},
      division_code = ${project.divisionCode ?? null}, stage = ${project.stage}, steward_id = ${project.stewardId ?? null},
      steward_name = ${project.stewardName ?? null}, case_id = ${project.caseId ?? null}, updated_at = ${project.updatedAt},
      version = ${project.version}
    where region = ${project.region} and id = ${project.id}`;
}
