import { transaction, type Sql, type TransactionSql } from "@steward/platform/db";
import type { Catalogue } from "../domain/catalogue.js";

/** Loads the catalogue data in one transaction: all of it or, on any error, none of it. */
export async function loadCatalogue(sql: Sql, catalogue: Catalogue): Promise<void> {
  await transaction(sql, async (tx) => {
    await tx`insert into departments ${tx(catalogue.departments, "code", "name")}
             on conflict (code) do update set name = excluded.name`;
    const rows = catalogue.items.map((item) => ({
      code: item.code,
      name: item.name,
      department_code: item.department,
      jurisdiction: item.jurisdiction,
      stage: item.stage,
      statutory_limit_value: item.statutoryLimit.value,
      statutory_limit_unit: item.statutoryLimit.unit,
      committed_limit_value: item.committedLimit.value,
      committed_limit_unit: item.committedLimit.unit,
    }));
    await tx`insert into catalogue_items ${tx(rows)}
             on conflict (code) do update set name = excluded.name, department_code = excluded.department_code,
               jurisdiction = excluded.jurisdiction, stage = excluded.stage,
               statutory_limit_value = excluded.statutory_limit_value, statutory_limit_unit = excluded.statutory_limit_unit,
               committed_limit_value = excluded.committed_limit_value, committed_limit_unit = excluded.committed_limit_unit`;
  });
}

/** Department of each known item code among `codes`. */
export async function catalogueDepartments(tx: TransactionSql, codes: string[]): Promise<Map<string, string>> {
  const rows = await tx<{ code: string; department_code: string }[]>`
    select code, department_code from catalogue_items where code = any(${codes})`;
  return new Map(rows.map((row) => [row.code, row.department_code]));
}
