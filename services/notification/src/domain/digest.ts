import { render, type RenderedMessage, type TemplateSet } from "./templates.js";

/** The template of the morning digest; its variables are those of `digestTrigger`. */
export const digestTemplate = "digest";
export const digestTrigger = { type: "notification.digest", fields: ["count", "lines", "shortLines"] } as const;

/** How many titles an SMS digest lists before "等 N 条". */
const smsTitles = 3;

/**
 * One message gathering a recipient's held notices, oldest first: every title and body in the
 * e-mail (and inbox-style body), the first few titles in the SMS.
 */
export function composeDigest(items: readonly { title: string; body: string }[], templates: TemplateSet): RenderedMessage {
  const lines = items.map((item, index) => `${index + 1}. ${item.title}\n${item.body}`).join("\n\n");
  const listed = items.slice(0, smsTitles).map((item, index) => `${index + 1}.${item.title}`);
  const shortLines = items.length > smsTitles ? `${listed.join("；")} 等 ${items.length} 条` : listed.join("；");
  return render(templates, digestTemplate, { count: items.length, lines, shortLines });
}
