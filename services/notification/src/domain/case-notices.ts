/**
 * Which notice a case's events ask for. A case completes once, or again after it was reopened (a
 * revoked approval on commitment, a plan revision adding items): the steward hears of the
 * reopening on its own, and a later completion as a completion again, so that no second plain
 * "全部办结" notice contradicts the first.
 */
export interface Notice {
  template: "case-completed" | "case-completed-again" | "case-reopened";
  values: Record<string, string | number>;
}

export const noticeTemplates: readonly Notice["template"][] = ["case-completed", "case-completed-again", "case-reopened"];

export function completionNotice(completed: { projectName: string; itemCount: number; completion: number }): Notice {
  const values = { projectName: completed.projectName, itemCount: completed.itemCount, completion: completed.completion };
  // Events recorded before completions were numbered carry 0: a first completion.
  return { template: completed.completion > 1 ? "case-completed-again" : "case-completed", values };
}

export function reopeningNotice(reopened: { projectName: string; reason: string }): Notice {
  return { template: "case-reopened", values: { projectName: reopened.projectName, reason: reopened.reason } };
}
