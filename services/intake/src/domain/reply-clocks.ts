import { civilDateOf, deadlineFor, endOfCivilDate, type CivilDate, type HolidaySchedule } from "@steward/calendar";
import { z } from "zod";
import clocksData from "../../rules/clocks.json" with { type: "json" };

/**
 * Reply clocks (rules/clocks.json, data with its sources): 办不成事 complaints in working days, the
 * 12345 tiers in hours or days, service requests in working days. A clock gives the instant the
 * reply is due, its civil date in Asia/Shanghai, whether that date is provisional (a year whose
 * holiday schedule is not yet published) and when to remind (`dueSoonShare` of the clock run).
 */

const limitSchema = z.object({ value: z.number().int().min(1), unit: z.enum(["working_days", "calendar_days", "hours"]) });
const rulesSchema = z.object({
  dueSoonShare: z.number().gt(0).lt(1),
  complaint: z.object({ replyLimit: limitSchema, coordinatingDepartment: z.string().min(1), source: z.string().min(1) }),
  hotline: z.object({
    source: z.string().min(1),
    tiers: z.array(z.object({ code: z.string().min(1), name: z.string().min(1), limit: limitSchema })).min(1),
  }),
  request: z.object({ replyLimit: limitSchema, source: z.string().min(1) }),
});

export type ReplyLimit = z.infer<typeof limitSchema>;
export type ClockRules = z.infer<typeof rulesSchema>;

/** The rules shipped with intake, checked once when first imported: a bad file stops the process. */
export const clockRules: ClockRules = rulesSchema.parse(clocksData);

export interface ReplyClock {
  dueAt: Date;
  dueOn: CivilDate;
  provisional: boolean;
  remindAt: Date;
}

/** The clock of a reply due `limit` after `receivedAt`. */
export function replyClock(limit: ReplyLimit, receivedAt: Date, schedule: HolidaySchedule, dueSoonShare: number): ReplyClock {
  let dueAt: Date;
  let dueOn: CivilDate;
  let provisional = false;
  if (limit.unit === "hours") {
    dueAt = new Date(receivedAt.getTime() + limit.value * 3_600_000);
    dueOn = civilDateOf(dueAt);
  } else {
    const deadline = deadlineFor({ value: limit.value, unit: limit.unit }, civilDateOf(receivedAt), schedule);
    dueOn = deadline.date;
    provisional = deadline.provisional;
    dueAt = endOfCivilDate(dueOn);
  }
  const remindAt = new Date(receivedAt.getTime() + Math.round((dueAt.getTime() - receivedAt.getTime()) * dueSoonShare));
  return { dueAt, dueOn, provisional, remindAt };
}

/**
 * The clock counted again from its start on `schedule` (a year it depended on was published);
 * undefined when the due instant and the provisional mark stay as they were.
 */
export function rescheduledClock(clock: ReplyClock, limit: ReplyLimit, startedAt: Date, schedule: HolidaySchedule, dueSoonShare: number): ReplyClock | undefined {
  const next = replyClock(limit, startedAt, schedule, dueSoonShare);
  return next.dueAt.getTime() === clock.dueAt.getTime() && next.provisional === clock.provisional ? undefined : next;
}

export type ReminderStage = "due_soon" | "overdue";
export type Reminded = "none" | ReminderStage;

/** The reminder now due for an open clock, if any: each stage once, overdue past the due instant. */
export function reminderDue(open: { clock: Pick<ReplyClock, "remindAt" | "dueAt">; reminded: Reminded }, now: Date): ReminderStage | undefined {
  if (now >= open.clock.dueAt) return open.reminded === "overdue" ? undefined : "overdue";
  if (now >= open.clock.remindAt && open.reminded === "none") return "due_soon";
  return undefined;
}

/** Whether a reply at `answeredAt` met the clock. */
export const answeredOnTime = (answeredAt: Date, dueAt: Date): boolean => answeredAt < dueAt;
