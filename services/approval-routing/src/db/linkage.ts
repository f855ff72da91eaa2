import { appendLedger } from "@steward/platform/ledger";
import { currentTraceCarrier, joinCase, type TraceCarrier } from "@steward/platform/telemetry";
import type { Fragment, TransactionSql } from "postgres";
import type { CatalogueTerms } from "../domain/case.js";
import { newItem } from "../domain/case.js";
import type { CaseItem } from "../domain/case-item.js";
import type { ItemOutcome } from "../domain/item-commands.js";
import type { ItemState } from "../domain/item-state.js";
import { caseItems, insertItems } from "./items.js";

/**
 * City side: every state change of an item a county forwarded is queued, in the same transaction,
 * to be reported back to that county in order (one statement; nothing for the county's own items).
 */
export function reportsToOriginSql(tx: TransactionSql, reports: readonly { outcome: ItemOutcome; actor: string }[]): Fragment | undefined {
  const rows = reports.flatMap(({ outcome, actor }) =>
    outcome.steps
      .filter((step) => step.from !== step.to)
      .map((step) => ({ item_id: outcome.item.id, state: step.to, action: step.action, reason: step.reason ?? "", actor, outstanding: outcome.item.outstandingMaterials })),
  );
  if (rows.length === 0) return undefined;
  return tx`
    insert into forward_reports (region, origin_region, origin_item_id, state, action, actor, reason, outstanding)
    select f.region, f.origin_region, f.origin_item_id, r.state, r.action, r.actor, r.reason, r.outstanding
    from rows from (jsonb_to_recordset(${tx.json(rows as never)}) as (item_id uuid, state text, action text, reason text, actor text, outstanding text[]))
      with ordinality as r(item_id, state, action, reason, actor, outstanding, ord)
    join forwarded_items f on f.item_id = r.item_id
    order by r.ord`;
}

export interface ForwardRequest {
  originRegion: string;
  originCaseId: string;
  originItemId: string;
  itemCode: string;
  projectId: string;
  projectName: string;
  /** The county case's enterprise; empty for a case opened before plans named it. */
  creditCode: string;
}

/**
 * City side: takes a county's item into the city's queues, once per origin item. The city keeps
 * one case per origin case so its ledger and departments see the project as a whole; ordering by
 * prerequisites stays with the county, which forwards an item only when it is ready.
 */
export async function takeForwardedItem(tx: TransactionSql, region: string, request: ForwardRequest, terms: CatalogueTerms, actor: string, now: Date): Promise<{ item: CaseItem; created: boolean }> {
  const [known] = await tx<{ item_id: string }[]>`
    select item_id from forwarded_items where origin_region = ${request.originRegion} and origin_item_id = ${request.originItemId} for update`;
  if (known) {
    const [caseRow] = await tx<{ case_id: string }[]>`select case_id from case_items where id = ${known.item_id}`;
    const item = (await caseItems(tx, region, caseRow!.case_id)).find((candidate) => candidate.id === known.item_id)!;
    return { item, created: false };
  }
  // The city's copy of the county's case, begun in the trace of the county's forwarding call
  // (ForwardItem's span): origin_region marks it, so it never completes here (the county's case
  // does) and shows its items as forwarded.
  const creditCode = request.creditCode || null;
  await tx`
    insert into cases (id, region, plan_id, plan_version, project_id, project_name, status, credit_code, origin_region, created_at, trace_context)
    values (gen_random_uuid(), ${region}, ${request.originCaseId}, 1, ${request.projectId}, ${request.projectName}, 'open', ${creditCode}, ${request.originRegion}, ${now}, ${tx.json(currentTraceCarrier())})
    on conflict (region, plan_id) do update set status = 'open', completed_at = null,
      credit_code = coalesce(cases.credit_code, excluded.credit_code), origin_region = excluded.origin_region`;
  const [caseRow] = await tx<{ id: string }[]>`select id from cases where region = ${region} and plan_id = ${request.originCaseId}`;
  const caseId = caseRow!.id;
  joinCase({ caseId, projectId: request.projectId });
  const existing = (await caseItems(tx, region, caseId)).filter((item) => item.itemCode === request.itemCode);
  const item: CaseItem = {
    ...newItem(caseId, region, request.itemCode, terms, existing.length + 1, now),
    // Ordering by prerequisites stays with the county, which forwards an item only when it is ready.
    prerequisites: [],
    conditionalPrerequisites: [],
    forwardedFrom: { region: request.originRegion, itemId: request.originItemId },
  };
  await insertItems(tx, [item]);
  await tx`
    insert into forwarded_items (item_id, region, origin_region, origin_case_id, origin_item_id)
    values (${item.id}, ${region}, ${request.originRegion}, ${request.originCaseId}, ${request.originItemId})`;
  await appendLedger(tx, [
    {
      region,
      chainId: `case:${caseId}`,
      actor,
      action: "item.planned",
      subject: item.id,
      to: "planned",
      details: { itemCode: item.itemCode, originRegion: request.originRegion, originItemId: request.originItemId },
    },
  ]);
  return { item, created: true };
}

