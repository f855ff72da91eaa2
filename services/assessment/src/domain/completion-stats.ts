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

export interface CompletedCase {
  region: string;
  caseId: string;
  projectId: string;
  itemCount: number;
  completedAt: Date;
  /** 1 for the first completion, 2, 3… after reopenings (0 in events recorded before they were numbered: the first). */
  completion: number;
}

export interface ReopenedCase {
  region: string;
  caseId: string;
  projectId: string;
  reopenedAt: Date;
  /** The completion the reopening takes back. */
  undoesCompletion: number;
}

export interface SupplementRound {
  region: string;
  eventId: string;
  caseId: string;
  itemId: string;
  round: number;
  followUp: boolean;
  requestedAt: Date;
}

/**
 * A case counts as completed while its latest completion is newer than its latest reopening;
 * numbering them, rather than taking events in arrival order, keeps the count right when a
 * reopening is handled before the completion it undoes.
 */
export const countsAsCompleted = (state: { completion: number; reopening: number }): boolean => state.completion > state.reopening;

/** Events recorded before completions were numbered carry 0; each of them was a first completion. */
export const completionNumber = (completion: number): number => Math.max(1, completion);
