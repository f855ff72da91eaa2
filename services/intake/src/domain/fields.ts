import { z } from "zod";
import type { FieldViolation } from "@steward/platform/errors";
import { describeCreditCodeProblem } from "./credit-code.js";
import { isValidMobilePhone } from "./phone.js";

/**
 * Field rules shared by intake's commands. Free text typed by people is trimmed and counted in
 * code points (a rare CJK character outside the BMP is one character, as users expect);
 * identifiers and numbers are validated exactly as given, never rewritten.
 */

function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/** A missing required field and a wrongly typed one need different advice. */
export function typeError(expected: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${expected}`);
}

/** Trimmed free text of `min`..`max` characters; a whitespace-only value counts as empty. */
export function text(min: number, max: number) {
  return z
    .string({ error: typeError("a string") })
    .trim()
    .refine((value) => codePointLength(value) >= min, {
      message: min === 1 ? "must not be empty" : `must be at least ${min} characters`,
    })
    .refine((value) => codePointLength(value) <= max, { message: `must be at most ${max} characters` });
}

/** A unified social credit code with its check character (GB 32100-2015). */
export const creditCodeField = z.string({ error: typeError("a string") }).superRefine((value, ctx) => {
  const problem = describeCreditCodeProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
});

export const mobilePhoneField = z
  .string({ error: typeError("a string") })
  .refine(isValidMobilePhone, { message: "must be an 11-digit mainland China mobile number starting with 13-19" });

/** A GB/T 2260 county-level division code, e.g. 610902. */
export const divisionCodeField = z.string({ error: typeError("a string") }).regex(/^[1-8]\d{5}$/, { message: "must be a 6-digit GB/T 2260 division code, e.g. 610902" });

export const uuidField = z.string({ error: typeError("a string") }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: "must be a UUID" });

/** A catalogue item code, e.g. ZRZY-YDYS. */
export const itemCodeField = z.string({ error: typeError("a string") }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: "must be a catalogue item code" });

/** A department code, e.g. zrzy. */
export const departmentCodeField = z.string({ error: typeError("a string") }).regex(/^[a-z][a-z0-9_-]{0,31}$/, { message: "must be a department code" });

/** The result of validating a command: its normalised value, or every violation at once. */
export type Validation<T> = { ok: true; value: T } | { ok: false; violations: FieldViolation[] };

/** Validates untrusted input against `schema`, collecting every violation (a form highlights them all). */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validation<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    violations: result.error.issues.map((issue) => ({ field: issue.path.map(String).join("."), description: issue.message })),
  };
}
