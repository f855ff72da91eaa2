/**
 * The project's stage, derived from its case in approval routing: the earliest construction-
 * approval stage (国办发〔2019〕11号: 立项用地规划许可 → 工程建设许可 → 施工许可 → 竣工验收, then 准营)
 * that still has an open item; "completed" once every item is done, "registered" before a case.
 */
export const stages = ["registered", "land_planning", "engineering_permit", "construction_permit", "completion_acceptance", "operation", "completed"] as const;
export type Stage = (typeof stages)[number];

/** The catalogue's stage names (routing's catalogue data) and their codes here, in order. */
const catalogueStages: Readonly<Record<string, Stage>> = {
  立项用地规划许可: "land_planning",
  工程建设许可: "engineering_permit",
  施工许可: "construction_permit",
  竣工验收: "completion_acceptance",
  准营: "operation",
};

/** Item states after which an item no longer holds its stage open. */
const finished = new Set(["approved", "rejected", "cancelled", "returned", "revoked"]);

export interface CaseItemView {
  stage: string;
  state: string;
}

/** The stage of a project whose case holds `items` (and is `completed` or not). */
export function deriveStage(items: readonly CaseItemView[], completed: boolean): Stage {
  if (completed) return "completed";
  const open = items.filter((item) => !finished.has(item.state)).map((item) => catalogueStages[item.stage]).filter((stage): stage is Stage => stage !== undefined);
  if (open.length === 0) return items.length === 0 ? "registered" : "completed";
  return open.sort((a, b) => stages.indexOf(a) - stages.indexOf(b))[0]!;
}
