/** What the province-wide view shows first: how many cases and items a region has completed. */
export interface CompletionStats {
  region: string;
  completedCases: number;
  completedItems: number;
  lastCompletedAt?: Date;
}

export interface CompletedCase {
  region: string;
  caseId: string;
  projectId: string;
  itemCount: number;
  completedAt: Date;
}
