import { topologicalOrder, type CatalogueItem } from "./catalogue.js";

/** The item as text with keys sorted at every level, so two readings of one item compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The items a county must take from the city's catalogue to match it: new or changed ones, in an
 * order where every prerequisite comes before the items that need it, so each upsert validates.
 */
export function catalogueChanges(local: CatalogueItem[], city: CatalogueItem[]): CatalogueItem[] {
  const known = new Map(local.map((item) => [item.code, canonical(item)]));
  const changed = city.filter((item) => known.get(item.code) !== canonical(item));
  return topologicalOrder(changed);
}
