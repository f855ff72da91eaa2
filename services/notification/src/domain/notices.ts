import type { Recipient } from "./recipients.js";
import { recipientKey } from "./recipients.js";
import { ruleApplies, type Channel, type CompiledRules, type RecipientSpec, type Urgency } from "./rules.js";

/**
 * Something to tell people about: an event from the bus, or one of notification's own triggers
 * (a reminder point reached, a review invitation, a policy match). Fields are the event payload's,
 * by their camelCase names.
 */
export interface Trigger {
  type: string;
  /** The event id, or a key naming the trigger once ("reminder:<id>:blue"): half of the exactly-once key. */
  sourceId: string;
  occurredAt: Date;
  /** The aggregate the notice is about (case, item, complaint, review…), for lists. */
  subjectId: string;
  fields: Readonly<Record<string, unknown>>;
}

/** The project's people, as notification's projection of intake's and agreement's events knows them. */
export interface Team {
  projectId?: string;
  projectName?: string;
  enterpriseName?: string;
  creditCode?: string;
  stewardId?: string;
  stewardName?: string;
  /** The project's liaison per department code. */
  liaisons: ReadonlyMap<string, { id: string; name: string }>;
}

export const noTeam: Team = { liaisons: new Map() };

/** Names of catalogue items and departments, for readable messages (codes when unknown). */
export interface Names {
  item(code: string): string | undefined;
  department(code: string): string | undefined;
}

/** Values every template may use besides its trigger's fields. */
export const contextVariables = [
  "projectName",
  "enterpriseName",
  "stewardName",
  "departmentName",
  "itemName",
  "consultedDepartmentName",
  "responsibleDepartmentName",
] as const;

export interface Notice {
  trigger: Trigger;
  ruleId: string;
  recipient: Recipient;
  template: string;
  urgency: Urgency;
  /** The rule's narrowing of the recipient's channels, when it names some. */
  channels?: readonly Channel[];
  /** The trigger's fields and the context values, for the template. */
  values: Record<string, unknown>;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

function resolveRecipient(spec: RecipientSpec, trigger: Trigger, team: Team): Recipient | undefined {
  const from = spec.from === undefined ? undefined : text(trigger.fields[spec.from]);
  switch (spec.recipient) {
    case "steward": {
      const id = from ?? team.stewardId ?? "";
      return id ? { kind: "steward", id } : undefined;
    }
    case "liaison": {
      const liaison = team.liaisons.get(from ?? text(trigger.fields.departmentCode));
      return liaison ? { kind: "liaison", id: liaison.id } : undefined;
    }
    case "department": {
      const code = from ?? text(trigger.fields.departmentCode);
      return code ? { kind: "department", id: code } : undefined;
    }
    case "enterprise": {
      const creditCode = from ?? (team.creditCode || text(trigger.fields.creditCode));
      return creditCode ? { kind: "enterprise", id: creditCode } : undefined;
    }
    default:
      return { kind: spec.recipient, id: "" };
  }
}

/** The trigger's fields with the context values filled in (the trigger's own values win when set). */
export function templateValues(trigger: Trigger, team: Team, names: Names): Record<string, unknown> {
  const fields = trigger.fields;
  const departmentName = (code: unknown) => (text(code) ? (names.department(text(code)) ?? text(code)) : "");
  return {
    ...fields,
    projectName: text(fields.projectName) || team.projectName || "（未登记项目）",
    enterpriseName: text(fields.enterpriseName) || team.enterpriseName || "",
    stewardName: text(fields.stewardName) || team.stewardName || "",
    departmentName: departmentName(fields.departmentCode),
    itemName: text(fields.itemCode) ? (names.item(text(fields.itemCode)) ?? text(fields.itemCode)) : "",
    consultedDepartmentName: departmentName(fields.consultedDepartment),
    responsibleDepartmentName: departmentName(fields.responsibleDepartment),
  };
}

/**
 * The notices a trigger asks for under the rules: each applicable rule's recipients, resolved from
 * the trigger and the project's team. A recipient named twice (the steward as owner and as
 * steward) is told once, by the first rule naming it; a recipient that cannot be resolved (no
 * liaison assigned yet, no steward) is left out.
 */
export function planNotices(trigger: Trigger, team: Team, rules: CompiledRules, names: Names): Notice[] {
  const applicable = (rules.byTrigger.get(trigger.type) ?? []).filter((r) => ruleApplies(r, trigger.fields));
  if (applicable.length === 0) return [];
  const values = templateValues(trigger, team, names);
  const notices: Notice[] = [];
  const told = new Set<string>();
  for (const r of applicable) {
    for (const spec of r.notify) {
      const recipient = resolveRecipient(spec, trigger, team);
      if (!recipient || told.has(recipientKey(recipient))) continue;
      told.add(recipientKey(recipient));
      notices.push({ trigger, ruleId: r.id, recipient, template: spec.template, urgency: spec.urgency, ...(spec.channels ? { channels: spec.channels } : {}), values });
    }
  }
  return notices;
}
