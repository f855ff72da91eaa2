/**
 * Resident identity card numbers (公民身份号码), GB 11643-1999: 17 digits (6 for the division, 8 for
 * the date of birth, 3 for the sequence) and a check character over them (ISO 7064 MOD 11-2, "X"
 * standing for 10). Personal data: stored for the roles that need it, masked for every other
 * reader, never logged (the logger scrubs the pattern from free text).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** Why `value` is not a valid ID number, in English for API details; undefined when it is. */
export function describeIdNumberProblem(value: string): string | undefined {
  if (!/^\d{17}[\dX]$/.test(value)) return "must be 18 characters: 17 digits and a check digit or X";
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) {
    return "positions 7-14 must be a date of birth (YYYYMMDD)";
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * WEIGHTS[i]!;
  const expected = CHECK[sum % 11]!;
  return value[17] === expected ? undefined : `wrong check character at position 18: expected "${expected}"`;
}

/** Keeps the first 3 and last 4 characters: 610***********1234. */
export function maskIdNumber(value: string): string {
  if (value.length < 8) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
}
