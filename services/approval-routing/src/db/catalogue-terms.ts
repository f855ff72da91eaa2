import type { TransactionSql } from "postgres";
import type { CatalogueTerms } from "../domain/case.js";
import type { JurisdictionName, ProcessingModeName } from "../domain/case-item.js";
import type { LimitUnit } from "@steward/calendar";

interface TermsRow {
  code: string;
  name: string;
  department_code: string;
  jurisdiction: JurisdictionName;
  stage: string;
  statutory_limit_value: number;
  statutory_limit_unit: LimitUnit;
  committed_limit_value: number;
  committed_limit_unit: LimitUnit;
  modes: ProcessingModeName[];
  materials: { name: string; core: boolean }[];
  prerequisites: string[];
  excluded_periods: string[];
  supplement_working_days: number;
  verification_working_days: number;
}

/** The catalogue's terms of the given item codes, as a case snapshots them. */
export async function catalogueTerms(tx: TransactionSql, codes: string[]): Promise<Map<string, CatalogueTerms>> {
  const rows = await tx<TermsRow[]>`
    select code, name, department_code, jurisdiction, stage, statutory_limit_value, statutory_limit_unit,
           committed_limit_value, committed_limit_unit, modes, materials, prerequisites, excluded_periods,
           supplement_working_days, verification_working_days
    from catalogue_items where code = any(${codes})`;
  return new Map(
    rows.map((row) => [
      row.code,
      {
        departmentCode: row.department_code,
        itemName: row.name,
        stage: row.stage,
        jurisdiction: row.jurisdiction,
        prerequisites: row.prerequisites,
        statutoryLimit: { value: row.statutory_limit_value, unit: row.statutory_limit_unit },
        committedLimit: { value: row.committed_limit_value, unit: row.committed_limit_unit },
        modes: row.modes,
        nonCoreMaterials: row.materials.filter((material) => !material.core).map((material) => material.name),
        excludedPeriods: row.excluded_periods,
        supplementWorkingDays: row.supplement_working_days,
        verificationWorkingDays: row.verification_working_days,
      },
    ]),
  );
}
