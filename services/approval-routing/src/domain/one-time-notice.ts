import { fail, invalidArgument, ok, type Result } from "@steward/platform/errors";
import { deadlineFor, type Deadline, type HolidaySchedule, type TimeLimit } from "@steward/calendar";
import type { CaseItem, MaterialReceipt } from "./case-item.js";
import { ruleRefusal } from "./refusal.js";
import type { RoutingRules } from "./rules.js";

/**
 * 一次性告知 (行政许可法 §32): whatever is missing or wrong in materials the department received is
 * told to the applicant all at once, within the notice window after the receipt; a department that
 * says nothing in time has the materials as complete. So a department asks one 补正 round per
 * receipt of materials: on the application, any materials; on materials received later (a
 * resubmission after 补正, 容缺 materials supplied), only those, and saying why — a follow-up round.
 * A round answers everything received so far.
 */

/** What a 补正 round may ask for today. */
export interface NoticeScope {
  /** The receipts the round answers. */
  open: MaterialReceipt[];
  /** True when only materials received after the application may be asked for. */
  followUp: boolean;
  /** For a follow-up round: the materials it may concern. */
  materials: string[];
  /** The receipt the round is about (the application, or the latest materials received). */
  receivedOn: string;
  /** The last day the round may be asked for. */
  lastDay: Deadline;
}

const formatLimit = (limit: TimeLimit) => `${limit.value} ${limit.unit === "working_days" ? "working" : "calendar"} days`;

/** The last day a 补正 round may answer `receipt`. */
export function noticeLastDay(receipt: Pick<MaterialReceipt, "on">, schedule: HolidaySchedule, rules: RoutingRules): Deadline {
  return deadlineFor(rules.oneTimeNotice.limit, receipt.on, schedule);
}

/** The item's receipts, or — for an item routed before receipts were kept — its application. */
function receiptsOf(item: CaseItem, today: string): MaterialReceipt[] {
  if (item.receipts.length > 0) return item.receipts;
  return [{ on: item.receivedOn ?? item.acceptedOn ?? today, whole: true, materials: [] }];
}

/** The receipts a round asked today would answer, and what it may ask; undefined when none may be asked. */
export function noticeScope(item: CaseItem, today: string, schedule: HolidaySchedule, rules: RoutingRules): NoticeScope | undefined {
  const open = receiptsOf(item, today).filter((receipt) => !receipt.noticedOn && today <= noticeLastDay(receipt, schedule, rules).date);
  if (open.length === 0) return undefined;
  const application = open.find((receipt) => receipt.whole);
  if (application) return { open, followUp: false, materials: [], receivedOn: application.on, lastDay: noticeLastDay(application, schedule, rules) };
  const latest = open[open.length - 1]!;
  // Every open receipt's window must still hold, so the round is due by the earliest last day.
  const lastDay = open.map((receipt) => noticeLastDay(receipt, schedule, rules)).reduce((a, b) => (b.date < a.date ? b : a));
  return { open, followUp: true, materials: [...new Set(open.flatMap((receipt) => receipt.materials))], receivedOn: latest.on, lastDay };
}

export interface NoticeRound {
  receipts: MaterialReceipt[];
  round: number;
  followUp: boolean;
  receivedOn: string;
  noticeDueOn: string;
}

/**
 * Checks a 补正 round of `materials` (empty for a return of the whole application) asked today,
 * and gives the receipts as they are after it: every open one answered. Refusals name the rule,
 * the receipt and the dates.
 */
export function askNoticeRound(item: CaseItem, input: { materials: string[]; reason: string }, today: string, schedule: HolidaySchedule, rules: RoutingRules): Result<NoticeRound> {
  const { citation, limit } = rules.oneTimeNotice;
  const scope = noticeScope(item, today, schedule, rules);
  if (!scope) {
    const receipts = receiptsOf(item, today);
    const unanswered = receipts.filter((receipt) => !receipt.noticedOn).at(-1);
    if (unanswered) {
      const lastDay = noticeLastDay(unanswered, schedule, rules).date;
      return fail(
        ruleRefusal(
          "ONE_TIME_NOTICE_WINDOW_PASSED",
          `一次性告知 (${citation}): a 补正 round on the materials received on ${unanswered.on} had to be asked within ${formatLimit(limit)}, by ${lastDay}; today is ${today}, so they count as complete as received`,
          { receivedOn: unanswered.on, lastDay, today },
        ),
      );
    }
    const answered = receipts.at(-1)!;
    return fail(
      ruleRefusal(
        "ONE_TIME_NOTICE_ALREADY_GIVEN",
        `一次性告知 (${citation}): the materials received up to ${answered.on} were answered by the 补正 round of ${answered.noticedOn}; another round may only concern materials received after it`,
        { receivedOn: answered.on, noticedOn: answered.noticedOn ?? "" },
      ),
    );
  }
  if (scope.followUp) {
    const allowed = new Set(scope.materials);
    const outside = input.materials.filter((material) => !allowed.has(material));
    if (outside.length > 0) {
      return fail(
        ruleRefusal(
          "ONE_TIME_NOTICE_SCOPE",
          `一次性告知 (${citation}): a follow-up 补正 round may only concern the materials received on ${scope.open.map((receipt) => receipt.on).join(", ")} (${scope.materials.join("、")}); ${outside.join("、")} should have been listed in the first round`,
          { receivedOn: scope.receivedOn, outside: outside.join("、") },
        ),
      );
    }
    if (!input.reason.trim()) return fail(invalidArgument([{ field: "reason", description: "a follow-up 补正 round says what the resubmitted materials raised" }]));
  }
  const answered = new Set(scope.open);
  return ok({
    receipts: receiptsOf(item, today).map((receipt) => (answered.has(receipt) ? { ...receipt, noticedOn: today } : receipt)),
    round: item.supplementRounds + 1,
    followUp: scope.followUp,
    receivedOn: scope.receivedOn,
    noticeDueOn: scope.lastDay.date,
  });
}
