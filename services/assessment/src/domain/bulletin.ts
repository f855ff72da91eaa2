import { createHash } from "node:crypto";
import { canonicalJson } from "@steward/platform/ledger";
import type { Figures } from "./figures.js";
import { compressionRate, ratio } from "./item-timing.js";
import type { Quarter } from "./periods.js";
import { gradeOf, measureNames, scoreOf, type Grade, type MeasureName, type Measures, type RuleVersion } from "./scoring.js";

/** A unit a bulletin ranks: a county's service centre, or a department of the publishing region. */
export interface BulletinSubject {
  kind: "county" | "department";
  key: string;
  name: string;
  /** The unit's figures summed over the quarter. */
  figures: Figures;
}

export interface RankedUnit {
  kind: BulletinSubject["kind"];
  key: string;
  name: string;
  /** 1 for the best; units with equal scores share a rank (1, 1, 3). 0: not ranked (not assessable: no completed item with a clock). */
  rank: number;
  /** 0 when not ranked (grade ""). */
  score: number;
  grade: Grade | "";
  measures: Measures;
  /** The counts the measures came from, as published (so a reader can redo the arithmetic). */
  basis: { itemsCompleted: number; itemsWithClock: number; itemsLateInsideUnit: number; complaintsAnswered: number; reviews: number; escalationsRaised: number };
}

export interface BulletinCorrection {
  quarter: Quarter;
  unitKind: RankedUnit["kind"];
  unitKey: string;
  unitName: string;
  measure: MeasureName | "score";
  /** null: no figure (nothing to measure). */
  published: number | null;
  corrected: number | null;
  note: string;
}

/** What a published bulletin freezes: the rankings, the rule version and the corrections it showed. */
export interface BulletinSnapshot {
  quarter: Quarter;
  region: string;
  ruleVersion: string;
  units: RankedUnit[];
  corrections: BulletinCorrection[];
}

/**
 * The measures of a unit, each a share 0–1 (definitions in rules/scoring.json), or null where
 * there was nothing to measure (no completed item with a clock, no complaint, no review): the
 * bulletin shows "—" there, and the rule version's `whenNone` decides how it scores (scoreOf).
 */
export function measuresOf(figures: Figures): Measures {
  const clocked = figures.itemsCompleted - figures.itemsWithoutClock;
  const reviews = Object.values(figures.reviewsByRating).reduce((sum, n) => sum + n, 0);
  const satisfied = (figures.reviewsByRating["4"] ?? 0) + (figures.reviewsByRating["5"] ?? 0);
  const compression = clocked > 0 ? compressionRate(figures.statutoryWorkingDays, figures.actualWorkingDays) : null;
  return {
    unit_on_time_rate: ratio(clocked - figures.itemsLateInsideUnit, clocked),
    compression_rate: compression === null ? null : Math.max(0, compression),
    complaint_reply_on_time_rate: ratio(figures.complaintsAnsweredOnTime, figures.complaintsAnswered),
    satisfaction_rate: ratio(satisfied, reviews),
    escalation_resolution_rate: ratio(figures.escalationsResolved, figures.escalationsRaised),
  };
}

/** Scores, grades and ranks the units by the rule version; ranked units first, best first. */
export function rankUnits(version: RuleVersion, subjects: readonly BulletinSubject[]): RankedUnit[] {
  const scored = subjects.map((subject): RankedUnit => {
    const measures = measuresOf(subject.figures);
    const f = subject.figures;
    const score = scoreOf(version, measures);
    const ranked = score !== undefined;
    return {
      kind: subject.kind,
      key: subject.key,
      name: subject.name,
      rank: 0,
      score: score ?? 0,
      grade: ranked ? gradeOf(version, score) : "",
      measures,
      basis: {
        itemsCompleted: f.itemsCompleted,
        itemsWithClock: f.itemsCompleted - f.itemsWithoutClock,
        itemsLateInsideUnit: f.itemsLateInsideUnit,
        complaintsAnswered: f.complaintsAnswered,
        reviews: Object.values(f.reviewsByRating).reduce((sum, n) => sum + n, 0),
        escalationsRaised: f.escalationsRaised,
      },
    };
  });
  const byKind = (kind: RankedUnit["kind"]) => {
    const units = scored.filter((unit) => unit.kind === kind);
    const ranked = units.filter((unit) => unit.grade !== "").sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
    ranked.forEach((unit, index) => {
      unit.rank = index > 0 && ranked[index - 1]!.score === unit.score ? ranked[index - 1]!.rank : index + 1;
    });
    return [...ranked, ...units.filter((unit) => unit.grade === "").sort((a, b) => a.key.localeCompare(b.key))];
  };
  return [...byKind("county"), ...byKind("department")];
}

const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/**
 * Corrections to earlier published quarters: for each, the figures as they stand now against
 * what was last published for them (the quarter's own snapshot, or a correction a later bulletin
 * already showed). A changed measure or score is shown once, in the next bulletin after it
 * arrived; the published bulletin itself never changes.
 */
export function correctionsOf(
  earlier: readonly { snapshot: BulletinSnapshot; now: readonly RankedUnit[] }[],
  alreadyShown: readonly BulletinCorrection[],
): BulletinCorrection[] {
  const corrections: BulletinCorrection[] = [];
  for (const { snapshot, now } of earlier) {
    for (const published of snapshot.units) {
      const current = now.find((unit) => unit.kind === published.kind && unit.key === published.key);
      if (!current) continue;
      const lastShown = (measure: BulletinCorrection["measure"], original: number | null) => {
        const shown = alreadyShown.filter((c) => c.quarter === snapshot.quarter && c.unitKind === published.kind && c.unitKey === published.key && c.measure === measure).at(-1);
        return shown ? shown.corrected : original;
      };
      const compare = (measure: BulletinCorrection["measure"], original: number | null, value: number | null) => {
        const shown = lastShown(measure, original);
        if (same(shown, value)) return;
        corrections.push({
          quarter: snapshot.quarter,
          unitKind: published.kind,
          unitKey: published.key,
          unitName: published.name,
          measure,
          published: shown,
          corrected: value,
          note: `${snapshot.quarter} 通报发布后到达的数据更正了该项；原通报不变，更正在本期列示`,
        });
      };
      for (const measure of measureNames) compare(measure, published.measures[measure], current.measures[measure]);
      compare("score", published.score, current.score);
    }
  }
  return corrections;
}

/** Canonical JSON (keys sorted) and its SHA-256: the digest that names a frozen snapshot. */
export function snapshotDigest(snapshot: BulletinSnapshot): string {
  return createHash("sha256").update(canonicalJson(snapshot)).digest("hex");
}

