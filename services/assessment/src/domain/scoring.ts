import { z } from "zod";
import { isQuarter, type Quarter } from "./periods.js";

export const measureNames = ["unit_on_time_rate", "compression_rate", "complaint_reply_on_time_rate", "satisfaction_rate", "escalation_resolution_rate"] as const;
export type MeasureName = (typeof measureNames)[number];
export const gradeNames = ["excellent", "good", "fair", "poor"] as const;
export type Grade = (typeof gradeNames)[number];

const versionSchema = z.object({
  version: z.string().regex(/^\d{4}\.\d+$/),
  effectiveFrom: z.string().refine(isQuarter, "must be a quarter like 2026-Q1"),
  note: z.string(),
  measures: z
    .array(
      z.object({
        measure: z.enum(measureNames),
        label: z.string().min(1),
        weight: z.number().min(0).max(100),
        definition: z.string().min(1),
        /**
         * What a unit with nothing to measure gets (no complaint, no review): "full" marks (having
         * none is no failing), or "not_assessable" — the unit is listed with "—" but neither
         * scored, graded nor ranked (no completed item with a clock has no on-time rate).
         */
        whenNone: z.enum(["full", "not_assessable"]),
      }),
    )
    .min(1)
    .refine((measures) => Math.abs(measures.reduce((sum, m) => sum + m.weight, 0) - 100) < 1e-9, "weights must add up to 100")
    .refine((measures) => new Set(measures.map((m) => m.measure)).size === measures.length, "a measure appears once"),
  grades: z
    .array(z.object({ grade: z.enum(gradeNames), label: z.string().min(1), minScore: z.number().min(0).max(100) }))
    .length(4)
    .refine((grades) => grades.every((grade, index) => index === 0 || grade.minScore < grades[index - 1]!.minScore), "grades from best to worst, thresholds falling")
    .refine((grades) => grades.at(-1)!.minScore === 0, "the last grade starts at 0"),
});

/** The scoring rules data file (rules/scoring.json): versions, each from a quarter on. */
export const scoringRulesSchema = z.object({
  source: z.string().min(1),
  versions: z
    .array(versionSchema)
    .min(1)
    .refine((versions) => new Set(versions.map((v) => v.version)).size === versions.length, "versions must be unique")
    .refine((versions) => versions.every((v, index) => index === 0 || v.effectiveFrom > versions[index - 1]!.effectiveFrom), "versions in the order they take effect"),
});

export type ScoringRules = z.infer<typeof scoringRulesSchema>;
export type RuleVersion = ScoringRules["versions"][number];

/** The version in force for a quarter: the latest whose effectiveFrom is not after it. */
export function ruleVersionFor(rules: ScoringRules, quarter: Quarter): RuleVersion | undefined {
  return rules.versions.filter((version) => version.effectiveFrom <= quarter).at(-1);
}

/** Each measure a share 0–1, or null where the unit had nothing to measure (shown "—"). */
export type Measures = Record<MeasureName, number | null>;

/**
 * Score 0–100: the weighted sum of the measures (each a share 0–1), rounded to 0.01; a measure
 * with nothing to measure counts as its rule's `whenNone` says. undefined: the unit cannot be
 * assessed (a `not_assessable` measure had nothing to measure), so it gets no score, grade or rank.
 */
export function scoreOf(version: RuleVersion, measures: Measures): number | undefined {
  let raw = 0;
  for (const m of version.measures) {
    const share = measures[m.measure];
    if (share === null && m.whenNone === "not_assessable") return undefined;
    raw += m.weight * (share === null ? 1 : Math.min(1, Math.max(0, share)));
  }
  return Math.round(raw * 100) / 100;
}

export function gradeOf(version: RuleVersion, score: number): Grade {
  return version.grades.find((grade) => score >= grade.minScore)!.grade;
}

export const gradeLabel = (version: RuleVersion, grade: Grade): string => version.grades.find((g) => g.grade === grade)!.label;
