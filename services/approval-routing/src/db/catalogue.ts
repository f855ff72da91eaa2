import { createHash } from "node:crypto";
import { transaction, transactionResult, type Sql, type TransactionSql } from "@steward/platform/db";
import {
  catalogueItemSchema,
  parseCatalogue,
  validateItemChange,
  type Catalogue,
  type CatalogueItem,
  type ExcludedPeriod,
  type Jurisdiction,
  type LimitUnit,
  type Material,
  type ProcessingModeName,
  type SelectionKind,
  type Stage,
} from "../domain/catalogue.js";

/** A catalogue refused by the domain rules; `problems` name the items, departments or selections. */
export class CatalogueRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(`catalogue refused: ${problems.join("; ")}`);
    this.name = "CatalogueRefusedError";
  }
}

export interface CatalogueLoad {
  /** False when this version was loaded before: edits made since then are kept. */
  loaded: boolean;
  version: string;
}

export interface LoadOptions {
  /** Replace the catalogue even if this version was loaded before, discarding later edits. */
  force?: boolean;
}

/**
 * Loads a catalogue data file, replacing the stored catalogue whole in one transaction: every
 * department, item and selection of the file is written, those missing from it are deleted, and on
 * any error nothing is. A version is applied once (recorded in catalogue_versions), so the load at
 * every start does not undo administrators' edits; bump `version` in the file to apply a new one.
 * Throws CatalogueRefusedError, naming the items at fault, for a catalogue the domain refuses, and
 * when a version already loaded comes back with different content.
 */
export async function loadCatalogue(sql: Sql, catalogue: Catalogue, actor = "seed", options: LoadOptions = {}): Promise<CatalogueLoad> {
  const checked = parseCatalogue(catalogue);
  if (!checked.ok) throw new CatalogueRefusedError(checked.problems);
  const data = checked.catalogue;
  const checksum = createHash("sha256").update(JSON.stringify(data)).digest("hex");
  return transaction(sql, async (tx) => {
    await lockCatalogue(tx);
    if (!options.force) {
      const earlier = await tx<{ checksum: string }[]>`
        select checksum from catalogue_versions where version = ${data.version} order by id desc limit 1`;
      if (earlier[0]) {
        if (earlier[0].checksum !== checksum) {
          throw new CatalogueRefusedError([`version ${data.version} was loaded before with different content: give the changed file a new version`]);
        }
        return { loaded: false, version: data.version };
      }
    }
    await writeCatalogue(tx, data, actor);
    await tx`insert into catalogue_versions (version, loaded_by, source, checksum)
             values (${data.version}, ${actor}, ${data.source}, ${checksum})`;
    return { loaded: true, version: data.version };
  });
}

/**
 * The stored catalogue in the domain shape, read from one snapshot. `version` and `source` are those
 * of the last loaded file (empty before the first load); items edited since carry their own
 * updated_at / updated_by.
 */
export async function readCatalogue(sql: Sql): Promise<Catalogue> {
  return (await sql.begin("isolation level repeatable read read only", (tx) => readCatalogueIn(tx))) as Catalogue;
}

export type UpsertResult = { ok: true; item: CatalogueItem } | { ok: false; problems: string[] };

/**
 * Adds an item, or replaces the item of the same code, for a city administrator. The change is
 * validated against the whole current catalogue under the catalogue lock, so two concurrent edits
 * cannot together break it (e.g. close a prerequisite cycle); a refused change writes nothing.
 */
export async function upsertCatalogueItem(sql: Sql, item: CatalogueItem, actor: string): Promise<UpsertResult> {
  return transactionResult(sql, async (tx): Promise<UpsertResult> => {
    await lockCatalogue(tx);
    const problems = validateItemChange(await readCatalogueIn(tx), item);
    if (problems.length > 0) return { ok: false, problems };
    const valid = catalogueItemSchema.parse(item);
    // A new item goes last; a replaced one keeps its place.
    const [next] = await tx<{ position: number }[]>`select coalesce(max(position), -1) + 1 as position from catalogue_items`;
    const row = itemRow(tx, valid, next!.position, actor);
    await tx`
      insert into catalogue_items ${tx(row, ...itemColumns)}
      on conflict (code) do update set ${tx(row, ...itemColumns.filter((column) => column !== "code" && column !== "position"))}, updated_at = now()`;
    return { ok: true, item: valid };
  });
}

