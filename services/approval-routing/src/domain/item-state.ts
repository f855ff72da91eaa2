import { failedPrecondition, fail, ok, type Result } from "@steward/platform/errors";

/** The life of one approval item in a case (a later issue adds 容缺, 告知承诺, 补正 and cancellation). */
export type ItemState = "planned" | "routed" | "accepted" | "approved" | "rejected";
export type ItemAction = "route" | "accept" | "approve" | "reject";

const transitions: Record<ItemState, Partial<Record<ItemAction, ItemState>>> = {
  planned: { route: "routed" },
  routed: { accept: "accepted" },
  accepted: { approve: "approved", reject: "rejected" },
  approved: {},
  rejected: {},
};

export const doneStates: ReadonlySet<ItemState> = new Set(["approved", "rejected"]);

/** The state an action leads to, or FAILED_PRECONDITION naming the current state and the action. */
export function transition(state: ItemState, action: ItemAction): Result<ItemState> {
  const next = transitions[state][action];
  if (!next) return fail(failedPrecondition(`cannot ${action} an item that is ${state}`));
  return ok(next);
}
