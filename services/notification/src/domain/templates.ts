import { z } from "zod";

/**
 * zh-CN message templates (templates/zh-CN.json), versioned as a set: every delivery records the
 * version it was rendered with. A template has a title and a body for the inbox, e-mail and
 * webhooks, and may have a shorter `sms` text. `{name}` is a variable: a field of the event (or of
 * the notice's own trigger) or a context value (project, item, department names…). Every variable
 * is checked when the rules are loaded (rules.ts), so a template naming a missing field stops the
 * process at start, not a delivery at send time.
 */
const template = z
  .object({
    title: z.string().min(1).max(120),
    body: z.string().min(1).max(2000),
    sms: z.string().min(1).max(300).optional(),
  })
  .strict();

export const templateSetSchema = z
  .object({
    locale: z.literal("zh-CN"),
    version: z.number().int().positive(),
    /** Words for coded values, by variable name: { "mode": { "tolerant": "容缺受理" } }. */
    labels: z.record(z.string(), z.record(z.string(), z.string())),
    templates: z.record(z.string().regex(/^[a-z][a-z0-9.-]*$/, "template names are lower-case words joined by . or -"), template),
  })
  .strict();

export type Template = z.infer<typeof template>;
export type TemplateSet = z.infer<typeof templateSetSchema>;

export interface RenderedMessage {
  title: string;
  body: string;
  sms: string;
}

const variable = /\{(\w+)\}/g;

/** The variables a template names, in its title, body and SMS text. */
export function templateVariables(t: Template): Set<string> {
  const names = new Set<string>();
  for (const text of [t.title, t.body, t.sms ?? ""]) for (const match of text.matchAll(variable)) names.add(match[1]!);
  return names;
}

/** Asia/Shanghai keeps UTC+8 all year. */
const shanghaiOffsetMs = 8 * 3_600_000;

/**
 * A value as text: lists joined with 、, coded values and flags by their label (flags without one
 * as 是/否), instants as local time in Asia/Shanghai (YYYY-MM-DD HH:MM).
 */
function textOf(name: string, value: unknown, labels: TemplateSet["labels"]): string {
  if (Array.isArray(value)) return value.map((item) => textOf(name, item, labels)).join("、");
  if (value instanceof Date) return new Date(value.getTime() + shanghaiOffsetMs).toISOString().slice(0, 16).replace("T", " ");
  const text = value === undefined || value === null ? "" : String(value);
  const label = labels[name]?.[text];
  if (label !== undefined) return label;
  if (typeof value === "boolean") return value ? "是" : "否";
  return text;
}

/**
 * Fills a template. The SMS text is the template's own, or title and body together; it carries
 * the platform's signature (【项目管家】) once.
 */
export function render(set: TemplateSet, name: string, values: Record<string, unknown>): RenderedMessage {
  const t = set.templates[name];
  if (!t) throw new RangeError(`template ${name} is missing`); // rules.ts refuses such rules at start
  const fill = (text: string) => text.replace(variable, (_whole, key: string) => textOf(key, values[key], set.labels));
  const title = fill(t.title);
  const body = fill(t.body);
  const sms = t.sms ? fill(t.sms) : `${title}：${body}`;
  return { title, body, sms: sms.startsWith("【项目管家】") ? sms : `【项目管家】${sms}` };
}
