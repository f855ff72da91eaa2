import { addDays, addWorkingDays, civilDateOf, type HolidaySchedule } from "@steward/calendar";
import { failedPrecondition, fail, invalidArgument, ok, type FieldViolation, type Result } from "@steward/platform/errors";
import type { CaseItem, ProcessingModeName } from "./case-item.js";
import { openPause } from "./case-item.js";
import { decisionClock, itemDeadlines, type ClockSettings } from "./clock.js";
import { activeStates, transition, type ItemAction, type ItemState } from "./item-state.js";

/** What the commands need to know about now. */
export interface CommandContext {
  /** Today's civil date in Asia/Shanghai. */
  today: string;
  now: Date;
  schedule: HolidaySchedule;
  settings: ClockSettings;
}

/** One recorded step of an item: a transition, or an event that leaves the state as it is. */
export interface ItemStep {
  action: ItemAction | "supplement_received" | "pause_clock" | "resume_clock" | "verification_passed" | "extend" | "deadline_recomputed";
  from: ItemState;
  to: ItemState;
  reason?: string;
  details?: Record<string, unknown>;
}

export interface ItemOutcome {
  item: CaseItem;
  steps: ItemStep[];
}

type Outcome = Result<ItemOutcome>;

const bad = (violations: FieldViolation[]): Outcome => fail(invalidArgument(violations));

/** Applies one transition to the item, recording the step. */
function step(outcome: ItemOutcome, action: ItemAction, reason?: string, details?: Record<string, unknown>): Result<ItemOutcome> {
  const next = transition(outcome.item.state, action);
  if (!next.ok) return next;
  outcome.steps.push({ action, from: outcome.item.state, to: next.value, ...(reason ? { reason } : {}), ...(details ? { details } : {}) });
  outcome.item = { ...outcome.item, state: next.value };
  return ok(outcome);
}

/** Recomputes the clocks after a change of pauses, extension or acceptance. */
function withDeadlines(item: CaseItem, context: CommandContext): CaseItem {
  const deadlines = itemDeadlines(item, context.schedule, context.settings, context.today);
  if (!deadlines) return item;
  // A deadline a pause (or a published calendar) moved gets its own yellow light, as extendItem
  // re-arms it: otherwise a warning given before a 补正 stood for the new deadline, and none came
  // the working day before it. A warning given on or after the new warn day still stands.
  const rearm = item.warnedAt !== undefined && civilDateOf(item.warnedAt) < deadlines.warnOn;
  return { ...item, statutoryDue: deadlines.statutoryDue, committedDue: deadlines.committedDue, warnOn: deadlines.warnOn, ...(rearm ? { warnedAt: undefined } : {}) };
}

function start(item: CaseItem, context: CommandContext): ItemOutcome {
  return { item: { ...item, updatedAt: context.now }, steps: [] };
}

export function routeItem(item: CaseItem, context: CommandContext, handledInRegion?: string): Outcome {
  const outcome = step(start(item, context), "route", undefined, handledInRegion ? { handledInRegion } : undefined);
  if (outcome.ok && handledInRegion) outcome.value.item = { ...outcome.value.item, handledInRegion };
  return outcome;
}

export interface AcceptInput {
  mode: ProcessingModeName;
  missingMaterials: string[];
  commitmentRef: string;
}

/**
 * 受理. Normal and 容缺 items go straight into review with their clocks running from today; a
 * 容缺 item owes its missing non-core materials by the supplement deadline. A 告知承诺 item is
 * approved on the signed commitment and opens its post-approval verification.
 */
