import labels from "./labels.zh-CN.json" with { type: "json" };

type Group = keyof typeof labels;

/** The zh-CN label of a code (labels.zh-CN.json); the code itself when the data has none. */
export function label(group: Group, code: string): string {
  return (labels[group] as Record<string, string>)[code] ?? code;
}

/** A share as a percentage; "—" where there is no figure (nothing to divide by), never 0.0 %. */
export const percent = (share: number | null | undefined): string => (share === null || share === undefined ? "—" : `${(share * 100).toFixed(1)}%`);

export const dateTime = (instant: Date | undefined): string =>
  instant ? new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short", hourCycle: "h23" }).format(instant) : "";

export const date = (instant: Date | undefined): string => (instant ? new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(instant) : "");
