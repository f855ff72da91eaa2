import type { Sql, TransactionSql } from "postgres";
import type { Team } from "../domain/notices.js";
import type { ProjectProfile } from "../domain/policies.js";

/**
 * Who is who: notification's projection of intake's and agreement's events (projects, their
 * enterprise, steward and liaisons, their cases and approved items). Written by the consumer in
 * its transaction; read when notices are planned.
 */
export interface ProjectFacts {
  projectId: string;
  projectName?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  creditCode?: string;
  divisionCode?: string;
  industryChain?: string;
  keyProject?: boolean;
  investmentWanYuan?: string;
  stage?: string;
  agreementId?: string;
}

/** Creates the project's row or updates the facts given (empty strings leave a value as it was). */
export async function upsertProject(tx: TransactionSql, region: string, facts: ProjectFacts): Promise<void> {
  const value = (text: string | undefined) => (text === undefined || text === "" ? null : text);
  await tx`
    insert into projects (region, project_id, project_name, enterprise_id, enterprise_name, credit_code, division_code, industry_chain, key_project, investment_wan_yuan, stage, agreement_id)
    values (${region}, ${facts.projectId}, ${facts.projectName ?? ""}, ${facts.enterpriseId ?? ""}, ${facts.enterpriseName ?? ""}, ${facts.creditCode ?? ""},
            ${facts.divisionCode ?? ""}, ${facts.industryChain ?? ""}, ${facts.keyProject ?? false}, ${value(facts.investmentWanYuan)}, ${facts.stage || "registered"}, ${facts.agreementId ?? ""})
    on conflict (region, project_id) do update set
      project_name = coalesce(${value(facts.projectName)}, projects.project_name),
      enterprise_id = coalesce(${value(facts.enterpriseId)}, projects.enterprise_id),
      enterprise_name = coalesce(${value(facts.enterpriseName)}, projects.enterprise_name),
      credit_code = coalesce(${value(facts.creditCode)}, projects.credit_code),
      division_code = coalesce(${value(facts.divisionCode)}, projects.division_code),
      industry_chain = coalesce(${value(facts.industryChain)}, projects.industry_chain),
      key_project = coalesce(${facts.keyProject ?? null}, projects.key_project),
      investment_wan_yuan = coalesce(${value(facts.investmentWanYuan)}::numeric, projects.investment_wan_yuan),
      stage = coalesce(${value(facts.stage)}, projects.stage),
      agreement_id = coalesce(${value(facts.agreementId)}, projects.agreement_id),
      updated_at = now()`;
}

/** The enterprise's name on every project of it. */
export async function renameEnterprise(tx: TransactionSql, region: string, enterpriseId: string, name: string): Promise<void> {
  await tx`update projects set enterprise_name = ${name}, updated_at = now() where region = ${region} and enterprise_id = ${enterpriseId}`;
}

/** The project's steward now; an empty id is a release. */
export async function setSteward(tx: TransactionSql, region: string, projectId: string, stewardId: string, stewardName: string): Promise<void> {
  await tx`
    insert into projects (region, project_id, steward_id, steward_name) values (${region}, ${projectId}, ${stewardId}, ${stewardName})
    on conflict (region, project_id) do update set steward_id = excluded.steward_id, steward_name = excluded.steward_name, updated_at = now()`;
}

export async function setLiaison(tx: TransactionSql, region: string, liaison: { projectId: string; departmentCode: string; departmentName: string; liaisonId: string; liaisonName: string }): Promise<void> {
  await tx`
    insert into project_liaisons (region, project_id, department_code, department_name, liaison_id, liaison_name)
    values (${region}, ${liaison.projectId}, ${liaison.departmentCode}, ${liaison.departmentName}, ${liaison.liaisonId}, ${liaison.liaisonName})
    on conflict (region, project_id, department_code) do update set
      department_name = excluded.department_name, liaison_id = excluded.liaison_id, liaison_name = excluded.liaison_name`;
}

export async function recordCase(tx: TransactionSql, region: string, caseId: string, projectId: string): Promise<void> {
  await tx`insert into cases (region, case_id, project_id) values (${region}, ${caseId}, ${projectId}) on conflict do nothing`;
  await tx`insert into projects (region, project_id) values (${region}, ${projectId}) on conflict do nothing`;
}

/** The cases of `caseIds` notification knows the project of. */
export async function knownCases(tx: TransactionSql | Sql, region: string, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await tx<{ case_id: string }[]>`select case_id from cases where region = ${region} and case_id = any(${[...new Set(caseIds)]})`;
  return new Set(rows.map((row) => row.case_id));
}

export async function recordMilestone(tx: TransactionSql, region: string, caseId: string, itemCode: string, at: Date): Promise<string | undefined> {
  const [row] = await tx<{ project_id: string }[]>`
    insert into project_milestones (region, project_id, item_code, approved_at)
    select region, project_id, ${itemCode}, ${at} from cases where region = ${region} and case_id = ${caseId}
    on conflict do nothing
    returning project_id`;
  return row?.project_id;
}

export async function setStage(tx: TransactionSql, region: string, caseId: string, stage: string): Promise<string | undefined> {
  const [row] = await tx<{ project_id: string }[]>`
    update projects p set stage = ${stage}, updated_at = now() from cases c
    where c.region = ${region} and c.case_id = ${caseId} and p.region = c.region and p.project_id = c.project_id
    returning p.project_id`;
  return row?.project_id;
}

