import { z } from "zod";

import { describeCreditCodeProblem } from "./credit-code.js";
import { isValidInvestmentCode } from "./investment-code.js";
import { isValidMobilePhone } from "./phone.js";

/** Upper bound of the declared total investment, in 万元 (10,000 CNY); i.e. 1 trillion CNY. */
export const MAX_INVESTMENT_WAN_YUAN = 100_000_000;

// Counted in code points, not UTF-16 units, so that rare CJK characters outside the BMP (common in
// personal and place names) count as one character, as users expect.
function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

// A missing required field and a wrongly typed one need different advice.
function typeError(expected: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${expected}`);
}

// Free text typed by people: surrounding whitespace is never meaningful, and a whitespace-only
// value must count as empty.
function text(min: number, max: number) {
  return z
    .string({ error: typeError("a string") })
    .trim()
    .refine((value) => codePointLength(value) >= min, {
      message: min === 1 ? "must not be empty" : `must be at least ${min} characters`,
    })
    .refine((value) => codePointLength(value) <= max, { message: `must be at most ${max} characters` });
}

/**
 * Schema of the "register project" command (项目登记) submitted by an enterprise or on its behalf.
 *
 * Text fields (name, enterpriseName, industryChain, contactName) are trimmed. Codes and the phone
 * number are validated exactly as given, because silently rewriting an identifier would store
 * something the applicant never entered. An empty `investmentCode` means "not yet issued" and is
 * normalised to `undefined` so absence has a single representation. Unknown keys are stripped.
 */
export const projectRegistrationSchema = z.object({
  /** Project name. */
  name: text(1, 200),
  /** Legal name of the investing enterprise. */
  enterpriseName: text(1, 200),
  /** Unified Social Credit Code of the investing enterprise. */
  creditCode: z.string({ error: typeError("a string") }).superRefine((value, ctx) => {
    const problem = describeCreditCodeProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  }),
  /** Investment project code (项目代码); projects are often registered before it is issued. */
  investmentCode: z
    .string({ error: typeError("a string") })
    .refine((value) => value === "" || isValidInvestmentCode(value), {
      message: "must look like YYYY-DDDDDD-II-TT-NNNNNN (e.g. 2023-610900-04-01-123456) or be empty",
    })
    .transform((value) => (value === "" ? undefined : value))
    .optional(),
  /** Total planned investment in 万元 (10,000 CNY), whole units. */
  investmentWanYuan: z
    .number({ error: typeError("a number") })
    .int({ error: "must be a whole number of 万元" })
    .min(0, { error: "must not be negative" })
    .max(MAX_INVESTMENT_WAN_YUAN, { error: `must be at most ${MAX_INVESTMENT_WAN_YUAN} 万元` }),
  /** Industrial chain (产业链) the project belongs to, free text. */
  industryChain: text(0, 50).optional(),
  /** Name of the enterprise's contact person. */
  contactName: text(1, 50),
  /** Contact person's mainland China mobile number. */
  contactPhone: z
    .string({ error: typeError("a string") })
    .refine(isValidMobilePhone, { message: "must be an 11-digit mainland China mobile number starting with 13-19" }),
});

/** A validated, normalised project registration command. */
export type ProjectRegistration = z.infer<typeof projectRegistrationSchema>;

/** One reason a registration command was rejected. */
export interface FieldViolation {
  /** Dotted path of the offending field (e.g. `"creditCode"`); `""` means the whole command. */
  field: string;
  /** English explanation suitable for API error details. */
  description: string;
}

/** Outcome of {@link validateProjectRegistration}. */
export type ProjectRegistrationValidation =
  | { ok: true; value: ProjectRegistration }
  | { ok: false; violations: FieldViolation[] };

/**
 * Validates an untrusted registration command, collecting every violation rather than stopping
 * at the first, so that a form can highlight all bad fields at once.
 *
 * @param input the decoded request body / message, of unknown shape
 */
export function validateProjectRegistration(input: unknown): ProjectRegistrationValidation {
  const result = projectRegistrationSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    violations: result.error.issues.map((issue) => ({
      field: issue.path.map(String).join("."),
      description: issue.message,
    })),
  };
}
