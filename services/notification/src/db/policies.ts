import type { PageCursor } from "@steward/platform/grpc";
import type { Sql, TransactionSql } from "postgres";
import type { Policy, PolicyInput, PolicyTags } from "../domain/policies.js";

interface PolicyRow {
  id: string;
  code: string;
  title: string;
  summary: string;
  issuer: string;
  url: string;
  tags: PolicyTags;
  no_application: boolean;
  active: boolean;
  version: number;
  valid_until: string | null;
  updated_at: Date;
}

const toPolicy = (row: PolicyRow): Policy => ({
  id: row.id,
  code: row.code,
  title: row.title,
  summary: row.summary,
  issuer: row.issuer,
  url: row.url,
  tags: row.tags,
  noApplication: row.no_application,
  active: row.active,
  version: row.version,
  validUntil: row.valid_until ?? undefined,
  updatedAt: row.updated_at,
});

/** Adds a policy, or replaces the one with the same code as its next version. */
export async function upsertPolicy(tx: TransactionSql, region: string, id: string, input: PolicyInput, by: string, at: Date): Promise<Policy> {
  const [row] = await tx<PolicyRow[]>`
    insert into policies (id, region, code, title, summary, issuer, url, tags, no_application, active, valid_until, updated_at, updated_by)
    values (${id}, ${region}, ${input.code}, ${input.title}, ${input.summary}, ${input.issuer}, ${input.url}, ${tx.json(input.tags as never)}, ${input.noApplication}, ${input.active},
            ${input.validUntil || null}, ${at}, ${by})
    on conflict (region, code) do update set title = excluded.title, summary = excluded.summary, issuer = excluded.issuer, url = excluded.url, tags = excluded.tags,
      no_application = excluded.no_application, active = excluded.active, valid_until = excluded.valid_until, updated_at = excluded.updated_at,
      updated_by = excluded.updated_by, version = policies.version + 1
    returning *`;
  return toPolicy(row!);
}

export async function activePolicies(tx: TransactionSql, region: string): Promise<Policy[]> {
  const rows = await tx<PolicyRow[]>`select * from policies where region = ${region} and active`;
  return rows.map(toPolicy);
}

export async function listPolicies(sql: Sql, region: string, filter: { activeOnly: boolean; after: PageCursor | undefined; limit: number }): Promise<{ policies: Policy[]; next: PageCursor | undefined }> {
  const rows = await sql<PolicyRow[]>`
    select * from policies where region = ${region} ${filter.activeOnly ? sql`and active` : sql``}
      ${filter.after ? sql`and (updated_at, id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by updated_at, id limit ${filter.limit + 1}`;
  const policies = rows.slice(0, filter.limit).map(toPolicy);
  const last = policies[policies.length - 1];
  return { policies, next: rows.length > filter.limit && last ? { at: last.updatedAt, id: last.id } : undefined };
}

export interface MatchRow {
  policyId: string;
  projectId: string;
  policyVersion: number;
  creditCode: string;
  trigger: string;
  matchedTags: string[];
}

/** Records matches not made before (once per policy and project); returns the new ones. */
export async function insertMatches(tx: TransactionSql, region: string, matches: readonly MatchRow[], at: Date): Promise<MatchRow[]> {
  if (matches.length === 0) return [];
  const rows = await tx<{ policy_id: string; project_id: string }[]>`
    insert into policy_matches (region, policy_id, project_id, policy_version, credit_code, trigger, matched_tags, matched_at)
    select ${region}, m.policy_id, m.project_id, m.policy_version, m.credit_code, m.trigger, m.matched_tags, ${at}
    from jsonb_to_recordset(${tx.json(matches.map((m) => ({ policy_id: m.policyId, project_id: m.projectId, policy_version: m.policyVersion, credit_code: m.creditCode, trigger: m.trigger, matched_tags: m.matchedTags })) as never)})
      as m(policy_id uuid, project_id text, policy_version int, credit_code text, trigger text, matched_tags text[])
    on conflict do nothing
    returning policy_id, project_id`;
  const fresh = new Set(rows.map((row) => `${row.policy_id}/${row.project_id}`));
  return matches.filter((m) => fresh.has(`${m.policyId}/${m.projectId}`));
}

export interface MatchView {
  policyId: string;
  policyCode: string;
  title: string;
  projectId: string;
  projectName: string;
  creditCode: string;
  noApplication: boolean;
  trigger: string;
  matchedTags: string[];
  matchedAt: Date;
}

export async function listMatches(sql: Sql, region: string, filter: { projectId?: string; creditCode?: string; after: PageCursor | undefined; limit: number }): Promise<{ matches: MatchView[]; next: PageCursor | undefined }> {
  const rows = await sql<MatchView[]>`
    select m.policy_id as "policyId", p.code as "policyCode", p.title, m.project_id as "projectId", coalesce(pr.project_name, '') as "projectName", m.credit_code as "creditCode",
           p.no_application as "noApplication", m.trigger, m.matched_tags as "matchedTags", m.matched_at as "matchedAt"
    from policy_matches m join policies p on p.id = m.policy_id
    left join projects pr on pr.region = m.region and pr.project_id = m.project_id
    where m.region = ${region}
      ${filter.projectId ? sql`and m.project_id = ${filter.projectId}` : sql``}
      ${filter.creditCode ? sql`and m.credit_code = ${filter.creditCode}` : sql``}
      ${filter.after ? sql`and (m.matched_at, m.policy_id::text || m.project_id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by m.matched_at, m.policy_id::text || m.project_id limit ${filter.limit + 1}`;
  const matches = rows.slice(0, filter.limit);
  const last = matches[matches.length - 1];
  return { matches, next: rows.length > filter.limit && last ? { at: last.matchedAt, id: `${last.policyId}${last.projectId}` } : undefined };
}
