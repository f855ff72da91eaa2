import { routingCatalogueV1 } from "@steward/proto";
import { catalogueItemSchema, type CatalogueItem, type Limit, type Selection } from "../../domain/catalogue.js";
import type { FieldViolation } from "@steward/platform/errors";

const units: Record<Limit["unit"], routingCatalogueV1.LimitUnit> = {
  working_days: routingCatalogueV1.LimitUnit.LIMIT_UNIT_WORKING_DAYS,
  calendar_days: routingCatalogueV1.LimitUnit.LIMIT_UNIT_CALENDAR_DAYS,
};

const limitMessage = (limit: Limit): routingCatalogueV1.Limit => ({ value: limit.value, unit: units[limit.unit] });

function limitFrom(limit: routingCatalogueV1.Limit | undefined): Limit | undefined {
  if (!limit) return undefined;
  const unit = limit.unit === routingCatalogueV1.LimitUnit.LIMIT_UNIT_WORKING_DAYS ? "working_days" : limit.unit === routingCatalogueV1.LimitUnit.LIMIT_UNIT_CALENDAR_DAYS ? "calendar_days" : undefined;
  return unit ? { value: limit.value, unit } : undefined;
}

export function toCatalogueItemMessage(item: CatalogueItem): routingCatalogueV1.CatalogueItem {
  return {
    code: item.code,
    name: item.name,
    departmentCode: item.department,
    jurisdiction: item.jurisdiction,
    stage: item.stage,
    statutoryLimit: limitMessage(item.statutoryLimit),
    committedLimit: limitMessage(item.committedLimit),
    modes: item.modes,
    materials: item.materials,
    prerequisites: item.prerequisites,
    conditionalPrerequisites: item.conditionalPrerequisites,
    excludedPeriods: item.excludedPeriods,
    source: item.source,
    supplementWorkingDays: item.supplementWorkingDays,
    verificationWorkingDays: item.verificationWorkingDays,
  };
}

export const toSelectionMessage = (selection: Selection): routingCatalogueV1.Selection => ({
  code: selection.code,
  name: selection.name,
  kind: selection.kind,
  itemCodes: selection.items,
});

/** The item of an upsert request, checked field by field against the catalogue's schema. */
export function catalogueItemFrom(message: routingCatalogueV1.CatalogueItem | undefined): { ok: true; item: CatalogueItem } | { ok: false; violations: FieldViolation[] } {
  if (!message) return { ok: false, violations: [{ field: "item", description: "is required" }] };
  const parsed = catalogueItemSchema.safeParse({
    code: message.code,
    name: message.name,
    department: message.departmentCode,
    jurisdiction: message.jurisdiction,
    stage: message.stage,
    statutoryLimit: limitFrom(message.statutoryLimit),
    committedLimit: limitFrom(message.committedLimit),
    modes: message.modes,
    materials: message.materials,
    prerequisites: message.prerequisites,
    conditionalPrerequisites: message.conditionalPrerequisites,
    excludedPeriods: message.excludedPeriods,
    supplementWorkingDays: message.supplementWorkingDays,
    verificationWorkingDays: message.verificationWorkingDays,
    source: message.source,
  });
  if (parsed.success) return { ok: true, item: parsed.data };
  const names: Record<string, string> = { department: "department_code", statutoryLimit: "statutory_limit", committedLimit: "committed_limit", conditionalPrerequisites: "conditional_prerequisites", excludedPeriods: "excluded_periods", supplementWorkingDays: "supplement_working_days", verificationWorkingDays: "verification_working_days" };
  return {
    ok: false,
    violations: parsed.error.issues.map((issue) => {
      const [head, ...rest] = issue.path.map(String);
      return { field: ["item", names[head ?? ""] ?? head, ...rest].filter(Boolean).join("."), description: issue.message };
    }),
  };
}
