import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rankUnits, type BulletinSubject } from "./bulletin.js";
import { countFigures, emptyFigures, emptyMonthFacts, type Figures } from "./figures.js";
import { ruleVersionFor, scoringRulesSchema } from "./scoring.js";

const rules = scoringRulesSchema.parse(JSON.parse(readFileSync(new URL("../../rules/scoring.json", import.meta.url), "utf8")));
const version = ruleVersionFor(rules, "2026-Q3")!;

const county = (key: string, figures: Partial<Figures>): BulletinSubject => ({ kind: "county", key, name: key, figures: { ...emptyFigures("region", key, key, "2026-07"), ...figures } });

describe("a unit with nothing completed", () => {
  it("has no on-time or compression rate in its monthly figures (not 0 %)", () => {
    const facts = emptyMonthFacts("2026-07");
    facts.casesOpened.push({ region: "610902", department: "", steward: "" });
    const [figures] = countFigures(facts, "region");
    expect(figures!.casesOpened).toBe(1);
    expect(figures!.onTimeRate).toBeNull();
    expect(figures!.actualCompressionRate).toBeNull();
  });

  it("is listed in the bulletin with no figures, no score, no grade and no rank; the others rank without it", () => {
    const units = rankUnits(version, [
      county("610902", {}),
      county("610921", { itemsCompleted: 2, itemsOnTime: 1, itemsEarly: 1, statutoryWorkingDays: 40, actualWorkingDays: 10 }),
      county("610922", { itemsCompleted: 1, itemsWithoutClock: 1 }),
    ]);
    expect(units.map((unit) => [unit.key, unit.rank, unit.grade])).toEqual([
      ["610921", 1, "excellent"],
      ["610902", 0, ""],
      ["610922", 0, ""],
    ]);
    const idle = units.find((unit) => unit.key === "610902")!;
    expect(Object.values(idle.measures)).toEqual([null, null, null, null, null]);
    // Decided only elsewhere (no clock): nothing to time, so not assessable either.
    expect(units.find((unit) => unit.key === "610922")!.measures.unit_on_time_rate).toBeNull();
  });

  it("a measure with nothing to measure shows no figure but scores as the rule says (full for no complaint)", () => {
    const [ranked] = rankUnits(version, [county("610921", { itemsCompleted: 1, itemsOnTime: 1, statutoryWorkingDays: 20, actualWorkingDays: 20 })]);
    expect(ranked!.measures.complaint_reply_on_time_rate).toBeNull();
    expect(ranked!.measures.compression_rate).toBe(0);
    // 40 on time + 0 compression + 15 + 20 + 10 scored in full for having none.
    expect(ranked!.score).toBe(85);
    expect(ranked!.grade).toBe("good");
  });
});
