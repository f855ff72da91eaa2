/**
 * Investment project code (项目代码) issued by the national online investment project approval
 * and supervision platform (全国投资项目在线审批监管平台).
 *
 * NOTE: the format below was NOT checked against the platform's published coding rule. It is
 * inferred from codes seen in practice (e.g. `2023-610900-04-01-123456`), so validation is
 * deliberately lenient: shape and plausible year only. Tighten it once the rule is confirmed.
 */

// year - administrative division - industry - project type - sequence
const INVESTMENT_CODE_PATTERN = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;

/** Earliest issuing year accepted; the platform did not exist before this. */
export const INVESTMENT_CODE_MIN_YEAR = 2000;
/** Latest issuing year accepted; only a sanity bound against typos. */
export const INVESTMENT_CODE_MAX_YEAR = 2100;

/**
 * Whether `code` has the shape of an investment project code:
 * `YYYY-DDDDDD-II-TT-NNNNNN` (year 2000-2100, 6-digit administrative division code, 2-digit
 * industry code, 2-digit project type code, 6-digit sequence), ASCII digits and hyphens only.
 *
 * The format was not checked against the platform's published rule; segment values other than
 * the year are not checked against any code list.
 *
 * @param code the code exactly as entered (no trimming)
 */
export function isValidInvestmentCode(code: string): boolean {
  const match = INVESTMENT_CODE_PATTERN.exec(code);
  if (match === null) return false;
  const year = Number(match[1]);
  return year >= INVESTMENT_CODE_MIN_YEAR && year <= INVESTMENT_CODE_MAX_YEAR;
}
