/** What the province-wide view shows first: how many cases and items a region has completed. */
export interface CompletionStats {
  region: string;
  /** Cases completed and not reopened since. */
  completedCases: number;
  completedItems: number;
  lastCompletedAt?: Date;
  /** Cases reopened after a completion that have not completed again: taken out of completedCases. */
  reopenedCases: number;
  /** 补正 rounds asked of applicants, and among them follow-up rounds on resubmitted materials. */
  supplementRounds: number;
  followUpSupplementRounds: number;
}

/**
 * A case counts as completed while its latest completion is newer than its latest reopening
 * (completion > reopening, in the projection's SQL); numbering them, rather than taking events in
 * arrival order, keeps the count right when a reopening is handled before the completion it undoes.
 */
/** Events recorded before completions were numbered carry 0; each of them was a first completion. */
export const completionNumber = (completion: number): number => Math.max(1, completion);
