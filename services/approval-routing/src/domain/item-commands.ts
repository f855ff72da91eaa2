import { addDays, addWorkingDays, civilDateOf, deadlineFor, type HolidaySchedule } from "@steward/calendar";
import { failedPrecondition, fail, invalidArgument, ok, type FieldViolation, type Result } from "@steward/platform/errors";
import type { CaseItem, MaterialReceipt, ProcessingModeName } from "./case-item.js";
import { openPause } from "./case-item.js";
import { decisionClock, itemDeadlines, verificationWarnOn, type ClockSettings } from "./clock.js";
import { barRefusal, type CommitmentBar } from "./commitment-bar.js";
import { activeStates, transition, type ItemAction, type ItemState } from "./item-state.js";
import { askNoticeRound } from "./one-time-notice.js";
import { ruleRefusal } from "./refusal.js";
import type { RoutingRules } from "./rules.js";

/** What the commands need to know about now. */
export interface CommandContext {
  /** Today's civil date in Asia/Shanghai. */
  today: string;
  now: Date;
  schedule: HolidaySchedule;
  settings: ClockSettings;
  /** The law's figures that are not one item's terms (rules/*.json). */
  rules: RoutingRules;
}

/** One recorded step of an item: a transition, or an event that leaves the state as it is. */
export interface ItemStep {
  action:
    | ItemAction
    | "supplement_received"
    | "pause_clock"
    | "resume_clock"
    | "verification_passed"
    | "verification_warned"
    | "verification_overdue"
    | "extend"
    | "deadline_recomputed";
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

/**
 * The department receives the item today: its acceptance window starts, and the application is
 * its first receipt of materials (一次性告知). An item handed to the city is received there.
 */
function receivedToday(item: CaseItem, context: CommandContext): CaseItem {
  return {
    ...item,
    receivedOn: context.today,
    acceptanceDue: deadlineFor(context.rules.acceptance.limit, context.today, context.schedule),
    deemedAccepted: false,
    receipts: [{ on: context.today, whole: true, materials: [] }],
  };
}

export function routeItem(item: CaseItem, context: CommandContext, handledInRegion?: string): Outcome {
  const outcome = step(start(item, context), "route", undefined, handledInRegion ? { handledInRegion } : undefined);
  if (!outcome.ok) return outcome;
  outcome.value.item = handledInRegion ? { ...outcome.value.item, handledInRegion } : receivedToday(outcome.value.item, context);
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
 * approved on the signed commitment and opens its post-approval verification. An acceptance after
 * the acceptance window runs the clocks from the day of receipt, as the law deems it accepted then.
 * `bar` is the enterprise's running bar after a false commitment, if any: the modes it covers are
 * refused.
 */
export function acceptItem(item: CaseItem, input: AcceptInput, context: CommandContext, bar?: CommitmentBar): Outcome {
  if (!item.modes.includes(input.mode)) {
    return bad([{ field: "mode", description: `${item.itemCode} allows ${item.modes.join(", ")}, not ${input.mode}` }]);
  }
  const barred = barRefusal(bar, input.mode, context.today, context.rules);
  if (barred) return fail(barred);
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

  const late = item.acceptanceDue && item.receivedOn && item.acceptanceDue.date < context.today ? item.receivedOn : undefined;
  let outcome = step(start(item, context), "accept", undefined, { mode: input.mode, ...(late ? { acceptedFrom: late, acceptanceDueOn: item.acceptanceDue!.date } : {}) });
  if (!outcome.ok) return outcome;
  const accepted: CaseItem = { ...outcome.value.item, mode: input.mode, acceptedOn: late ?? context.today, pauses: [] };
  outcome.value.item = withDeadlines(accepted, context);

  if (input.mode === "commitment") {
    const clock = decisionClock(outcome.value.item, context.schedule, context.today);
    outcome = step(outcome.value, "approve_on_commitment", undefined, { commitmentRef: input.commitmentRef, ...(clock ? { clock } : {}) });
    if (!outcome.ok) return outcome;
    const verificationDue = addWorkingDays(context.today, item.verificationWorkingDays, context.schedule);
    outcome.value.item = {
      ...outcome.value.item,
      commitmentRef: input.commitmentRef,
      verificationOpen: true,
      verificationDue,
      verificationWarnOn: verificationWarnOn(verificationDue, context.today, context.schedule, context.settings),
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

/**
 * 补正: the applicant must correct or add materials; the clock stops from tomorrow. 一次性告知: one
 * round per receipt of materials, within the notice window (see one-time-notice.ts); a return of
 * the application for correction is such a round too.
 */
export function requestSupplement(item: CaseItem, input: { materials: string[]; reason: string }, context: CommandContext, action: "request_supplement" | "return" = "request_supplement"): Outcome {
  if (action === "request_supplement" && input.materials.length === 0) {
    return bad([{ field: "materials", description: "list every material to correct, at once (一次性告知)" }]);
  }
  if (openPause(item)) return fail(failedPrecondition(`the clock of ${item.itemCode} is already paused`, "CLOCK_ALREADY_PAUSED"));
  const allowed = transition(item.state, action);
  if (!allowed.ok) return allowed;
  const round = askNoticeRound(item, input, context.today, context.schedule, context.rules);
  if (!round.ok) return round;
  const { receipts, ...recorded } = round.value;
  const outcome = step(start(item, context), action, input.reason, { materials: input.materials, ...recorded });
  if (!outcome.ok) return outcome;
  outcome.value.item = {
    ...outcome.value.item,
    receipts,
    supplementRounds: recorded.round,
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

  // What the applicant brought is a new receipt: one 补正 round may follow on it (一次性告知).
  const receipts: MaterialReceipt[] = [...item.receipts, { on: context.today, whole: false, materials: [...new Set(input.materials)] }];
  if (item.state === "returned_for_correction" || item.state === "returned") {
    const missing = item.outstandingMaterials.filter((material) => !input.materials.includes(material));
    if (missing.length > 0) return bad([{ field: "materials", description: `still missing: ${missing.join(", ")}` }]);
    const outcome = step(start(item, context), "record_supplement", undefined, { materials: input.materials });
    if (!outcome.ok) return outcome;
    outcome.value.item = withDeadlines({ ...outcome.value.item, receipts, outstandingMaterials: [], supplementDue: undefined, pauses: closePause(item.pauses) }, context);
    return outcome;
  }

  if (outstanding.size === 0) return fail(failedPrecondition(`${item.itemCode} owes no materials (it is ${item.state.replace(/_/g, " ")})`, "NO_MATERIALS_OWED"));
  const unknown = input.materials.map((material, index) => ({ material, index })).filter(({ material }) => !outstanding.has(material));
  if (unknown.length > 0) {
    return bad(unknown.map(({ material, index }) => ({ field: `materials[${index}]`, description: `${material} is not owed for ${item.itemCode}` })));
  }
  const remaining = item.outstandingMaterials.filter((material) => !input.materials.includes(material));
  const outcome: ItemOutcome = start(item, context);
  outcome.item = { ...outcome.item, receipts, outstandingMaterials: remaining, ...(remaining.length === 0 ? { supplementDue: undefined } : {}) };
  outcome.steps.push({ action: "supplement_received", from: item.state, to: item.state, details: { materials: input.materials, remaining } });
  if (item.state === "suspended" && remaining.length === 0) {
    const resumed = step(outcome, "resume");
    if (!resumed.ok) return resumed;
    resumed.value.item = withDeadlines({ ...resumed.value.item, returnOn: undefined, pauses: closePause(item.pauses) }, context);
    return resumed;
  }
  if (!activeStates.has(item.state) && item.state !== "suspended") {
    return fail(failedPrecondition(`cannot record a supplement for an item that is ${item.state.replace(/_/g, " ")}`, "ITEM_STATE_CONFLICT", { state: item.state, action: "record_supplement" }));
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
      return fail(
        failedPrecondition(`${item.itemCode} still owes ${item.outstandingMaterials.length} 容缺 material(s): ${item.outstandingMaterials.join(", ")}`, "MATERIALS_OUTSTANDING", {
          outstanding: String(item.outstandingMaterials.length),
        }),
      );
    }
    if (input.openConsultations > 0) {
      return fail(failedPrecondition(`${item.itemCode} waits on ${input.openConsultations} consultation(s)`, "CONSULTATION_OPEN", { open: String(input.openConsultations) }));
    }
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
  if (!activeStates.has(item.state)) return fail(failedPrecondition(`cannot pause the clock of an item that is ${item.state.replace(/_/g, " ")}`, "ITEM_STATE_CONFLICT", { state: item.state, action: "pause_clock" }));
  if (openPause(item)) return fail(failedPrecondition(`the clock of ${item.itemCode} is already paused`, "CLOCK_ALREADY_PAUSED"));
  const outcome = start(item, context);
  outcome.item = { ...outcome.item, pauses: [...item.pauses, { kind: input.kind, from: addDays(context.today, 1) }] };
  outcome.steps.push({ action: "pause_clock", from: item.state, to: item.state, reason: input.reason, details: { kind: input.kind } });
  return ok(outcome);
}

export function resumeClock(item: CaseItem, context: CommandContext): Outcome {
  const pause = openPause(item);
  if (!pause || !item.excludedPeriods.includes(pause.kind)) return fail(failedPrecondition(`the clock of ${item.itemCode} is not paused for an excluded period`, "CLOCK_NOT_PAUSED"));
  const outcome = start(item, context);
  const pauses = item.pauses.map((entry) => (entry === pause ? { ...entry, to: context.today } : entry));
  outcome.item = withDeadlines({ ...outcome.item, pauses }, context);
  outcome.steps.push({ action: "resume_clock", from: item.state, to: item.state, details: { kind: pause.kind } });
  return ok(outcome);
}

/** 审后核查 of an item approved on commitment; a false commitment revokes the approval. */
export function recordVerification(item: CaseItem, input: { commitmentTrue: boolean; reason: string }, context: CommandContext): Outcome {
  if (!item.verificationOpen) return fail(failedPrecondition(`${item.itemCode} has no open post-approval verification`, "VERIFICATION_NOT_OPEN"));
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

/**
 * The acceptance window passed without 受理: by law the item counts as accepted from the day it
 * was received (行政许可法 §32), so its clocks — and its yellow and red lights — run from then.
 */
export function deemAccepted(item: CaseItem, context: CommandContext): Outcome {
  if (item.state !== "routed" || item.handledInRegion || !item.receivedOn || !item.acceptanceDue) {
    return fail(failedPrecondition(`${item.itemCode} is ${item.state.replace(/_/g, " ")}${item.handledInRegion ? ` in ${item.handledInRegion}` : ""}; only an item waiting for acceptance can be deemed accepted`, "ITEM_STATE_CONFLICT", { state: item.state, action: "deem_accept" }));
  }
  if (item.acceptanceDue.date >= context.today) {
    return fail(ruleRefusal("ACCEPTANCE_WINDOW_OPEN", `${item.itemCode} may be accepted through ${item.acceptanceDue.date}; it is deemed accepted only after that`, { acceptanceDueOn: item.acceptanceDue.date }));
  }
  const { citation, limit } = context.rules.acceptance;
  const reason = `not accepted within ${limit.value} ${limit.unit === "working_days" ? "working" : "calendar"} days of receipt (by ${item.acceptanceDue.date}): accepted from ${item.receivedOn} (${citation})`;
  let outcome = step(start(item, context), "deem_accept", reason, { receivedOn: item.receivedOn, acceptanceDueOn: item.acceptanceDue.date });
  if (!outcome.ok) return outcome;
  outcome.value.item = withDeadlines({ ...outcome.value.item, mode: "normal", acceptedOn: item.receivedOn, deemedAccepted: true, pauses: [] }, context);
  outcome = step(outcome.value, "start_review");
  return outcome;
}

/** A light of the post-approval verification (审后核查), each given once per due date. */
function verificationLight(item: CaseItem, context: CommandContext, light: "verification_warned" | "verification_overdue"): Outcome {
  const due = item.verificationDue;
  const given = light === "verification_warned" ? item.verificationWarnedAt : item.verificationOverdueAt;
  const dueNow = light === "verification_warned" ? item.verificationWarnOn !== undefined && item.verificationWarnOn <= context.today : due !== undefined && due.date < context.today;
  if (!item.verificationOpen || !due || given || !dueNow) {
    return fail(failedPrecondition(`${item.itemCode} has no ${light.replace(/_/g, " ")} light due`, "ITEM_STATE_CONFLICT", { state: item.state, action: light }));
  }
  const outcome = start(item, context);
  outcome.item = { ...outcome.item, ...(light === "verification_warned" ? { verificationWarnedAt: context.now } : { verificationOverdueAt: context.now }) };
  outcome.steps.push({ action: light, from: item.state, to: item.state, details: { verificationDueOn: due.date, commitmentRef: item.commitmentRef ?? "" } });
  return ok(outcome);
}

/** The verification is due within the warning days: its yellow light. */
export const warnVerification = (item: CaseItem, context: CommandContext): Outcome => verificationLight(item, context, "verification_warned");

/** The verification was not recorded by its due date: its red light (and the joint meeting). */
export const markVerificationOverdue = (item: CaseItem, context: CommandContext): Outcome => verificationLight(item, context, "verification_overdue");

/** 容缺: the supplement deadline passed; the item stops until the materials arrive. */
export function suspendItem(item: CaseItem, context: CommandContext): Outcome {
  // While a period the law excludes runs (expert review...), the clock already stands still; a
  // second open pause made the item look paused for that period while suspended, and dated the
  // suspension (and its return) from the wrong pause. It is suspended once that period ends.
  const running = openPause(item);
  if (running) return fail(failedPrecondition(`the clock of ${item.itemCode} is paused for ${running.kind}; it is suspended when that ends`, "CLOCK_ALREADY_PAUSED"));
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
  // The new department receives the application today: its own acceptance and notice windows.
  outcome.value.item = receivedToday(outcome.value.item, context);
  return outcome;
}

/**
 * The joint meeting extends the committed limit — or, for an approval on commitment whose
 * verification is open, the verification's due date; the yellow and red lights apply to the new date.
 */
export function extendItem(item: CaseItem, workingDays: number, reason: string, context: CommandContext): Outcome {
  if (item.state === "approved" && item.verificationOpen && item.verificationDue) return extendVerification(item, workingDays, reason, context);
  if (!item.acceptedOn || !activeStates.has(item.state) && item.state !== "suspended" && item.state !== "returned_for_correction") {
    return fail(failedPrecondition(`cannot extend the clock of an item that is ${item.state.replace(/_/g, " ")}`, "ITEM_STATE_CONFLICT", { state: item.state, action: "extend" }));
  }
  const outcome = start(item, context);
  const extended = withDeadlines({ ...outcome.item, extensionWorkingDays: item.extensionWorkingDays + workingDays }, context);
  const stillLate = extended.committedDue && extended.committedDue.date < context.today;
  outcome.item = { ...extended, overdueAt: stillLate ? item.overdueAt : undefined, warnedAt: extended.warnOn && extended.warnOn <= context.today ? item.warnedAt : undefined };
  outcome.steps.push({ action: "extend", from: item.state, to: item.state, reason, details: { workingDays, committedDueOn: extended.committedDue?.date } });
  return ok(outcome);
}

function extendVerification(item: CaseItem, workingDays: number, reason: string, context: CommandContext): Outcome {
  const due = addWorkingDays(item.verificationDue!.date, workingDays, context.schedule);
  const warnOn = verificationWarnOn(due, item.acceptedOn ?? context.today, context.schedule, context.settings);
  const outcome = start(item, context);
  outcome.item = {
    ...outcome.item,
    verificationDue: { date: due.date, provisional: due.provisional || item.verificationDue!.provisional },
    verificationWarnOn: warnOn,
    verificationWarnedAt: warnOn <= context.today ? item.verificationWarnedAt : undefined,
    verificationOverdueAt: due.date < context.today ? item.verificationOverdueAt : undefined,
  };
  outcome.steps.push({ action: "extend", from: item.state, to: item.state, reason, details: { workingDays, verificationDueOn: due.date } });
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
    acceptanceDue: item.acceptanceDue?.provisional && item.receivedOn ? deadlineFor(context.rules.acceptance.limit, item.receivedOn, context.schedule) : item.acceptanceDue,
  };
  if (outcome.item.verificationDue && outcome.item.verificationDue !== item.verificationDue) {
    outcome.item.verificationWarnOn = verificationWarnOn(outcome.item.verificationDue, item.acceptedOn ?? context.today, context.schedule, context.settings);
  }
  outcome.steps.push({
    action: "deadline_recomputed",
    from: item.state,
    to: item.state,
    details: { committedDueOn: recomputed.committedDue?.date, was: item.committedDue?.date, provisional: recomputed.committedDue?.provisional ?? false },
  });
  return ok(outcome);
}
