import { randomUUID } from "node:crypto";
import { z } from "zod";
import { alreadyExists, fail, failedPrecondition, invalidArgument, ok, permissionDenied, type Result } from "@steward/platform/errors";
import type { Actor } from "./actor.js";
import { creditCodeField, mobilePhoneField, text, typeError, validate } from "./fields.js";
import { describeIdNumberProblem } from "./id-number.js";

/** One of the enterprise's contacts; phone and ID number are personal data. */
export interface Contact {
  name: string;
  title?: string;
  phone: string;
  idNumber?: string;
}

/** A bar on a processing mode raised by approval routing (告知承诺 after a false commitment). */
export interface CreditBar {
  mode: string;
  barredUntil: string;
  reason: string;
}

export interface Enterprise {
  id: string;
  region: string;
  creditCode: string;
  name: string;
  legalRepresentative?: string;
  address?: string;
  contacts: Contact[];
  creditBars: CreditBar[];
  registeredBy: string;
  registeredAt: Date;
  updatedAt: Date;
  version: number;
}

const contactSchema = z.object({
  name: text(1, 50),
  title: text(0, 50).optional(),
  phone: mobilePhoneField,
  idNumber: z
    .string({ error: typeError("a string") })
    .superRefine((value, ctx) => {
      const problem = describeIdNumberProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
});

const contactsField = z.array(contactSchema, { error: typeError("a list of contacts") }).max(10, { message: "holds at most 10 contacts" });

export const enterpriseRegistrationSchema = z.object({
  creditCode: creditCodeField,
  name: text(1, 200),
  legalRepresentative: text(1, 50).optional(),
  address: text(1, 200).optional(),
  contacts: contactsField.default([]),
});
export type EnterpriseRegistration = z.infer<typeof enterpriseRegistrationSchema>;

export const enterpriseUpdateSchema = z.object({
  /** The version read; a stale one is refused, so nobody overwrites a change they never saw. */
  version: z.number({ error: typeError("the version read") }).int().min(1),
  name: text(1, 200).optional(),
  legalRepresentative: text(1, 50).optional(),
  address: text(1, 200).optional(),
  contacts: contactsField.optional(),
});
export type EnterpriseUpdate = z.infer<typeof enterpriseUpdateSchema>;

export interface EnterpriseContext {
  region: string;
  actor: Actor;
  now: Date;
}

/** Refuses an enterprise acting for another enterprise's credit code. */
export function checkOwnCreditCode(actor: Actor, creditCode: string): Result<true> {
  if (actor.role === "enterprise" && actor.creditCode !== creditCode) {
    return fail({ ...permissionDenied("an enterprise acts for its own credit code only"), reason: "CREDIT_CODE_MISMATCH" });
  }
  return ok(true);
}

/** Registers an enterprise, once per credit code in the region. */
export function registerEnterprise(input: unknown, existing: Enterprise | undefined, context: EnterpriseContext): Result<Enterprise> {
  const validation = validate(enterpriseRegistrationSchema, input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  const registration = validation.value;
  const own = checkOwnCreditCode(context.actor, registration.creditCode);
  if (!own.ok) return own;
  if (existing) {
    return fail({ ...alreadyExists(`an enterprise with credit code ${registration.creditCode} is already registered`), reason: "ENTERPRISE_EXISTS", metadata: { enterpriseId: existing.id } });
  }
  return ok(newEnterprise(registration, context));
}

export function newEnterprise(registration: EnterpriseRegistration, context: EnterpriseContext): Enterprise {
  return {
    id: randomUUID(),
    region: context.region,
    creditCode: registration.creditCode,
    name: registration.name,
    ...(registration.legalRepresentative ? { legalRepresentative: registration.legalRepresentative } : {}),
    ...(registration.address ? { address: registration.address } : {}),
    contacts: registration.contacts.map(withoutEmpty),
    creditBars: [],
    registeredBy: context.actor.subject,
    registeredAt: context.now,
    updatedAt: context.now,
    version: 1,
  };
}

function withoutEmpty(contact: z.infer<typeof contactSchema>): Contact {
  return { name: contact.name, phone: contact.phone, ...(contact.title ? { title: contact.title } : {}), ...(contact.idNumber ? { idNumber: contact.idNumber } : {}) };
}

export interface EnterpriseChange {
  enterprise: Enterprise;
  /** Names of the fields that changed. */
  changed: string[];
}

/** Applies an update; refuses a stale version. An update that changes nothing changes nothing. */
export function updateEnterprise(current: Enterprise, input: unknown, context: EnterpriseContext): Result<EnterpriseChange> {
  const validation = validate(enterpriseUpdateSchema, input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  const own = checkOwnCreditCode(context.actor, current.creditCode);
  if (!own.ok) return own;
  const update = validation.value;
  if (update.version !== current.version) {
    return fail({ ...failedPrecondition(`enterprise ${current.id} is at version ${current.version}, not ${update.version}`), reason: "VERSION_CONFLICT", metadata: { version: String(current.version) } });
  }
  const next: Enterprise = { ...current };
  const changed: string[] = [];
  for (const field of ["name", "legalRepresentative", "address"] as const) {
    const value = update[field];
    if (value === undefined || value === current[field]) continue;
    next[field] = value;
    changed.push(field);
  }
  if (update.contacts !== undefined) {
    const contacts = update.contacts.map(withoutEmpty);
    if (JSON.stringify(contacts) !== JSON.stringify(current.contacts)) {
      next.contacts = contacts;
      changed.push("contacts");
    }
  }
  if (changed.length === 0) return ok({ enterprise: current, changed });
  return ok({ enterprise: { ...next, updatedAt: context.now, version: current.version + 1 }, changed });
}
