import { z } from "zod";
import { recipientKinds, systemKinds, type RecipientKind } from "./recipients.js";
import { templateVariables, type TemplateSet } from "./templates.js";

/**
 * The notification rules (rules/notification-rules.json): data, versioned, validated as a whole
 * when loaded. A rule maps a trigger — an event type on the bus, or one of notification's own
 * (reminders, review invitations, digests) — and optional conditions on its fields to the
 * recipients to tell, each with a template and an urgency; the channels follow the recipient's
 * preference (or its kind's default here), narrowed by the rule when it names channels.
 */
export const channels = ["sms", "email", "inbox", "webhook"] as const;
export type Channel = (typeof channels)[number];
export const urgencies = ["urgent", "prompt", "digest"] as const;
export type Urgency = (typeof urgencies)[number];

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "must be HH:MM");

const recipientSpec = z
  .object({
    recipient: z.enum(recipientKinds),
    /**
     * The trigger's field holding the recipient's id: a steward's subject (default: the project's
     * steward), a department code for a liaison or department system (default: departmentCode),
     * a credit code for the enterprise (default: the project's enterprise).
     */
    from: z.string().min(1).optional(),
    template: z.string().min(1),
    urgency: z.enum(urgencies),
    /** Only these of the recipient's channels. */
    channels: z.array(z.enum(channels)).min(1).optional(),
  })
  .strict();

const conditions = z.record(z.string(), z.array(z.union([z.string(), z.boolean(), z.number()])).min(1));

const rule = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9.-]*$/),
    on: z.string().min(1),
    /** Conditions: the trigger's field must have one of the listed values. */
    when: conditions.optional(),
    /** Exclusions: the rule does not apply when the trigger's field has one of the listed values. */
    unless: conditions.optional(),
    notify: z.array(recipientSpec).min(1),
    /** Why, and where the obligation comes from. */
    note: z.string().optional(),
  })
  .strict();

const reminderPoint = z.union([
  z.object({ level: z.enum(["blue", "orange"]), workingDaysBefore: z.number().int().min(0).max(60) }).strict(),
  z.object({ level: z.enum(["blue", "orange"]), shareElapsed: z.number().gt(0).lt(1) }).strict(),
]);

export const reminderKinds = ["supplement", "item", "consultation"] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export const rulesFileSchema = z
  .object({
    version: z.number().int().positive(),
    source: z.string().min(1),
    schedule: z
      .object({
        timeZone: z.literal("Asia/Shanghai"),
        /** Nothing but urgent notices by SMS or e-mail in these hours (local time; may wrap midnight). */
        quietHours: z.object({ from: hhmm, to: hhmm }).strict(),
        /** When the morning digest of held notices goes out (local time). */
        digestAt: hhmm,
        /** Local time of day at which reminders fire on their day. */
        remindAt: hhmm,
      })
      .strict(),
    /** Channels by recipient kind when the recipient chose none. */
    channels: z.record(z.enum(recipientKinds), z.array(z.enum(channels)).min(1)),
    /** Escalating reminders (blue → orange; red comes from routing's red light) at points of a clock. */
    reminders: z.object({ source: z.string(), tracks: z.record(z.enum(reminderKinds), z.array(reminderPoint)) }).strict(),
    followUps: z
      .object({
        source: z.string(),
        /** Events after which the enterprise is invited to rate (an item decided, a case completed). */
        inviteOn: z.array(z.string()).min(1),
        reinviteAfterDays: z.number().int().min(1).max(30),
        invitationValidDays: z.number().int().min(1).max(365),
        /** Working days a rectification gets, by the bad rating (1 or 2); the rule allows 5 to 15. */
        rectificationWorkingDays: z.object({ "1": z.number().int().min(5).max(15), "2": z.number().int().min(5).max(15) }).strict(),
      })
      .strict(),
    policies: z
      .object({
        source: z.string(),
        /** Investment scale bands by planned investment in 万元: the first band whose bound the investment is below. */
        scaleBands: z.array(z.object({ name: z.string().min(1), belowWanYuan: z.number().positive().nullable() }).strict()).min(1),
      })
      .strict(),
    rules: z.array(rule).min(1),
  })
  .strict();

export type RulesFile = z.infer<typeof rulesFileSchema>;
export type Rule = z.infer<typeof rule>;
export type RecipientSpec = z.infer<typeof recipientSpec>;
export type ReminderPoint = z.infer<typeof reminderPoint>;

/** What a trigger carries: its own fields, and the context values every notice about it may use. */
export interface TriggerSchema {
  fields: ReadonlySet<string>;
  context: ReadonlySet<string>;
}

export interface CompiledRules {
  file: RulesFile;
  templates: TemplateSet;
  /** Rules by trigger type, in file order. */
  byTrigger: ReadonlyMap<string, readonly Rule[]>;
}

