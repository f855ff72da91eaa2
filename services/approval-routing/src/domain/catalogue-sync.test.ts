import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCatalogue } from "./catalogue.js";
import { catalogueChanges } from "./catalogue-sync.js";

const seed = parseCatalogue(JSON.parse(readFileSync(new URL("../../catalogue/ankang.json", import.meta.url), "utf8")));
if (!seed.ok) throw new Error("seed catalogue invalid");
const items = seed.catalogue.items;

describe("catalogue changes from the city", () => {
  it("finds nothing when the county already matches", () => {
    expect(catalogueChanges(items, structuredClone(items))).toEqual([]);
  });

  it("takes new and changed items, prerequisites first", () => {
    const city = structuredClone(items);
    const template = city.find((item) => item.code === "QX-FLSJ")!;
    city.push({ ...template, code: "QX-FLSJ-3", prerequisites: ["QX-FLSJ-2"] }, { ...template, code: "QX-FLSJ-2", prerequisites: [] });
    city.find((item) => item.code === "SL-STBC")!.committedLimit = { value: 3, unit: "working_days" };
    expect(catalogueChanges(items, city).map((item) => item.code)).toEqual(["SL-STBC", "QX-FLSJ-2", "QX-FLSJ-3"]);
  });
});
