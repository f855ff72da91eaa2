/**
 * Planned investment as an exact decimal of 万元 (10,000 CNY): at most 4 decimal places (one
 * yuan), never a binary float, so 52000.1 stays 52000.1 from the form to the database and back.
 */

/** Upper bound of the declared total investment: 1 trillion CNY. */
export const MAX_INVESTMENT_WAN_YUAN = 100_000_000;

const DECIMAL = /^(0|[1-9]\d{0,8})(\.\d{1,4})?$/;

/** Why `value` is not an amount of 万元, or undefined; accepts "52000", "52000.5" or a whole number. */
export function describeInvestmentProblem(value: unknown): string | undefined {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) return "a number must be a whole number of 万元; send decimals as a string, e.g. \"52000.5\"";
    value = String(value);
  }
  if (typeof value !== "string") return "must be a decimal string of 万元, e.g. \"52000.5\"";
  if (!DECIMAL.test(value)) return "must be a non-negative decimal of 万元 with at most 4 decimal places, e.g. \"52000.5\"";
  if (compareDecimal(value, String(MAX_INVESTMENT_WAN_YUAN)) > 0) return `must be at most ${MAX_INVESTMENT_WAN_YUAN} 万元`;
  return undefined;
}

/** The canonical text of a valid amount: no trailing zeros after the point, no bare point. */
export function normaliseInvestment(value: string | number): string {
  const text = String(value);
  if (!text.includes(".")) return text;
  return text.replace(/0+$/, "").replace(/\.$/, "");
}

/** The whole 万元 of an amount, rounded down (the deprecated integer field of the contracts). */
export function wholeWanYuan(value: string): number {
  return Number(value.split(".")[0]);
}

function compareDecimal(a: string, b: string): number {
  const [ai = "", af = ""] = a.split(".");
  const [bi = "", bf = ""] = b.split(".");
  if (ai.length !== bi.length) return ai.length - bi.length;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const x = af.padEnd(width, "0");
  const y = bf.padEnd(width, "0");
  return x === y ? 0 : x < y ? -1 : 1;
}
