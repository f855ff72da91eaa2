import { civilDateOf } from "@steward/calendar";

/** A month as statistics name it, "2026-03" (Asia/Shanghai). */
export type Month = string;
/** A quarter as bulletins name it, "2026-Q1". */
export type Quarter = string;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const quarterPattern = /^(\d{4})-Q([1-4])$/;

export const isMonth = (value: string): boolean => monthPattern.test(value);
export const isQuarter = (value: string): boolean => quarterPattern.test(value);

/** The month an instant falls in, in Asia/Shanghai. */
export function monthOf(instant: Date): Month {
  return civilDateOf(instant).slice(0, 7);
}

/** The month of a civil date (YYYY-MM-DD). */
export const monthOfDate = (date: string): Month => date.slice(0, 7);

export function quarterOfMonth(month: Month): Quarter {
  const [year, mm] = month.split("-").map(Number) as [number, number];
  return `${year}-Q${Math.ceil(mm / 3)}`;
}

/** The three months of a quarter, in order. */
export function monthsOf(quarter: Quarter): Month[] {
  const match = quarterPattern.exec(quarter);
  if (!match) throw new RangeError(`not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((mm) => `${year}-${String(mm).padStart(2, "0")}`);
}

export function previousQuarter(quarter: Quarter): Quarter {
  const match = quarterPattern.exec(quarter);
  if (!match) throw new RangeError(`not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

export function nextMonth(month: Month): Month {
  const [year, mm] = month.split("-").map(Number) as [number, number];
  return mm === 12 ? `${year + 1}-01` : `${year}-${String(mm + 1).padStart(2, "0")}`;
}

/** The `count` months ending with `last`, oldest first (the console's trends). */
export function monthsEndingWith(last: Month, count: number): Month[] {
  const [year, mm] = last.split("-").map(Number) as [number, number];
  const months: Month[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 12 + (mm - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}

/** True once the quarter's last day has passed (a bulletin may be published). */
export function quarterEnded(quarter: Quarter, today: string): boolean {
  const last = monthsOf(quarter)[2]!;
  return today.slice(0, 7) > last;
}

/** zh-CN label of a quarter: "2026年第一季度". */
export function quarterLabel(quarter: Quarter): string {
  const match = quarterPattern.exec(quarter)!;
  return `${match[1]}年第${["一", "二", "三", "四"][Number(match[2]) - 1]}季度`;
}