export function acceptItem(item: CaseItem, input: AcceptInput, context: CommandContext): Outcome {
  if (!item.modes.includes(input.mode)) {
    return bad([{ field: "mode", description: `${item.itemCode} allows ${item.modes.join(", ")}, not ${input.mode}` }]);
  }
  const violations: FieldViolation[] = [];
  if (input.mode === "tolerant") {
    if (input.missingMaterials.length === 0) violations.push({ field: "missing_materials", description: "容缺 acceptance lists the missing materials" });
    input.missingMaterials.forEach((material, index) => {
      if (!item.nonCoreMaterials.includes(material)) {
        violations.push({ field: `missing_materials[${index}]`, description: `${material} is not a non-core material of ${item.itemCode}; core materials cannot be missing` });
      }
    });
  } else if (input.missingMaterials.length > 0) {
    violations.push({ field: "missing_materials", description: "only 容缺 (tolerant) acceptance may leave materials missing" });
  }
  if (input.mode === "commitment" && !input.commitmentRef.trim()) {
    violations.push({ field: "commitment_ref", description: "告知承诺 acceptance needs the signed commitment's reference" });
  }
  if (violations.length > 0) return bad(violations);

  let outcome = step(start(item, context), "accept", undefined, { mode: input.mode });
  if (!outcome.ok) return outcome;
  const accepted: CaseItem = { ...outcome.value.item, mode: input.mode, acceptedOn: context.today, pauses: [] };
  outcome.value.item = withDeadlines(accepted, context);

  if (input.mode === "commitment") {
    const clock = decisionClock(outcome.value.item, context.schedule, context.today);
    outcome = step(outcome.value, "approve_on_commitment", undefined, { commitmentRef: input.commitmentRef, ...(clock ? { clock } : {}) });
    if (!outcome.ok) return outcome;
    outcome.value.item = {
      ...outcome.value.item,
      commitmentRef: input.commitmentRef,
      verificationOpen: true,
      verificationDue: addWorkingDays(context.today, item.verificationWorkingDays, context.schedule),
    };
    return outcome;
  }
  outcome = step(outcome.value, "start_review");
  if (!outcome.ok) return outcome;
  if (input.mode === "tolerant") {
    outcome.value.item = {
      ...outcome.value.item,
      outstandingMaterials: [...input.missingMaterials],
      supplementDue: addWorkingDays(context.today, item.supplementWorkingDays, context.schedule),
    };
  }
  return outcome;
}

/** 补正: the applicant must correct or add materials; the clock stops from tomorrow. */
export function requestSupplement(item: CaseItem, input: { materials: string[]; reason: string }, context: CommandContext, action: "request_supplement" | "return" = "request_supplement"): Outcome {
  if (action === "request_supplement" && input.materials.length === 0) {
    return bad([{ field: "materials", description: "list every material to correct, at once (一次性告知)" }]);
  }
  if (openPause(item)) return fail(failedPrecondition(`the clock of ${item.itemCode} is already paused`));
  const outcome = step(start(item, context), action, input.reason, { materials: input.materials });
  if (!outcome.ok) return outcome;
  outcome.value.item = {
    ...outcome.value.item,
    // 容缺 materials still owed stay owed: replacing the list with the correction's (empty for a
    // return) waived them, and the item could be approved without them ever arriving. Resubmission
    // now brings everything outstanding at once (一次性告知).
    outstandingMaterials: [...new Set([...item.outstandingMaterials, ...input.materials])],
    pauses: [...item.pauses, { kind: "correction", from: addDays(context.today, 1) }],
  };
  return outcome;
}

/** Records materials the applicant supplied, under 补正 or 容缺. */
export function recordSupplement(item: CaseItem, input: { materials: string[] }, context: CommandContext): Outcome {
  if (input.materials.length === 0) return bad([{ field: "materials", description: "name the materials received" }]);
  const outstanding = new Set(item.outstandingMaterials);
  const closePause = (pauses: CaseItem["pauses"]) => pauses.map((pause) => (pause.to === undefined ? { ...pause, to: context.today } : pause));

  if (item.state === "returned_for_correction" || item.state === "returned") {
    const missing = item.outstandingMaterials.filter((material) => !input.materials.includes(material));
    if (missing.length > 0) return bad([{ field: "materials", description: `still missing: ${missing.join(", ")}` }]);
    const outcome = step(start(item, context), "record_supplement", undefined, { materials: input.materials });
    if (!outcome.ok) return outcome;
    outcome.value.item = withDeadlines({ ...outcome.value.item, outstandingMaterials: [], supplementDue: undefined, pauses: closePause(item.pauses) }, context);
    return outcome;
  }

  if (outstanding.size === 0) return fail(failedPrecondition(`${item.itemCode} owes no materials (it is ${item.state.replace(/_/g, " ")})`));
  const unknown = input.materials.map((material, index) => ({ material, index })).filter(({ material }) => !outstanding.has(material));
  if (unknown.length > 0) {
    return bad(unknown.map(({ material, index }) => ({ field: `materials[${index}]`, description: `${material} is not owed for ${item.itemCode}` })));
  }
  const remaining = item.outstandingMaterials.filter((material) => !input.materials.includes(material));
  const outcome: ItemOutcome = start(item, context);
  outcome.item = { ...outcome.item, outstandingMaterials: remaining, ...(remaining.length === 0 ? { supplementDue: undefined } : {}) };
  outcome.steps.push({ action: "supplement_received", from: item.state, to: item.state, details: { materials: input.materials, remaining } });
  if (item.state === "suspended" && remaining.length === 0) {
    const resumed = step(outcome, "resume");
    if (!resumed.ok) return resumed;
    resumed.value.item = withDeadlines({ ...resumed.value.item, returnOn: undefined, pauses: closePause(item.pauses) }, context);
    return resumed;
  }
  if (!activeStates.has(item.state) && item.state !== "suspended") {
    return fail(failedPrecondition(`cannot record a supplement for an item that is ${item.state.replace(/_/g, " ")}`));
  }
  return ok(outcome);
}

