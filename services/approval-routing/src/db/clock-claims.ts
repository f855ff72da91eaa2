import type { PendingQuery, TransactionSql } from "postgres";
import { anyDeadlineProvisional, type ItemRow } from "./items.js";

/**
 * What each of the clock's rounds claims: the OPEN items due for it, locked FOR UPDATE SKIP LOCKED
 * (a row another replica holds is left to it), at most `limit`, oldest deadline first. Each reads
 * a partial index that holds open items only (migrations 0001, 0050, 0051, 0145), so a round costs
 * the same over ten finished items or ten million; clock-claims.test.ts checks every plan over a
 * table of 10^6 finished items that would otherwise all be due. A claim that changes its WHERE
 * must keep its index's predicate implied, or the planner falls back to the table.
 */
export interface ClockClaims {
  /** Provisional deadlines of a year published through `through` (the round that recomputes them). */
  toRecompute(tx: TransactionSql, region: string, through: string, limit: number): PendingQuery<ItemRow[]>;
  /** Routed items whose acceptance window passed, or that were received before it was kept. */
  toDeemAccepted(tx: TransactionSql, region: string, today: string, limit: number): PendingQuery<ItemRow[]>;
  /** Running clocks due for their yellow light. */
  toWarn(tx: TransactionSql, region: string, today: string, limit: number): PendingQuery<ItemRow[]>;
  /** Running clocks past their committed deadline. */
  toMarkOverdue(tx: TransactionSql, region: string, today: string, limit: number): PendingQuery<ItemRow[]>;
  /** Open post-approval verifications due for their yellow light. */
  verificationsToWarn(tx: TransactionSql, region: string, today: string, limit: number): PendingQuery<ItemRow[]>;
  /** Open post-approval verifications past their due date. */
  verificationsOverdue(tx: TransactionSql, region: string, today: string, limit: number): PendingQuery<ItemRow[]>;
  /** 容缺 items whose missing materials are late. */
  toSuspend(tx: TransactionSql, region: string, today: string, limit: number): PendingQuery<ItemRow[]>;
  /** Suspended items past their return day. */
  toReturn(tx: TransactionSql, region: string, today: string, limit: number): PendingQuery<ItemRow[]>;
}

export const clockClaims: ClockClaims = {
  toRecompute: (tx, region, through, limit) => tx<ItemRow[]>`
    select * from case_items
    where region = ${region} and (state not in ('approved', 'rejected', 'cancelled', 'revoked') or verification_open)
      and ${anyDeadlineProvisional(tx)}
      and ((committed_provisional and committed_due_on <= ${through}) or (statutory_provisional and statutory_due_on <= ${through})
        or (supplement_provisional and supplement_due_on <= ${through}) or (return_provisional and return_on <= ${through})
        or (verification_provisional and verification_due_on <= ${through}) or (acceptance_provisional and acceptance_due_on <= ${through}))
    order by id limit ${limit} for update skip locked`,

  toDeemAccepted: (tx, region, today, limit) => tx<ItemRow[]>`
    select * from case_items
    where region = ${region} and state = 'routed' and handled_in_region is null and received_on is not null
      and (acceptance_due_on < ${today} or acceptance_due_on is null)
    order by acceptance_due_on nulls first limit ${limit} for update skip locked`,

  toWarn: (tx, region, today, limit) => tx<ItemRow[]>`
    select * from case_items
    where region = ${region} and warned_at is null and paused_kind is null
      and state in ('accepted', 'in_review', 'resubmitted') and warn_on <= ${today}
    order by warn_on limit ${limit} for update skip locked`,

  toMarkOverdue: (tx, region, today, limit) => tx<ItemRow[]>`
    select * from case_items
    where region = ${region} and overdue_at is null and paused_kind is null
      and state in ('accepted', 'in_review', 'resubmitted') and committed_due_on < ${today}
    order by committed_due_on limit ${limit} for update skip locked`,

  verificationsToWarn: (tx, region, today, limit) => tx<ItemRow[]>`
    select * from case_items
    where region = ${region} and verification_open and verification_warned_at is null and verification_warn_on <= ${today}
    order by verification_warn_on limit ${limit} for update skip locked`,

  verificationsOverdue: (tx, region, today, limit) => tx<ItemRow[]>`
    select * from case_items
    where region = ${region} and verification_open and verification_overdue_at is null and verification_due_on < ${today}
    order by verification_due_on limit ${limit} for update skip locked`,

  toSuspend: (tx, region, today, limit) => tx<ItemRow[]>`
    select * from case_items
    where region = ${region} and supplement_due_on < ${today} and cardinality(outstanding_materials) > 0
      and state in ('accepted', 'in_review', 'resubmitted')
      -- suspendItem waits for a running excluded period to end; claiming such items would only
      -- refuse them again on every round.
      and paused_kind is null
    order by supplement_due_on limit ${limit} for update skip locked`,

  toReturn: (tx, region, today, limit) => tx<ItemRow[]>`
    select * from case_items
    where region = ${region} and state = 'suspended' and return_on < ${today}
    order by return_on limit ${limit} for update skip locked`,
};
