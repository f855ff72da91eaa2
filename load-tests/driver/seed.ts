/**
 * Fills a routing database with finished history before a run, with bulk SQL (never RPCs), so the
 * benchmark can compare the routing path over a small and a large table: `count` approved items in
 * completed cases of ten items each, in the run's region, spread over the catalogue's county items
 * and departments, created before anything the run adds (so they are the oldest rows of every
 * department's list). Terms are built from the catalogue the service loaded, as SubmitPlan does.
 */
import postgres from "postgres";

const itemsPerCase = 10;
/** Cases per INSERT: keeps each statement's memory and WAL bounded. */
const casesPerBatch = 20_000;

export async function seedFinishedItems(databaseUrl: string, region: string, count: number, log: (line: string) => void): Promise<void> {
  if (count <= 0) return;
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connection: { statement_timeout: 0 } });
  const started = performance.now();
  try {
    const cases = Math.ceil(count / itemsPerCase);
    for (let from = 0; from < cases; from += casesPerBatch) {
      const to = Math.min(cases, from + casesPerBatch) - 1;
      await sql.begin(async (tx) => {
        await tx`
          insert into cases (id, region, plan_id, plan_version, project_id, project_name, status, created_at, completed_at)
          select md5(${region} || ':case:' || g)::uuid, ${region}, md5(${region} || ':plan:' || g)::uuid, 1,
                 md5(${region} || ':project:' || g)::uuid, '历史项目 ' || g, 'completed',
                 now() - interval '400 days' + g * interval '1 second', now() - interval '300 days' + g * interval '1 second'
          from generate_series(${from}::int, ${to}::int) as g`;
        await tx`
          with catalogue as (
            select row_number() over (order by position) - 1 as k, c.*
            from catalogue_items c where jurisdiction = 'county'
          ), size as (select count(*) as n from catalogue)
          insert into case_items (id, region, case_id, item_code, department_code, state, mode, terms, accepted_on,
                                  statutory_due_on, committed_due_on, warn_on, updated_at, created_at)
          select md5(${region} || ':item:' || g || ':' || slot)::uuid, ${region}, md5(${region} || ':case:' || g)::uuid,
                 c.code, c.department_code, 'approved', 'normal',
                 jsonb_build_object(
                   'itemName', c.name, 'stage', c.stage, 'jurisdiction', c.jurisdiction,
                   'prerequisites', to_jsonb(c.prerequisites),
                   'statutoryLimit', jsonb_build_object('value', c.statutory_limit_value, 'unit', c.statutory_limit_unit),
                   'committedLimit', jsonb_build_object('value', c.committed_limit_value, 'unit', c.committed_limit_unit),
                   'modes', to_jsonb(c.modes),
                   'nonCoreMaterials', coalesce((select jsonb_agg(m -> 'name') from jsonb_array_elements(c.materials) m where not (m ->> 'core')::boolean), '[]'::jsonb),
                   'excludedPeriods', to_jsonb(c.excluded_periods),
                   'supplementWorkingDays', c.supplement_working_days, 'verificationWorkingDays', c.verification_working_days),
                 current_date - 400, current_date - 380, current_date - 390, current_date - 391,
                 now() - interval '300 days', now() - interval '400 days' + g * interval '1 second' + slot * interval '1 millisecond'
          from generate_series(${from}::int, ${to}::int) as g
          cross join generate_series(0, ${itemsPerCase - 1}::int) as slot
          cross join size
          join catalogue c on c.k = (g + slot) % size.n
          where g * ${itemsPerCase} + slot < ${count}`;
      });
    }
    await sql`analyze cases`;
    await sql`analyze case_items`;
    const [row] = await sql<{ items: string }[]>`select count(*)::text as items from case_items where region = ${region}`;
    log(`seed: ${row?.items} finished items in ${cases} cases written in ${Math.round(performance.now() - started) / 1000} s`);
  } finally {
    await sql.end();
  }
}
