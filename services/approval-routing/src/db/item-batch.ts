import type { TransactionSql } from "@steward/platform/db";
import { fail, notFound, ok, type Result } from "@steward/platform/errors";
import { openChains, type ChainRef } from "@steward/platform/ledger";
import type { CaseRef } from "@steward/platform/telemetry";
import { civilDateOf } from "@steward/calendar";
import type { ItemInCase } from "../domain/case.js";
import type { CaseItem } from "../domain/case-item.js";
import type { ItemOutcome } from "../domain/item-commands.js";
import { caseChain } from "./chains.js";
import { runningBarsForItems } from "./commitment-bars.js";
import { openConsultationCounts } from "./consultations.js";
import { insertClaimsSql, priorClaims, requestIdReused, type Claim, type ClaimInput } from "./gateway-requests.js";
import { advanceWrites, commandContext, lockCasesWithItems, outcomeWrites, unblocks, type ItemCommand, type RoutingDeps } from "./item-pipeline.js";
import { lockItemsInCase, visibleTo } from "./items.js";
import { WriteSet } from "./write-set.js";

/**
 * What became of one command of a batch: answered (its result stands once the batch commits; the
 * case its span joins), or left to run on its own transaction after the batch (`applyItemCommand`),
 * because the batch cannot give it the answer a transaction of its own would.
 */
export type BatchAnswer = { kind: "answered"; result: Result<ItemInCase>; caseRef?: CaseRef } | { kind: "alone" };

const alone: BatchAnswer = { kind: "alone" };
const answered = (result: Result<ItemInCase>, caseRef?: CaseRef): BatchAnswer => ({ kind: "answered", result, ...(caseRef ? { caseRef } : {}) });

const claimKey = (department: string, requestId: string) => `${department}\u0000${requestId}`;

/**
 * Group commit: many item commands, as they arrived, in the caller's ONE transaction, each with the
 * answer it would have had in a transaction of its own run in that order (applyItemCommandIn).
 *
 * Three round trips however many commands, as one command has: (1) every item under its row lock
 * (one statement, id order), what every request id was claimed for before (one statement), the
 * facts commands asked for, and the clock's context; then the domain commands run in memory in arrival order, each on
 * the item as the commands before it left it; (2) each case's ledger chain opened once, and the
 * cases some command unblocked locked with their items (one statement each); (3) every write as
 * one statement (WriteSet: multi-row INSERTs and UPDATEs), the request ids of the commands that
 * ran claimed with them. Locks are taken in the order items, chains, cases, as everywhere else on
 * items. A refused command writes nothing, its request id included.
 *
 * Left to run alone after the batch (in arrival order, so a case's commands keep theirs): a second
 * command with a request id already in the batch (it must see whether the first one stood), a
 * revocation (its own further statements, db/revocation.ts), and every later command on a case
 * after one that unblocked or revoked an item of it there, so that case's advance (routing what the
 * change unblocked, completing it) follows exactly the commands before it.
 */
export async function applyItemCommandBatchIn(tx: TransactionSql, deps: RoutingDeps, commands: readonly ItemCommand[]): Promise<BatchAnswer[]> {
  const answers: (BatchAnswer | undefined)[] = commands.map(() => undefined);
  const claimInput = (index: number): ClaimInput => ({ department: commands[index]!.department!, request: commands[index]!.request!, itemId: commands[index]!.itemId, action: commands[index]!.action });

  // (1) Locks, claims and facts, pipelined.
  const claimants = new Map<string, number>();
  const claimIndexes: number[] = [];
  commands.forEach((command, index) => {
    if (!command.request || !command.department) return;
    const key = claimKey(command.department, command.request.id);
    if (claimants.has(key)) answers[index] = alone;
    else {
      claimants.set(key, index);
      claimIndexes.push(index);
    }
  });
  const itemIds = [...new Set(commands.map((command) => command.itemId))];
  const consulted = [...new Set(commands.filter((command) => command.needsOpenConsultations).map((command) => command.itemId))];
  const barred = [...new Set(commands.filter((command) => command.needsRunningBar).map((command) => command.itemId))];
  const today = civilDateOf(deps.now?.() ?? new Date());
  const [locked, claimList, consultations, runningBars, context] = await Promise.all([
    lockItemsInCase(tx, deps.region, itemIds),
    priorClaims(tx, deps.region, claimIndexes.map(claimInput)),
    consulted.length > 0 ? openConsultationCounts(tx, deps.region, consulted) : new Map<string, number>(),
    runningBarsForItems(tx, deps.region, barred, today),
    commandContext(deps, tx),
  ]);
  const claims = new Map<number, Claim>(claimIndexes.map((index, at) => [index, claimList[at]!]));

  // The domain, in memory, in arrival order.
  const current = new Map<string, CaseItem>([...locked].map(([id, { item }]) => [id, item]));
  const closedCases = new Set<string>();
  const unblockedCases = new Map<string, string>();
  const applied: { before: CaseItem; outcome: ItemOutcome; actor: string }[] = [];
  const claiming: ClaimInput[] = [];
  commands.forEach((command, index) => {
    if (answers[index]) return;
    const claim = claims.get(index);
    const settle = (answer: BatchAnswer, wrote = false) => {
      answers[index] = answer;
      // Only a command that writes claims its request id, as only its transaction would commit.
      if (claim?.kind === "new" && wrote) claiming.push(claimInput(index));
    };
    const row = locked.get(command.itemId);
    if (!row || !visibleTo(row.item, command.department)) return settle(answered(fail(notFound(`item ${command.itemId}`))));
    if (claim?.kind === "conflict") return settle(answered(fail(requestIdReused(command.request!.id)), row.caseRef));
    if (closedCases.has(row.item.caseId)) return settle(alone);
    const item = current.get(command.itemId)!;
    if (claim?.kind === "repeat") return settle(answered(ok({ item, context: row.context }), row.caseRef));

    const runningBar = runningBars.get(command.itemId);
    const outcome = command.run(item, context, { openConsultations: consultations.get(command.itemId) ?? 0, ...(runningBar ? { runningBar } : {}) });
    if (!outcome.ok) return settle(answered(outcome, row.caseRef));
    const after = outcome.value.item;
    if (after.state === "revoked" && item.state !== "revoked") {
      closedCases.add(item.caseId);
      return settle(alone);
    }
    applied.push({ before: item, outcome: outcome.value, actor: command.actor });
    current.set(after.id, after);
    if (unblocks(item, after)) {
      closedCases.add(item.caseId);
      unblockedCases.set(item.caseId, command.actor);
    }
    settle(answered(ok({ item: after, context: row.context }), row.caseRef), true);
  });

  // (2) Chains and cases, (3) the writes.
  if (applied.length > 0) {
    const chainRefs: ChainRef[] = [...new Set(applied.map(({ outcome }) => outcome.item.caseId))].map((caseId) => ({ region: deps.region, chainId: caseChain(caseId) }));
    const [chains, cases] = await Promise.all([openChains(tx, chainRefs), unblockedCases.size > 0 ? lockCasesWithItems(tx, deps.region, [...unblockedCases.keys()]) : undefined]);
    const writes = new WriteSet(tx, chains);
    for (const { before, outcome, actor } of applied) outcomeWrites(writes, outcome, before, actor);
    for (const [caseId, actor] of unblockedCases) {
      const { head, items } = cases!.get(caseId)!;
      advanceWrites(writes, tx, deps, caseId, head, items.map((sibling) => current.get(sibling.id) ?? sibling), actor, context);
    }
    await writes.add(insertClaimsSql(tx, deps.region, claiming)).flush();
  }
  return answers.map((answer) => answer!);
}