export interface DecideInput {
  decision: "approve" | "reject" | "return";
  reason: string;
  documentRefs: string[];
  /** Consultations still waiting for an answer that is not yet deemed. */
  openConsultations: number;
}

export function decideItem(item: CaseItem, input: DecideInput, context: CommandContext): Outcome {
  if (input.decision === "return") return requestSupplement(item, { materials: [], reason: input.reason }, context, "return");
  if (input.decision === "approve") {
    if (item.outstandingMaterials.length > 0 && activeStates.has(item.state)) {
      return fail(failedPrecondition(`${item.itemCode} still owes ${item.outstandingMaterials.length} 容缺 material(s): ${item.outstandingMaterials.join(", ")}`));
    }
    if (input.openConsultations > 0) return fail(failedPrecondition(`${item.itemCode} waits on ${input.openConsultations} consultation(s)`));
  }
  const outcome = step(start(item, context), input.decision, input.reason, input.documentRefs.length > 0 ? { documentRefs: input.documentRefs } : undefined);
  // A decision ends any period the clock stood still for (an expert review, say): it is over.
  if (outcome.ok) {
    outcome.value.item = { ...outcome.value.item, pauses: item.pauses.map((pause) => (pause.to === undefined ? { ...pause, to: context.today } : pause)) };
    const clock = decisionClock(outcome.value.item, context.schedule, context.today);
    const decided = outcome.value.steps.at(-1)!;
    if (clock) decided.details = { ...decided.details, clock };
  }
  return outcome;
}

/** A period the law excludes (expert review, hearing...): the clock stops from tomorrow. */
export function pauseClock(item: CaseItem, input: { kind: string; reason: string }, context: CommandContext): Outcome {
  if (!item.excludedPeriods.includes(input.kind)) {
    return bad([{ field: "kind", description: `${item.itemCode} excludes ${item.excludedPeriods.join(", ") || "no period"}, not ${input.kind}` }]);
  }
  if (!activeStates.has(item.state)) return fail(failedPrecondition(`cannot pause the clock of an item that is ${item.state.replace(/_/g, " ")}`));
  if (openPause(item)) return fail(failedPrecondition(`the clock of ${item.itemCode} is already paused`));
  const outcome = start(item, context);
  outcome.item = { ...outcome.item, pauses: [...item.pauses, { kind: input.kind, from: addDays(context.today, 1) }] };
  outcome.steps.push({ action: "pause_clock", from: item.state, to: item.state, reason: input.reason, details: { kind: input.kind } });
  return ok(outcome);
}

export function resumeClock(item: CaseItem, context: CommandContext): Outcome {
  const pause = openPause(item);
  if (!pause || !item.excludedPeriods.includes(pause.kind)) return fail(failedPrecondition(`the clock of ${item.itemCode} is not paused for an excluded period`));
  const outcome = start(item, context);
  const pauses = item.pauses.map((entry) => (entry === pause ? { ...entry, to: context.today } : entry));
  outcome.item = withDeadlines({ ...outcome.item, pauses }, context);
  outcome.steps.push({ action: "resume_clock", from: item.state, to: item.state, details: { kind: pause.kind } });
  return ok(outcome);
}

/** 审后核查 of an item approved on commitment; a false commitment revokes the approval. */
export function recordVerification(item: CaseItem, input: { commitmentTrue: boolean; reason: string }, context: CommandContext): Outcome {
  if (!item.verificationOpen) return fail(failedPrecondition(`${item.itemCode} has no open post-approval verification`));
  if (input.commitmentTrue) {
    const outcome = start(item, context);
    outcome.item = { ...outcome.item, verificationOpen: false };
    outcome.steps.push({ action: "verification_passed", from: item.state, to: item.state, reason: input.reason });
    return ok(outcome);
  }
  const outcome = step(start(item, context), "revoke", input.reason);
  if (outcome.ok) outcome.value.item = { ...outcome.value.item, verificationOpen: false };
  return outcome;
}