export interface PendingReport {
  seq: string;
  originRegion: string;
  originItemId: string;
  state: ItemState;
  action: string;
  actor: string;
  reason: string;
  outstanding: string[];
  at: Date;
}

/** City side: the oldest unsent reports, locked so one replica sends each. */
export async function pendingReports(tx: TransactionSql, region: string, limit: number): Promise<PendingReport[]> {
  const rows = await tx<{ seq: string; origin_region: string; origin_item_id: string; state: ItemState; action: string; actor: string; reason: string; outstanding: string[]; at: Date }[]>`
    select seq::text as seq, origin_region, origin_item_id, state, action, actor, reason, outstanding, at
    from forward_reports where region = ${region} and sent_at is null
    order by seq limit ${limit} for update skip locked`;
  return rows.map((row) => ({
    seq: row.seq,
    originRegion: row.origin_region,
    originItemId: row.origin_item_id,
    state: row.state,
    action: row.action,
    actor: row.actor,
    reason: row.reason,
    outstanding: row.outstanding,
    at: row.at,
  }));
}

export async function markReported(tx: TransactionSql, seqs: string[]): Promise<void> {
  if (seqs.length > 0) await tx`update forward_reports set sent_at = now() where seq = any(${seqs}::bigint[])`;
}

/** An item to forward, with its project, its enterprise and the trace its case began in. */
export type ItemToForward = CaseItem & { projectId: string; projectName: string; creditCode: string; caseTrace: TraceCarrier };

/** County side: items of city jurisdiction waiting to be forwarded. */
export async function itemsToForward(tx: TransactionSql, region: string, limit: number): Promise<ItemToForward[]> {
  const rows = await tx<{ id: string; case_id: string; project_id: string; project_name: string; credit_code: string | null; trace_context: TraceCarrier }[]>`
    select i.id, i.case_id, c.project_id, c.project_name, c.credit_code, c.trace_context
    from case_items i join cases c on c.id = i.case_id
    where i.region = ${region} and i.handled_in_region is not null and i.forwarded_at is null and i.state = 'routed'
    order by i.updated_at limit ${limit} for update of i skip locked`;
  const items: ItemToForward[] = [];
  for (const row of rows) {
    const item = (await caseItems(tx, region, row.case_id)).find((candidate) => candidate.id === row.id)!;
    items.push({ ...item, projectId: row.project_id, projectName: row.project_name, creditCode: row.credit_code ?? "", caseTrace: row.trace_context });
  }
  return items;
}

export async function markForwarded(tx: TransactionSql, region: string, itemId: string, remoteItemId: string): Promise<void> {
  await tx`update case_items set forwarded_at = now(), forwarded_item_id = ${remoteItemId} where region = ${region} and id = ${itemId}`;
}

/**
 * County side: locks a forwarded item with the last report sequence applied to it and the city's
 * item id; the report's span joins the county's case (the city's report job started its trace).
 */
export async function lockForwardedItem(tx: TransactionSql, region: string, itemId: string): Promise<{ item: CaseItem; remoteSequence: number; remoteItemId?: string } | undefined> {
  const [row] = await tx<{ case_id: string; remote_sequence: string; forwarded_item_id: string | null; project_id: string; trace_context: TraceCarrier }[]>`
    select i.case_id, i.remote_sequence::text as remote_sequence, i.forwarded_item_id, c.project_id, c.trace_context
    from case_items i join cases c on c.id = i.case_id
    where i.region = ${region} and i.id = ${itemId} and i.handled_in_region is not null for update of i`;
  if (!row) return undefined;
  joinCase({ caseId: row.case_id, projectId: row.project_id, origin: row.trace_context });
  const item = (await caseItems(tx, region, row.case_id)).find((candidate) => candidate.id === itemId)!;
  return { item, remoteSequence: Number(row.remote_sequence), ...(row.forwarded_item_id ? { remoteItemId: row.forwarded_item_id } : {}) };
}

export async function recordRemoteSequence(tx: TransactionSql, region: string, itemId: string, sequence: number): Promise<void> {
  await tx`update case_items set remote_sequence = ${sequence} where region = ${region} and id = ${itemId}`;
}
