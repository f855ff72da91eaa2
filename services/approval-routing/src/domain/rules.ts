import { z } from "zod";
import { limitUnits, processingModes } from "./catalogue.js";

/**
 * The routing rules of the law that are not one item's terms: the 一次性告知 window, the acceptance
 * window, and the bar after a false commitment. They are data (rules/*.json, named by
 * STEWARD_ROUTING_RULES_FILE), each with its source; a city with other rules is another file.
 */

const limitSchema = z.strictObject({ value: z.number().int().min(1).max(60), unit: z.enum(limitUnits) });
const cited = { citation: z.string().trim().min(1), source: z.string().trim().min(1) };

export const routingRulesSchema = z.strictObject({
  version: z.string().trim().min(1),
  source: z.string().trim().min(1),
  /** 一次性告知: a 补正 round is asked for within this limit after the materials are received. */
  oneTimeNotice: z.strictObject({ limit: limitSchema, ...cited }),
  /** An item not accepted within this limit after it is received counts as accepted from receipt. */
  acceptance: z.strictObject({ limit: limitSchema, ...cited }),
  /** After a false commitment, the enterprise is refused these modes for this many months. */
  commitmentBar: z.strictObject({
    months: z.number().int().min(1).max(120),
    modes: z.array(z.enum(processingModes).exclude(["normal"])).min(1),
    ...cited,
  }),
});

export type RoutingRules = z.infer<typeof routingRulesSchema>;

export type RulesResult = { ok: true; rules: RoutingRules } | { ok: false; problems: string[] };

/** Parses a rules file; every problem names the field at fault. */
export function parseRoutingRules(input: unknown): RulesResult {
  const parsed = routingRulesSchema.safeParse(input);
  if (parsed.success) return { ok: true, rules: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "rules"}: ${issue.message}`) };
}
