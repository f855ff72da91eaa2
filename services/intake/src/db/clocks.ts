import type { ReplyClock } from "../domain/reply-clocks.js";

/** The clock columns every table of replies carries (due_on, due_at, due_provisional, remind_at). */
export interface ClockColumns {
  due_on: string;
  due_at: Date;
  due_provisional: boolean;
  remind_at: Date;
}

export const clockOf = (row: ClockColumns): ReplyClock => ({ dueOn: row.due_on, dueAt: row.due_at, provisional: row.due_provisional, remindAt: row.remind_at });
