import { fail, failedPrecondition, invalidArgument, ok, type Result } from "@steward/platform/errors";
import { inService, type Agreement } from "./agreement.js";

export interface Steward {
  id: string;
  name: string;
  active: boolean;
  /** Agreements in service (signed or active) the steward holds. */
  workload: number;
  keyProjectWorkload: number;
}

/** Stewards ranked for a project: fewest projects in service first, then fewest key projects, then name. */
export function suggestStewards(stewards: readonly Steward[]): Steward[] {
  return stewards
    .filter((steward) => steward.active)
    .sort((a, b) => a.workload - b.workload || a.keyProjectWorkload - b.keyProjectWorkload || a.name.localeCompare(b.name, "zh-CN") || a.id.localeCompare(b.id));
}

export interface Assignment {
  agreement: Agreement;
  previous?: { id: string; name: string };
}

/**
 * Assigns the project's steward. A project that has one is handed over: the note (what is handed
 * over) is required and the previous assignment ends, kept in the history. Ended agreements and
 * retired stewards take no assignment.
 */
export function assignSteward(agreement: Agreement, steward: Steward | undefined, note: string): Result<Assignment> {
  if (!steward) return fail(invalidArgument([{ field: "steward_id", description: "is not a steward registered in this region" }]));
  if (!steward.active) return fail(invalidArgument([{ field: "steward_id", description: `steward ${steward.id} is retired` }]));
  if (note.length > 2000) return fail(invalidArgument([{ field: "note", description: "must be at most 2000 characters" }]));
  if (agreement.status === "fulfilled" || agreement.status === "terminated" || agreement.status === "closed") {
    return fail({ ...failedPrecondition(`agreement ${agreement.id} has ended (${agreement.status})`), reason: "AGREEMENT_STATE_CONFLICT" });
  }
  if (agreement.stewardId === steward.id) return fail({ ...failedPrecondition(`${steward.id} is already the project's steward`), reason: "ALREADY_ASSIGNED" });
  const handover = agreement.stewardId !== undefined;
  if (handover && !note.trim()) return fail(invalidArgument([{ field: "note", description: "a hand-over says what the new steward takes over" }]));
  return ok({
    agreement: { ...agreement, stewardId: steward.id, stewardName: steward.name },
    ...(handover ? { previous: { id: agreement.stewardId!, name: agreement.stewardName ?? "" } } : {}),
  });
}

/** Every key project in service always has a steward: releasing one without a successor is refused. */
export function releaseSteward(agreement: Agreement, reason: string): Result<Agreement> {
  if (!reason.trim()) return fail(invalidArgument([{ field: "reason", description: "is required" }]));
  if (!agreement.stewardId) return fail({ ...failedPrecondition(`agreement ${agreement.id} has no steward`), reason: "NO_STEWARD" });
  if (agreement.keyProject && inService(agreement.status)) {
    return fail({ ...failedPrecondition(`key project ${agreement.projectName} is in service and must keep a steward: hand it over instead`), reason: "KEY_PROJECT_NEEDS_STEWARD" });
  }
  const { stewardId: _id, stewardName: _name, ...rest } = agreement;
  return ok(rest);
}

/** A steward holding a key project in service is not retired until it is handed over. */
export function retireSteward(steward: Steward | undefined, reason: string): Result<Steward> {
  if (!steward) return fail(invalidArgument([{ field: "steward_id", description: "is not a steward registered in this region" }]));
  if (!reason.trim()) return fail(invalidArgument([{ field: "reason", description: "is required" }]));
  if (steward.keyProjectWorkload > 0) {
    return fail({ ...failedPrecondition(`steward ${steward.id} holds ${steward.keyProjectWorkload} key project(s) in service: hand them over first`), reason: "KEY_PROJECT_NEEDS_STEWARD" });
  }
  return ok({ ...steward, active: false });
}
