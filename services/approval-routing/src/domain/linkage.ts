import type { CaseItem } from "./case-item.js";
import type { ItemOutcome, ItemStep } from "./item-commands.js";
import type { ItemState } from "./item-state.js";

/**
 * County side: the county's copy of an item the city decides follows the city's state. The city
 * enforced the transition; the county records it as it happened there, so its case sees one item.
 */
export function mirrorRemoteState(item: CaseItem, report: { state: ItemState; action: string; reason: string; outstanding: string[]; at: Date }): ItemOutcome {
  const step: ItemStep = { action: report.action as ItemStep["action"], from: item.state, to: report.state, reason: report.reason, details: { decidedIn: item.handledInRegion } };
  return { item: { ...item, state: report.state, outstandingMaterials: report.outstanding, updatedAt: report.at }, steps: [step] };
}