/** Channels a kind of recipient can have: systems take webhooks (and departments read an inbox); people and offices the rest. */
function channelAllowed(kind: RecipientKind, channel: Channel): boolean {
  if (kind === "hotline") return channel === "webhook";
  if (systemKinds.has(kind)) return channel === "webhook" || channel === "inbox";
  return channel !== "webhook";
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Whether a local time of day lies in the quiet hours [from, to), which may wrap midnight. */
export function inQuietHours(minuteOfDay: number, quiet: { from: string; to: string }): boolean {
  const from = minutes(quiet.from);
  const to = minutes(quiet.to);
  return from <= to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
}

/**
 * Checks rules and templates together against the triggers' schemas; returns every problem found
 * (empty when they are usable). Each problem names the rule or template and what is wrong with it.
 */
export function checkRules(file: RulesFile, templates: TemplateSet, schemas: ReadonlyMap<string, TriggerSchema>, builtIn: readonly BuiltInTemplate[] = []): string[] {
  const problems: string[] = [];
  for (const { template: name, trigger } of builtIn) {
    const t = templates.templates[name];
    const schema = schemas.get(trigger);
    if (!t || !schema) problems.push(`template ${name} is missing`);
    else for (const variable of templateVariables(t)) if (!schema.fields.has(variable)) problems.push(`template ${name}: {${variable}} is not a field of ${trigger}`);
  }
  const ids = new Set<string>();
  for (const r of file.rules) {
    if (ids.has(r.id)) problems.push(`rule ${r.id}: the id is used twice`);
    ids.add(r.id);
    const schema = schemas.get(r.on);
    if (!schema) {
      problems.push(`rule ${r.id}: no trigger ${r.on}`);
      continue;
    }
    for (const field of [...Object.keys(r.when ?? {}), ...Object.keys(r.unless ?? {})]) if (!schema.fields.has(field)) problems.push(`rule ${r.id}: condition on ${field}, which ${r.on} does not have`);
    r.notify.forEach((spec, index) => {
      const at = `rule ${r.id} notify[${index}]`;
      if (spec.from !== undefined && !schema.fields.has(spec.from)) problems.push(`${at}: from ${spec.from}, which ${r.on} does not have`);
      if ((spec.recipient === "liaison" || spec.recipient === "department") && spec.from === undefined && !schema.fields.has("departmentCode")) {
        problems.push(`${at}: ${r.on} has no departmentCode; name the field holding the department with "from"`);
      }
      for (const channel of spec.channels ?? []) if (!channelAllowed(spec.recipient, channel)) problems.push(`${at}: a ${spec.recipient} cannot be reached by ${channel}`);
      const t = templates.templates[spec.template];
      if (!t) {
        problems.push(`${at}: template ${spec.template} is missing`);
        return;
      }
      for (const name of templateVariables(t)) {
        if (!schema.fields.has(name) && !schema.context.has(name)) problems.push(`template ${spec.template} (${at}): {${name}} is not a field of ${r.on}`);
      }
    });
  }
  for (const [kind, list] of Object.entries(file.channels)) {
    for (const channel of list) if (!channelAllowed(kind as RecipientKind, channel)) problems.push(`channels.${kind}: a ${kind} cannot be reached by ${channel}`);
  }
  for (const kind of recipientKinds) if (!file.channels[kind]) problems.push(`channels: no default channels for ${kind}`);
  if (inQuietHours(minutes(file.schedule.digestAt), file.schedule.quietHours)) problems.push(`schedule.digestAt ${file.schedule.digestAt} lies in the quiet hours`);
  for (const type of file.followUps.inviteOn) if (!schemas.has(type)) problems.push(`followUps.inviteOn: no trigger ${type}`);
  const bands = file.policies.scaleBands;
  if (bands[bands.length - 1]!.belowWanYuan !== null) problems.push("policies.scaleBands: the last band must be open (belowWanYuan null)");
  for (let i = 1; i < bands.length - 1; i++) if ((bands[i]!.belowWanYuan ?? Infinity) <= (bands[i - 1]!.belowWanYuan ?? Infinity)) problems.push(`policies.scaleBands[${i}]: bounds must rise`);
  return problems;
}

/** A template the code renders by name (the digest), with the trigger whose fields it may use. */
export interface BuiltInTemplate {
  template: string;
  trigger: string;
}

/** Rules ready to use; throws one error listing every problem when they are not. */
export function compileRules(file: RulesFile, templates: TemplateSet, schemas: ReadonlyMap<string, TriggerSchema>, builtIn: readonly BuiltInTemplate[] = []): CompiledRules {
  const problems = checkRules(file, templates, schemas, builtIn);
  if (problems.length > 0) throw new RulesError(problems);
  const byTrigger = new Map<string, Rule[]>();
  for (const r of file.rules) byTrigger.set(r.on, [...(byTrigger.get(r.on) ?? []), r]);
  return { file, templates, byTrigger };
}

export class RulesError extends Error {
  constructor(readonly problems: string[]) {
    super(`notification rules refused: ${problems.join("; ")}`);
    this.name = "RulesError";
  }
}

/** Whether a rule's conditions hold for the trigger's fields. */
export function ruleApplies(r: Rule, fields: Readonly<Record<string, unknown>>): boolean {
  const value = (field: string) => fields[field] as string | boolean | number;
  return Object.entries(r.when ?? {}).every(([field, allowed]) => allowed.includes(value(field))) && !Object.entries(r.unless ?? {}).some(([field, excluded]) => excluded.includes(value(field)));
}
