import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCatalogue } from "./catalogue.js";

const seed = JSON.parse(readFileSync(new URL("../../catalogue/ankang.json", import.meta.url), "utf8"));

describe("catalogue", () => {
  it("accepts the seed catalogue", () => {
    expect(parseCatalogue(seed).ok).toBe(true);
  });

  it("refuses an item of an unknown department, naming the item", () => {
    const broken = structuredClone(seed);
    broken.items[1].department = "nowhere";
    const result = parseCatalogue(broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([`item ${seed.items[1].code}: unknown department nowhere`]);
  });

  it("refuses an item listed twice", () => {
    const broken = structuredClone(seed);
    broken.items.push(broken.items[0]);
    const result = parseCatalogue(broken);
    expect(!result.ok && result.problems).toEqual([`item ${seed.items[0].code}: listed twice`]);
  });
});