/** Serialises catalogue writers (loads and edits) with each other; readers are not blocked. */
async function lockCatalogue(tx: TransactionSql): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtext('steward.approval-routing.catalogue'))`;
}

const itemColumns = [
  "code",
  "name",
  "department_code",
  "jurisdiction",
  "stage",
  "statutory_limit_value",
  "statutory_limit_unit",
  "committed_limit_value",
  "committed_limit_unit",
  "modes",
  "materials",
  "prerequisites",
  "conditional_prerequisites",
  "excluded_periods",
  "supplement_working_days",
  "verification_working_days",
  "source",
  "position",
  "updated_by",
] as const;

/** Content columns: a load touches updated_at / updated_by only of rows whose content changed. */
const itemContentColumns = itemColumns.filter((column) => column !== "updated_by");

function itemRow(tx: TransactionSql, item: CatalogueItem, position: number, actor: string) {
  return {
    code: item.code,
    name: item.name,
    department_code: item.department,
    jurisdiction: item.jurisdiction,
    stage: item.stage,
    statutory_limit_value: item.statutoryLimit.value,
    statutory_limit_unit: item.statutoryLimit.unit,
    committed_limit_value: item.committedLimit.value,
    committed_limit_unit: item.committedLimit.unit,
    modes: item.modes,
    materials: tx.json(item.materials.map((material) => ({ name: material.name, core: material.core }))),
    prerequisites: item.prerequisites,
    conditional_prerequisites: item.conditionalPrerequisites,
    excluded_periods: item.excludedPeriods,
    supplement_working_days: item.supplementWorkingDays,
    verification_working_days: item.verificationWorkingDays,
    source: item.source,
    position,
    updated_by: actor,
  };
}

async function writeCatalogue(tx: TransactionSql, catalogue: Catalogue, actor: string): Promise<void> {
  const departments = catalogue.departments.map((department, position) => ({ code: department.code, name: department.name, position }));
  await tx`
    insert into departments ${tx(departments, "code", "name", "position")}
    on conflict (code) do update set name = excluded.name, position = excluded.position`;

  const items = catalogue.items.map((item, position) => itemRow(tx, item, position, actor));
  // Column names are this module's constants, never input.
  const assignments = itemColumns.filter((column) => column !== "code").map((column) => `${column} = excluded.${column}`);
  const content = (table: string) => itemContentColumns.map((column) => `${table}.${column}`).join(", ");
  await tx`
    insert into catalogue_items ${tx(items, ...itemColumns)}
    on conflict (code) do update set ${tx.unsafe(assignments.join(", "))}, updated_at = now()
    where (${tx.unsafe(content("catalogue_items"))}) is distinct from (${tx.unsafe(content("excluded"))})`;
  await tx`delete from catalogue_items where not (code = any(${catalogue.items.map((item) => item.code)}))`;
  await tx`delete from departments where not (code = any(${catalogue.departments.map((department) => department.code)}))`;

  const selections = catalogue.selections.map((selection, position) => ({
    code: selection.code,
    name: selection.name,
    kind: selection.kind,
    item_codes: selection.items,
    position,
  }));
  if (selections.length > 0) {
    await tx`
      insert into selections ${tx(selections, "code", "name", "kind", "item_codes", "position")}
      on conflict (code) do update set name = excluded.name, kind = excluded.kind, item_codes = excluded.item_codes, position = excluded.position`;
  }
  await tx`delete from selections where not (code = any(${catalogue.selections.map((selection) => selection.code)}))`;
}

interface ItemRecord {
  code: string;
  name: string;
  department_code: string;
  jurisdiction: Jurisdiction;
  stage: Stage;
  statutory_limit_value: number;
  statutory_limit_unit: LimitUnit;
  committed_limit_value: number;
  committed_limit_unit: LimitUnit;
  modes: ProcessingModeName[];
  materials: Material[];
  prerequisites: string[];
  conditional_prerequisites: string[];
  excluded_periods: ExcludedPeriod[];
  supplement_working_days: number;
  verification_working_days: number;
  source: string;
}

async function readCatalogueIn(tx: TransactionSql): Promise<Catalogue> {
  const [loaded] = await tx<{ version: string; source: string }[]>`
    select version, source from catalogue_versions order by id desc limit 1`;
  const departments = await tx<{ code: string; name: string }[]>`select code, name from departments order by position, code`;
  const items = await tx<ItemRecord[]>`
    select code, name, department_code, jurisdiction, stage, statutory_limit_value, statutory_limit_unit,
           committed_limit_value, committed_limit_unit, modes, materials, prerequisites, conditional_prerequisites, excluded_periods,
           supplement_working_days, verification_working_days, source
    from catalogue_items order by position, code`;
  const selections = await tx<{ code: string; name: string; kind: SelectionKind; item_codes: string[] }[]>`
    select code, name, kind, item_codes from selections order by position, code`;
  return {
    version: loaded?.version ?? "",
    source: loaded?.source ?? "",
    departments: departments.map((row) => ({ code: row.code, name: row.name })),
    items: items.map((row) => ({
      code: row.code,
      name: row.name,
      department: row.department_code,
      jurisdiction: row.jurisdiction,
      stage: row.stage,
      statutoryLimit: { value: row.statutory_limit_value, unit: row.statutory_limit_unit },
      committedLimit: { value: row.committed_limit_value, unit: row.committed_limit_unit },
      modes: row.modes,
      materials: row.materials.map((material) => ({ name: material.name, core: material.core })),
      prerequisites: row.prerequisites,
      conditionalPrerequisites: row.conditional_prerequisites,
      excludedPeriods: row.excluded_periods,
      supplementWorkingDays: row.supplement_working_days,
      verificationWorkingDays: row.verification_working_days,
      source: row.source,
    })),
    selections: selections.map((row) => ({ code: row.code, name: row.name, kind: row.kind, items: row.item_codes })),
  };
}
