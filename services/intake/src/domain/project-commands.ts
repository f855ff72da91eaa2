import { z } from "zod";
import { alreadyExists, fail, failedPrecondition, invalidArgument, ok, permissionDenied, type Result } from "@steward/platform/errors";
import { isStaff, type Actor } from "./actor.js";
import { checkOwnCreditCode, newEnterprise, type Enterprise } from "./enterprise.js";
import { divisionCodeField, mobilePhoneField, text, typeError, validate } from "./fields.js";
import { nameKey, newProject, type Project } from "./project.js";
import { investmentCodeField, investmentField, validateProjectRegistration } from "./project-registration.js";

export interface ProjectContext {
  region: string;
  actor: Actor;
  now: Date;
}

/** What registering needs to know, loaded (under the enterprise's lock) before the rule runs. */
export interface RegistrationState {
  /** The enterprise of the credit code, when it is already registered. */
  enterprise: Enterprise | undefined;
  /** The enterprise's projects in the region: duplicates are looked for among them. */
  enterpriseProjects: readonly Project[];
  /** The project already holding the investment code in the region, if any. */
  investmentCodeHolder: Project | undefined;
}

export interface Registered {
  project: Project;
  enterprise: Enterprise;
  /** The enterprise was first met on this registration and is registered with it. */
  enterpriseCreated: boolean;
}

/**
 * Registers a key project: every field checked at once; an enterprise registers for its own
 * credit code only; a project is a duplicate when its enterprise already has one with the same
 * investment code or the same name (spelt the same way, see nameKey), and an investment code is
 * one project's; an enterprise met for the first time becomes a record of its own.
 */
export function registerProject(input: unknown, state: RegistrationState, context: ProjectContext): Result<Registered> {
  const validation = validateProjectRegistration(input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  const registration = validation.value;
  const own = checkOwnCreditCode(context.actor, registration.creditCode);
  if (!own.ok) return own;
  if (registration.keyProject && !isStaff(context.actor)) {
    return fail(invalidArgument([{ field: "keyProject", description: "the key-project list is kept by the service centre; leave it out" }]));
  }
  const key = nameKey(registration.name);
  const duplicate = state.enterpriseProjects.find(
    (project) => (registration.investmentCode !== undefined && project.investmentCode === registration.investmentCode) || nameKey(project.name) === key,
  );
  if (duplicate) {
    return fail({
      ...alreadyExists(`the enterprise already registered this project as ${duplicate.id} (same ${duplicate.investmentCode === registration.investmentCode ? "investment code" : "name"})`),
      reason: "PROJECT_DUPLICATE",
      metadata: { projectId: duplicate.id },
    });
  }
  if (state.investmentCodeHolder) {
    return fail({ ...alreadyExists(`a project with investment code ${registration.investmentCode} is already registered`), reason: "INVESTMENT_CODE_TAKEN" });
  }
  const enterprise =
    state.enterprise ??
    newEnterprise(
      { creditCode: registration.creditCode, name: registration.enterpriseName, contacts: [{ name: registration.contactName, phone: registration.contactPhone }] },
      context,
    );
  const project = newProject({ ...registration, enterpriseName: enterprise.name }, enterprise.id, context.region, context.actor.subject, context.now);
  return ok({ project, enterprise, enterpriseCreated: state.enterprise === undefined });
}

export const projectUpdateSchema = z.object({
  /** The version read; a stale one is refused. */
  version: z.number({ error: typeError("the version read") }).int().min(1),
  name: text(1, 200).optional(),
  investmentCode: investmentCodeField.optional(),
  investmentWanYuan: investmentField.optional(),
  industryChain: text(0, 50).optional(),
  contactName: text(1, 50).optional(),
  contactPhone: mobilePhoneField.optional(),
  keyProject: z.boolean({ error: typeError("true or false") }).optional(),
  divisionCode: divisionCodeField.optional(),
});

/** One changed field; personal data is recorded as changed without its values. */
export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface ProjectChange {
  project: Project;
  changes: FieldChange[];
}

const personalFields = new Set(["contactName", "contactPhone"]);

/**
 * Updates a project; every change is kept in its history (the project's ledger chain) with the
 * old and new values, except personal data, whose values the history does not keep (an
 * append-only record must not hold what a person may ask to have erased).
 */
export function updateProject(current: Project, input: unknown, state: { investmentCodeHolder: Project | undefined }, context: ProjectContext): Result<ProjectChange> {
  const validation = validate(projectUpdateSchema, input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  const update = validation.value;
  const own = checkOwnCreditCode(context.actor, current.creditCode);
  if (!own.ok) return own;
  if (update.keyProject !== undefined && update.keyProject !== current.keyProject && !isStaff(context.actor)) {
    return fail({ ...permissionDenied("the key-project list is kept by the service centre"), reason: "KEY_PROJECT_STAFF_ONLY" });
  }
  if (update.version !== current.version) {
    return fail({ ...failedPrecondition(`project ${current.id} is at version ${current.version}, not ${update.version}`), reason: "VERSION_CONFLICT", metadata: { version: String(current.version) } });
  }
  if (update.investmentCode !== undefined && state.investmentCodeHolder && state.investmentCodeHolder.id !== current.id) {
    return fail({ ...alreadyExists(`a project with investment code ${update.investmentCode} is already registered`), reason: "INVESTMENT_CODE_TAKEN" });
  }
  const next: Project = { ...current };
  const changes: FieldChange[] = [];
  const fields = ["name", "investmentCode", "investmentWanYuan", "industryChain", "contactName", "contactPhone", "keyProject", "divisionCode"] as const;
  for (const field of fields) {
    const value = update[field];
    if (value === undefined || value === current[field]) continue;
    const shown = (v: unknown) => (personalFields.has(field) ? "(personal data)" : v === undefined ? "" : String(v));
    changes.push({ field, from: shown(current[field]), to: shown(value) });
    (next as unknown as Record<string, unknown>)[field] = value;
  }
  if (changes.length === 0) return ok({ project: current, changes });
  return ok({ project: { ...next, updatedAt: context.now, version: current.version + 1 }, changes });
}
