import type { AppError, Result } from "@steward/platform/errors";

/** The value of a result a test expects to succeed (its error in the failure message otherwise). */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The error of a result a test expects to be refused. */
export function refusal(result: Result<unknown>): AppError {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The fields a refusal names. */
export const fieldsOf = (result: Result<unknown>) => (refusal(result).violations ?? []).map((violation) => violation.field);
