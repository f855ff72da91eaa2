import type { TransactionSql } from "postgres";
import { recordEvents } from "@steward/platform/events";
import { appendLedger } from "@steward/platform/ledger";
import { caseReopened } from "../events/case-events.js";
import { caseChain } from "./chains.js";
import { reopenCase } from "./cases.js";

export interface Reopening {
  cause: "revoked" | "revised";
  reason: string;
  actor: string;
  /** The revoked item, when an approval was revoked. */
  item?: { id: string; itemCode: string };
}

/**
 * Opens a completed case again and says so: a ledger row and routing.case.reopened, which notifies
 * the steward and lets assessment take the completion back. Nothing happens to a case that is not
 * completed. True when the case was reopened.
 */
export async function reopenCompletedCase(tx: TransactionSql, region: string, caseId: string, reopening: Reopening): Promise<boolean> {
  const reopened = await reopenCase(tx, region, caseId);
  if (!reopened) return false;
  await appendLedger(tx, [
    {
      region,
      chainId: caseChain(caseId),
      actor: reopening.actor,
      action: "case.reopened",
      from: "completed",
      to: "open",
      reason: reopening.reason,
      details: { cause: reopening.cause, undoesCompletion: reopened.completions, ...(reopening.item ? { itemId: reopening.item.id, itemCode: reopening.item.itemCode } : {}) },
    },
  ]);
  await recordEvents(tx, [
    caseReopened(region, {
      caseId,
      projectId: reopened.projectId,
      planId: reopened.planId,
      projectName: reopened.projectName,
      cause: reopening.cause,
      reason: reopening.reason,
      undoesCompletion: reopened.completions,
      ...(reopening.item ? { itemId: reopening.item.id, itemCode: reopening.item.itemCode } : {}),
    }),
  ]);
  return true;
}
