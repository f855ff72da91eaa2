import { transaction, type Sql } from "@steward/platform/db";
import type { Region } from "../domain/regions.js";

/** Replaces the regions with the data file's, in one transaction. */
export async function loadRegions(sql: Sql, regions: Region[]): Promise<void> {
  await transaction(sql, async (tx) => {
    await tx`delete from regions`;
    const rows = regions.map((region, position) => ({ slug: region.slug, name: region.name, division_code: region.divisionCode, kind: region.kind, position }));
    await tx`insert into regions ${tx(rows, "slug", "name", "division_code", "kind", "position")}`;
  });
}

export async function listRegions(sql: Sql): Promise<Region[]> {
  const rows = await sql<{ slug: string; name: string; division_code: string | null; kind: Region["kind"] }[]>`
    select slug, name, division_code, kind from regions order by position`;
  return rows.map((row) => ({ slug: row.slug, name: row.name, divisionCode: row.division_code, kind: row.kind }));
}