/** 容缺: the supplement deadline passed; the item stops until the materials arrive. */
export function suspendItem(item: CaseItem, context: CommandContext): Outcome {
  // While a period the law excludes runs (expert review...), the clock already stands still; a
  // second open pause made the item look paused for that period while suspended, and dated the
  // suspension (and its return) from the wrong pause. It is suspended once that period ends.
  const running = openPause(item);
  if (running) return fail(failedPrecondition(`the clock of ${item.itemCode} is paused for ${running.kind}; it is suspended when that ends`));
  const outcome = step(start(item, context), "suspend", `容缺 materials not supplied by ${item.supplementDue?.date}`);
  if (!outcome.ok) return outcome;
  outcome.value.item = {
    ...outcome.value.item,
    pauses: [...item.pauses, { kind: "suspension", from: context.today }],
    returnOn: addWorkingDays(context.today, context.settings.returnAfterWorkingDays, context.schedule),
  };
  return outcome;
}

/** 容缺: suspended for the configured working days; the application goes back to the applicant. */
export function returnLateItem(item: CaseItem, context: CommandContext): Outcome {
  // The suspension's pause stays open: a returned application is with the applicant, so its
  // clock stays stopped until the materials come back (recordSupplement closes the pause then).
  // Closing it here counted every day between the return and the resubmission against the
  // department, and a resubmitted item came back already overdue.
  return step(start(item, context), "return_late", `suspended since ${openPause(item)?.from} without the 容缺 materials`);
}

export function cancelItem(item: CaseItem, reason: string, context: CommandContext): Outcome {
  return step(start(item, context), "cancel", reason);
}

/** The joint meeting hands the item to another department; its clock starts again on acceptance. */
export function reassignItem(item: CaseItem, department: string, reason: string, context: CommandContext): Outcome {
  const outcome = step(start(item, context), "reassign", reason, { from: item.departmentCode, to: department });
  if (!outcome.ok) return outcome;
  outcome.value.item = {
    ...outcome.value.item,
    departmentCode: department,
    // The clock starts again for the new department: an extension the joint meeting granted the
    // old one is part of the old clock and must not lengthen the new department's limit.
    extensionWorkingDays: 0,
    mode: undefined,
    acceptedOn: undefined,
    statutoryDue: undefined,
    committedDue: undefined,
    warnOn: undefined,
    warnedAt: undefined,
    overdueAt: undefined,
    outstandingMaterials: [],
    supplementDue: undefined,
    returnOn: undefined,
    pauses: [],
  };
  return outcome;
}

/** The joint meeting extends the committed limit; the yellow and red lights apply to the new date. */
export function extendItem(item: CaseItem, workingDays: number, reason: string, context: CommandContext): Outcome {
  if (!item.acceptedOn || !activeStates.has(item.state) && item.state !== "suspended" && item.state !== "returned_for_correction") {
    return fail(failedPrecondition(`cannot extend the clock of an item that is ${item.state.replace(/_/g, " ")}`));
  }
  const outcome = start(item, context);
  const extended = withDeadlines({ ...outcome.item, extensionWorkingDays: item.extensionWorkingDays + workingDays }, context);
  const stillLate = extended.committedDue && extended.committedDue.date < context.today;
  outcome.item = { ...extended, overdueAt: stillLate ? item.overdueAt : undefined, warnedAt: extended.warnOn && extended.warnOn <= context.today ? item.warnedAt : undefined };
  outcome.steps.push({ action: "extend", from: item.state, to: item.state, reason, details: { workingDays, committedDueOn: extended.committedDue?.date } });
  return ok(outcome);
}

/** After a year's schedule is published: the provisional deadlines become final. */
export function recomputeDeadlines(item: CaseItem, context: CommandContext): Outcome {
  const outcome = start(item, context);
  const recomputed = withDeadlines(outcome.item, context);
  const again = (due: CaseItem["supplementDue"], from: string | undefined, days: number) =>
    due?.provisional && from ? addWorkingDays(from, days, context.schedule) : due;
  outcome.item = {
    ...recomputed,
    returnOn: again(item.returnOn, openPause(item)?.from, context.settings.returnAfterWorkingDays),
    supplementDue: again(item.supplementDue, item.acceptedOn, item.supplementWorkingDays),
    verificationDue: again(item.verificationDue, item.acceptedOn, item.verificationWorkingDays),
  };
  outcome.steps.push({
    action: "deadline_recomputed",
    from: item.state,
    to: item.state,
    details: { committedDueOn: recomputed.committedDue?.date, was: item.committedDue?.date, provisional: recomputed.committedDue?.provisional ?? false },
  });
  return ok(outcome);
}
