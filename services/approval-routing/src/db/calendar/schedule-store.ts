import type { Sql, TransactionSql } from "@steward/platform/db";
import { buildHolidaySchedule, checkYearSchedule, officialCalendar, type CalendarOverride, type HolidaySchedule, type ScheduleEntry, type YearPublication } from "@steward/calendar";

/** What administrators published on top of the official data: days and years. */
export interface Publications {
  overrides: CalendarOverride[];
  publications: YearPublication[];
}

/**
 * The overrides and year publications in the database. One statement, so one snapshot in any
 * transaction: read by two statements, a year published between them came back "published"
 * without its days, and every deadline computed on that schedule was final and wrong.
 */
export async function loadPublications(sql: Sql | TransactionSql): Promise<Publications> {
  const [row] = await sql<
    { overrides: { date: string; kind: "holiday" | "workday"; source: string; note: string | null }[]; years: { year: number; source: string; published_at: string }[] }[]
  >`
    select
      coalesce((select json_agg(json_build_object('date', date::text, 'kind', kind, 'source', source, 'note', note) order by date) from calendar_overrides), '[]') as overrides,
      coalesce((select json_agg(json_build_object('year', year, 'source', source, 'published_at', published_at) order by year) from calendar_years), '[]') as years`;
  return {
    overrides: row!.overrides,
    publications: row!.years.map((year) => ({ year: year.year, source: year.source, publishedAt: new Date(year.published_at) })),
  };
}

/**
 * The holiday schedule in force: the official data of the chinese-days package, with the
 * administrator's overrides and year publications from the database on top. One small query;
 * callers keep the result and load it again after `publishYear`.
 */
export async function loadSchedule(sql: Sql | TransactionSql): Promise<HolidaySchedule> {
  return buildHolidaySchedule({ official: officialCalendar, ...(await loadPublications(sql)) });
}

export type PublishYearResult = { ok: true; year: number } | { ok: false; problems: string[] };

/**
 * Publishes a year's schedule in the caller's transaction: its days become overrides and the
 * year is marked published, so deadlines in it stop being provisional. The entries are the whole
 * schedule of the year: overrides dated in `year` that are not among them are removed, so
 * publishing again (an amended notice) replaces the earlier schedule. Entries dated in the
 * December before (a make-up day moved into it) are added or replaced, never removed.
 *
 * Recomputing the provisional deadlines and announcing it is the caller's part, with the schedule
 * `loadSchedule` returns afterwards (see `recomputeProvisional` in the domain).
 */
export async function publishYear(
  tx: TransactionSql,
  year: number,
  entries: readonly ScheduleEntry[],
  source: string,
  actor: string,
): Promise<PublishYearResult> {
  const problems = checkYearSchedule(year, entries);
  if (!source.trim()) problems.push("source: the notice the schedule comes from is required");
  if (!actor.trim()) problems.push("actor: required");
  if (problems.length > 0) return { ok: false, problems };

  const dates = entries.map((entry) => entry.date);
  await tx`
    delete from calendar_overrides
    where date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
      and not (date = any(${dates}::date[]))`;
  if (entries.length > 0) {
    const rows = entries.map((entry) => ({ date: entry.date, kind: entry.kind, note: entry.note ?? null, source, created_by: actor }));
    await tx`
      insert into calendar_overrides ${tx(rows, "date", "kind", "note", "source", "created_by")}
      on conflict (date) do update set kind = excluded.kind, note = excluded.note, source = excluded.source,
        created_by = excluded.created_by, created_at = now()`;
  }
  await tx`
    insert into calendar_years (year, source, published_by) values (${year}, ${source}, ${actor})
    on conflict (year) do update set source = excluded.source, published_by = excluded.published_by, published_at = now()`;
  return { ok: true, year };
}
