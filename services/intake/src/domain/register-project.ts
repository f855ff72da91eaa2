import { alreadyExists, fail, invalidArgument, ok, permissionDenied, type Result } from "@steward/platform/errors";
import { newProject, type Project } from "./project.js";
import { validateProjectRegistration } from "./project-registration.js";

/** What registering needs from storage, so the rule stays free of SQL. */
export interface RegistrationStore {
  investmentCodeTaken(code: string): Promise<boolean>;
  save(project: Project): Promise<void>;
}

/**
 * Registers a key project: validates every field at once, refuses an enterprise registering for
 * another enterprise's credit code and a second project with the same investment project code in
 * the region, then saves it (the caller's transaction also records the intake.project.registered
 * event). `ownCreditCode` is the caller's when it is an enterprise, undefined for staff.
 */
export async function registerProject(input: unknown, region: string, registeredBy: string, ownCreditCode: string | undefined, store: RegistrationStore): Promise<Result<Project>> {
  const validation = validateProjectRegistration(input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  const registration = validation.value;
  if (ownCreditCode !== undefined && registration.creditCode !== ownCreditCode) {
    return fail({ ...permissionDenied("an enterprise registers projects under its own credit code only"), reason: "NOT_OWN_CREDIT_CODE" });
  }
  if (registration.investmentCode && (await store.investmentCodeTaken(registration.investmentCode))) {
    return fail(alreadyExists(`a project with investment code ${registration.investmentCode} is already registered`));
  }
  const project = newProject(registration, region, registeredBy);
  await store.save(project);
  return ok(project);
}
