import type { TransactionSql } from "postgres";
import { recordEvents } from "@steward/platform/events";
import { appendLedger } from "@steward/platform/ledger";
import type { CaseItem } from "../domain/case-item.js";
import { barAfterRevocation, type CommitmentBar } from "../domain/commitment-bar.js";
import type { CommandContext } from "../domain/item-commands.js";
import type { RoutingRules } from "../domain/rules.js";
import { enterpriseBarred } from "../events/case-events.js";
import { reopenCompletedCase } from "./case-reopening.js";
import { creditCodeOfCase } from "./cases.js";
import { enterpriseChain } from "./chains.js";
import { recordBar } from "./commitment-bars.js";

/**
 * Records a bar after a false commitment in `region`, once per origin item: the bar row, a row on
 * the enterprise's ledger chain and routing.enterprise.barred naming the modes the region's rules
 * close. True when it was new here.
 */
export async function raiseBar(tx: TransactionSql, region: string, bar: CommitmentBar, actor: string, rules: RoutingRules): Promise<boolean> {
  if (!(await recordBar(tx, region, bar))) return false;
  await appendLedger(tx, [
    {
      region,
      chainId: enterpriseChain(bar.creditCode),
      actor,
      action: "enterprise.barred",
      subject: bar.originItemId,
      to: bar.barredThrough,
      reason: bar.reason,
      details: { itemCode: bar.itemCode, originRegion: bar.originRegion, revokedOn: bar.revokedOn, barredThrough: bar.barredThrough, caseId: bar.caseId ?? "" },
    },
  ]);
  await recordEvents(tx, [enterpriseBarred(region, bar, rules.commitmentBar.modes)]);
  return true;
}

/**
 * What a revoked approval on commitment (审后核查 found the commitment false) leaves besides the
 * item's own transition: the case is open again if it had completed, and the enterprise of the
 * case is barred from the modes of the rule. `origin` names the item where the commitment was
 * judged, when that is another region's (the city deciding a county's forwarded item).
 */
export async function afterRevocation(
  tx: TransactionSql,
  deps: { region: string; rules: RoutingRules },
  item: CaseItem,
  reason: string,
  actor: string,
  context: CommandContext,
  origin?: { region: string; itemId: string },
): Promise<void> {
  await reopenCompletedCase(tx, deps.region, item.caseId, { cause: "revoked", reason: `approval of ${item.itemCode} revoked: ${reason}`, actor, item: { id: item.id, itemCode: item.itemCode } });
  const creditCode = await creditCodeOfCase(tx, deps.region, item.caseId);
  // A case opened before plans named their enterprise cannot follow it; nothing to bar by.
  if (creditCode) await raiseBar(tx, deps.region, barAfterRevocation(item, creditCode, context.today, reason, deps.rules, origin), actor, deps.rules);
}
