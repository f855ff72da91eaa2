import { z } from "zod";
import { creditCodeField, divisionCodeField, mobilePhoneField, text, typeError, validate, type Validation } from "./fields.js";
import { describeInvestmentProblem, normaliseInvestment } from "./investment.js";
import { isValidInvestmentCode } from "./investment-code.js";

export { MAX_INVESTMENT_WAN_YUAN } from "./investment.js";

/** Investment project code (项目代码); projects are often registered before it is issued. */
export const investmentCodeField = z
  .string({ error: typeError("a string") })
  .refine((value) => value === "" || isValidInvestmentCode(value), {
    message: "must look like YYYY-DDDDDD-II-TT-NNNNNN (e.g. 2023-610900-04-01-123456) or be empty",
  })
  .transform((value) => (value === "" ? undefined : value));

/** Planned total investment in 万元: a decimal string ("52000.5") or a whole number, kept exact. */
export const investmentField = z
  .union([z.string(), z.number()], { error: typeError('a decimal string of 万元, e.g. "52000.5"') })
  .superRefine((value, ctx) => {
    const problem = describeInvestmentProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => normaliseInvestment(value));

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
  creditCode: creditCodeField,
  investmentCode: investmentCodeField.optional(),
  /** Total planned investment in 万元 (10,000 CNY), exact. */
  investmentWanYuan: investmentField,
  /** Industrial chain (产业链) the project belongs to, free text. */
  industryChain: text(0, 50).optional(),
  /** Name of the enterprise's contact person. */
  contactName: text(1, 50),
  /** Contact person's mainland China mobile number. */
  contactPhone: mobilePhoneField,
  /** On the region's key-project list (重点项目): it must always have a steward. */
  keyProject: z.boolean({ error: typeError("true or false") }).optional(),
  /** GB/T 2260 division code of the site; the investment code's division when not given. */
  divisionCode: divisionCodeField.optional(),
});

/** A validated, normalised project registration command. */
export type ProjectRegistration = z.infer<typeof projectRegistrationSchema>;

/**
 * Validates an untrusted registration command, collecting every violation rather than stopping
 * at the first, so that a form can highlight all bad fields at once.
 */
export function validateProjectRegistration(input: unknown): Validation<ProjectRegistration> {
  return validate(projectRegistrationSchema, input);
}

/** The site's division code: as given, else the investment code's second segment. */
export function divisionOf(registration: Pick<ProjectRegistration, "divisionCode" | "investmentCode">): string | undefined {
  return registration.divisionCode ?? registration.investmentCode?.split("-")[1];
}
