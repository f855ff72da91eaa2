import { failedPrecondition, fail, ok, type Result } from "@steward/platform/errors";

/** The life of one approval item in a case (../shared/DESIGN.md section 5). */
export const itemStates = [
  "planned",
  "routed",
  "accepted",
  "in_review",
  "returned_for_correction",
  "resubmitted",
  "suspended",
  "returned",
  "approved",
  "rejected",
  "cancelled",
  "revoked",
] as const;
export type ItemState = (typeof itemStates)[number];

export const itemActions = [
  "route",
  "accept",
  "deem_accept",
  "start_review",
  "approve_on_commitment",
  "request_supplement",
  "record_supplement",
  "approve",
  "reject",
  "return",
  "suspend",
  "resume",
  "return_late",
  "cancel",
  "revoke",
  "reassign",
] as const;
export type ItemAction = (typeof itemActions)[number];

const reviewing = { approve: "approved", reject: "rejected", return: "returned_for_correction", request_supplement: "returned_for_correction" } as const;
const open = { cancel: "cancelled", reassign: "routed" } as const;

/**
 * Every legal transition; anything else is refused. 补正 (returned_for_correction) waits on the
 * applicant with the clock paused; 容缺 items whose supplement is late are suspended and, after the
 * configured working days, returned; 告知承诺 items are approved on acceptance and revoked when the
 * post-approval check finds the commitment false. An item its department does not accept within
 * the acceptance window is deemed accepted (deem_accept) from the day it was received.
 */
const transitions: Record<ItemState, Partial<Record<ItemAction, ItemState>>> = {
  planned: { route: "routed", cancel: "cancelled" },
  routed: { accept: "accepted", deem_accept: "accepted", ...open },
  accepted: { start_review: "in_review", approve_on_commitment: "approved", suspend: "suspended", ...open },
  in_review: { ...reviewing, suspend: "suspended", ...open },
  returned_for_correction: { record_supplement: "resubmitted", ...open },
  resubmitted: { ...reviewing, suspend: "suspended", ...open },
  suspended: { resume: "in_review", return_late: "returned", ...open },
  returned: { record_supplement: "resubmitted", cancel: "cancelled" },
  approved: { revoke: "revoked" },
  rejected: {},
  cancelled: {},
  revoked: {},
};

/** States no action leaves, except the revocation of an approval. */
export const finalStates: ReadonlySet<ItemState> = new Set(["approved", "rejected", "cancelled", "revoked"]);

/** States in which an item counts as done for its case and for the items that depend on it. */
export const satisfiedStates: ReadonlySet<ItemState> = new Set(["approved"]);

/** States in which a department is working on the item and its clock runs (unless paused). */
export const activeStates: ReadonlySet<ItemState> = new Set(["accepted", "in_review", "resubmitted"]);

/** The state an action leads to, or FAILED_PRECONDITION naming the current state and the action. */
export function transition(state: ItemState, action: ItemAction): Result<ItemState> {
  const next = transitions[state][action];
  if (!next) return fail(failedPrecondition(`cannot ${action.replace(/_/g, " ")} an item that is ${state.replace(/_/g, " ")}`, "ITEM_STATE_CONFLICT", { state, action }));
  return ok(next);
}

export function allowedActions(state: ItemState): ItemAction[] {
  return Object.keys(transitions[state]) as ItemAction[];
}