interface TeamRow {
  project_id: string;
  case_id: string | null;
  project_name: string;
  enterprise_name: string;
  credit_code: string;
  steward_id: string;
  steward_name: string;
  liaisons: { department_code: string; liaison_id: string; liaison_name: string }[] | null;
}

export interface Teams {
  byProject: Map<string, Team>;
  byCase: Map<string, Team>;
}

/** The teams of the projects and cases named, in one query. */
export async function teamsOf(tx: TransactionSql | Sql, region: string, keys: { projectIds: readonly string[]; caseIds: readonly string[] }): Promise<Teams> {
  const teams: Teams = { byProject: new Map(), byCase: new Map() };
  if (keys.projectIds.length === 0 && keys.caseIds.length === 0) return teams;
  const rows = await tx<TeamRow[]>`
    with wanted as (
      select project_id, null::text as case_id from projects where region = ${region} and project_id = any(${[...new Set(keys.projectIds)]})
      union all
      select project_id, case_id from cases where region = ${region} and case_id = any(${[...new Set(keys.caseIds)]}))
    select w.project_id, w.case_id, p.project_name, p.enterprise_name, p.credit_code, p.steward_id, p.steward_name,
           (select json_agg(json_build_object('department_code', l.department_code, 'liaison_id', l.liaison_id, 'liaison_name', l.liaison_name))
              from project_liaisons l where l.region = ${region} and l.project_id = w.project_id) as liaisons
    from wanted w join projects p on p.region = ${region} and p.project_id = w.project_id`;
  for (const row of rows) {
    const team: Team = {
      projectId: row.project_id,
      ...(row.project_name ? { projectName: row.project_name } : {}),
      ...(row.enterprise_name ? { enterpriseName: row.enterprise_name } : {}),
      ...(row.credit_code ? { creditCode: row.credit_code } : {}),
      ...(row.steward_id ? { stewardId: row.steward_id, stewardName: row.steward_name } : {}),
      liaisons: new Map((row.liaisons ?? []).map((l) => [l.department_code, { id: l.liaison_id, name: l.liaison_name }])),
    };
    teams.byProject.set(row.project_id, team);
    if (row.case_id) teams.byCase.set(row.case_id, team);
  }
  return teams;
}

interface ProfileRow {
  project_id: string;
  project_name: string;
  enterprise_id: string;
  credit_code: string;
  industry_chain: string;
  division_code: string;
  investment_wan_yuan: string | null;
  stage: string;
  key_project: boolean;
  milestones: string[];
}

/** Projects as policies see them: all of the region's (a new policy), or those named (a change). */
export async function projectProfiles(tx: TransactionSql | Sql, region: string, projectIds?: readonly string[]): Promise<ProjectProfile[]> {
  const rows = await tx<ProfileRow[]>`
    select p.project_id, p.project_name, p.enterprise_id, p.credit_code, p.industry_chain, p.division_code, p.investment_wan_yuan::text, p.stage, p.key_project,
           coalesce((select array_agg(m.item_code) from project_milestones m where m.region = p.region and m.project_id = p.project_id), '{}') as milestones
    from projects p
    where p.region = ${region} and p.credit_code <> '' ${projectIds ? tx`and p.project_id = any(${[...new Set(projectIds)]})` : tx``}`;
  return rows.map((row) => ({
    projectId: row.project_id,
    projectName: row.project_name,
    enterpriseId: row.enterprise_id,
    creditCode: row.credit_code,
    industryChain: row.industry_chain,
    divisionCode: row.division_code,
    investmentWanYuan: row.investment_wan_yuan === null ? undefined : Number(row.investment_wan_yuan),
    stage: row.stage,
    keyProject: row.key_project,
    approvedItems: new Set(row.milestones),
  }));
}

/** Keeps an event about a case whose project is not known yet. */
export async function parkEvents(tx: TransactionSql, region: string, parked: readonly { eventId: string; caseId: string; payload: Uint8Array }[], at: Date): Promise<void> {
  if (parked.length === 0) return;
  await tx`
    insert into parked_events ${tx(
      parked.map((p) => ({ region, event_id: p.eventId, case_id: p.caseId, payload: Buffer.from(p.payload), parked_at: at })),
      "region",
      "event_id",
      "case_id",
      "payload",
      "parked_at",
    )}
    on conflict do nothing`;
}

/** Takes (deletes and returns, oldest first) the parked events of cases now known. */
export async function unparkEvents(tx: TransactionSql, region: string, caseIds: readonly string[]): Promise<Uint8Array[]> {
  if (caseIds.length === 0) return [];
  const rows = await tx<{ payload: Buffer; parked_at: Date }[]>`
    delete from parked_events where region = ${region} and case_id = any(${[...new Set(caseIds)]}) returning payload, parked_at`;
  return rows.sort((a, b) => a.parked_at.getTime() - b.parked_at.getTime()).map((row) => row.payload);
}

/** Cases with events parked longer than `olderThan`: their project is asked of routing. */
export async function strandedCases(sql: Sql, region: string, olderThan: Date, limit: number): Promise<string[]> {
  const rows = await sql<{ case_id: string }[]>`
    select case_id from parked_events where region = ${region} and parked_at < ${olderThan} group by case_id order by min(parked_at) limit ${limit}`;
  return rows.map((row) => row.case_id);
}
