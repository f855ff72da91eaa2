import { newEvent, type EventEnvelope } from "@steward/platform/events";
import type { CommitmentBar } from "../domain/commitment-bar.js";

export interface CaseHeadline {
  caseId: string;
  projectId: string;
  planId: string;
  projectName: string;
}

/** routing.case.completed: `completion` is 1 the first time, 2, 3… after reopenings. */
export function caseCompleted(region: string, kase: CaseHeadline & { itemCount: number; completion: number }): EventEnvelope {
  return newEvent({ region, aggregateId: kase.caseId, payload: { $case: "caseCompleted", value: kase } });
}

/** routing.case.reopened: a completed case is open again; it undoes completion `undoesCompletion`. */
export function caseReopened(
  region: string,
  kase: CaseHeadline & { cause: "revoked" | "revised"; reason: string; undoesCompletion: number; itemId?: string; itemCode?: string },
): EventEnvelope {
  return newEvent({
    region,
    aggregateId: kase.caseId,
    payload: { $case: "caseReopened", value: { ...kase, itemId: kase.itemId ?? "", itemCode: kase.itemCode ?? "" } },
  });
}

/** routing.enterprise.barred: announced in every region that records the bar, with the modes it closes. */
export function enterpriseBarred(region: string, bar: CommitmentBar, modes: readonly string[]): EventEnvelope {
  return newEvent({
    region,
    aggregateId: bar.creditCode,
    payload: {
      $case: "enterpriseBarred",
      value: {
        creditCode: bar.creditCode,
        originRegion: bar.originRegion,
        originItemId: bar.originItemId,
        itemCode: bar.itemCode,
        revokedOn: bar.revokedOn,
        barredThrough: bar.barredThrough,
        reason: bar.reason,
        caseId: bar.caseId ?? "",
        modes: [...modes],
      },
    },
  });
}
