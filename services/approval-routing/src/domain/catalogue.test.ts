import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCatalogue, stageOrder, stages, topologicalOrder, validateItemChange, type Catalogue, type CatalogueItem } from "./catalogue.js";

const seedJson: unknown = JSON.parse(readFileSync(new URL("../../catalogue/ankang.json", import.meta.url), "utf8"));

function seed(): Catalogue {
  const parsed = parseCatalogue(seedJson);
  if (!parsed.ok) throw new Error(`seed refused: ${parsed.problems.join("; ")}`);
  return structuredClone(parsed.catalogue);
}

function item(catalogue: Catalogue, code: string): CatalogueItem {
  const found = catalogue.items.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
}

function problemsOf(input: unknown): string[] {
  const result = parseCatalogue(input);
  return result.ok ? [] : result.problems;
}

describe("the Ankang seed catalogue", () => {
  const catalogue = seed();

  it("parses, with at least 15 items across at least 8 departments and two city-level items", () => {
    expect(catalogue.items.length).toBeGreaterThanOrEqual(15);
    expect(new Set(catalogue.items.map((entry) => entry.department)).size).toBeGreaterThanOrEqual(8);
    expect(catalogue.items.filter((entry) => entry.jurisdiction === "city").length).toBeGreaterThanOrEqual(2);
    expect(new Set(catalogue.items.map((entry) => entry.stage))).toEqual(new Set(stages));
  });

  it("names at least three industry chains and two 一件事一次办 bundles", () => {
    expect(catalogue.selections.filter((selection) => selection.kind === "industry_chain").length).toBeGreaterThanOrEqual(3);
    expect(catalogue.selections.filter((selection) => selection.kind === "bundle").length).toBeGreaterThanOrEqual(2);
  });

  it("gives every item two materials or more, a source, and marks unconfirmed figures", () => {
    for (const entry of catalogue.items) {
      expect(entry.materials.length, entry.code).toBeGreaterThanOrEqual(2);
      expect(entry.source.length, entry.code).toBeGreaterThan(10);
    }
    expect(catalogue.items.some((entry) => entry.source.includes("(?)"))).toBe(true);
  });

  it("keeps the DOMAIN-FACTS limits", () => {
    expect(item(catalogue, "SL-STBC")).toMatchObject({
      statutoryLimit: { value: 10, unit: "working_days" },
      committedLimit: { value: 4, unit: "working_days" },
      excludedPeriods: ["technical_review"],
    });
    expect(item(catalogue, "STHJ-HPB")).toMatchObject({ statutoryLimit: { value: 30, unit: "calendar_days" }, committedLimit: { value: 7, unit: "working_days" } });
    expect(item(catalogue, "ZJ-SGXK").statutoryLimit).toEqual({ value: 7, unit: "calendar_days" });
    expect(item(catalogue, "ZJ-XFSJ")).toMatchObject({ statutoryLimit: { value: 15, unit: "working_days" }, excludedPeriods: ["expert_review"] });
    expect(item(catalogue, "SCJG-YYZZ").statutoryLimit).toEqual({ value: 3, unit: "working_days" });
    expect(item(catalogue, "ZRZY-BDCDJ").committedLimit).toEqual({ value: 5, unit: "working_days" });
  });

  it("orders the construction path through the stages", () => {
    const order = topologicalOrder(catalogue.items).map((entry) => entry.code);
    const path = ["ZRZY-YDYS", "ZRZY-YDGH", "ZRZY-GCGH", "ZJ-SGXK", "ZJ-XFYS", "ZJ-JGBA", "ZRZY-BDCDJ"];
    expect(path.map((code) => order.indexOf(code))).toEqual([...path.map((code) => order.indexOf(code))].sort((a, b) => a - b));
    for (const entry of catalogue.items) {
      for (const code of entry.prerequisites) expect(order.indexOf(code), `${code} before ${entry.code}`).toBeLessThan(order.indexOf(entry.code));
    }
  });
});

describe("parseCatalogue refusals", () => {
  it("refuses an item of an unknown department, naming the item", () => {
    const broken = seed();
    item(broken, "ZRZY-YDYS").department = "nowhere";
    expect(problemsOf(broken)).toEqual(["item ZRZY-YDYS: unknown department nowhere"]);
  });

  it("refuses an unknown prerequisite", () => {
    const broken = seed();
    item(broken, "ZJ-SGXK").prerequisites.push("ZJ-NOPE");
    expect(problemsOf(broken)).toEqual(["item ZJ-SGXK: unknown prerequisite ZJ-NOPE"]);
  });

  it("checks conditional prerequisites as prerequisites: known, once, not of a later stage", () => {
    const broken = seed();
    item(broken, "ZJ-SGXK").conditionalPrerequisites.push("ZJ-NOPE", "ZRZY-GCGH");
    item(broken, "ZRZY-YDGH").conditionalPrerequisites.push("ZJ-XFYS");
    expect(problemsOf(broken)).toEqual([
      "item ZRZY-YDGH: requires ZJ-XFYS of a later stage (竣工验收 after 立项用地规划许可)",
      "item ZJ-SGXK: prerequisite ZRZY-GCGH listed twice",
      "item ZJ-SGXK: unknown prerequisite ZJ-NOPE",
      // Conditional prerequisites order items too, so they may not close a cycle either.
      "item QX-FLSJ: prerequisites form a cycle QX-FLSJ -> ZRZY-YDGH -> ZJ-XFYS -> ZJ-SGXK -> QX-FLSJ",
    ]);
  });

  it("refuses a cycle, naming it from its smallest code", () => {
    const broken = seed();
    // YDYS -> YDGH -> GCGH -> YDYS (each requires the next): all of one stage to isolate the cycle.
    item(broken, "ZRZY-GCGH").stage = "立项用地规划许可";
    item(broken, "ZRZY-YDYS").prerequisites.push("ZRZY-GCGH");
    expect(problemsOf(broken)).toEqual([
      "item ZRZY-GCGH: prerequisites form a cycle ZRZY-GCGH -> ZRZY-YDGH -> ZRZY-YDYS -> ZRZY-GCGH",
    ]);
  });

  it("refuses an item requiring itself", () => {
    const broken = seed();
    item(broken, "SL-STBC").prerequisites.push("SL-STBC");
    expect(problemsOf(broken)).toEqual(["item SL-STBC: prerequisites form a cycle SL-STBC -> SL-STBC"]);
  });

  it("refuses duplicate codes of items, departments and selections", () => {
    const broken = seed();
    broken.items.push(structuredClone(broken.items[0]!));
    broken.departments.push({ code: "zj", name: "住建局" });
    broken.selections.push(structuredClone(broken.selections[0]!));
    expect(problemsOf(broken)).toEqual(["department zj: listed twice", "item FGW-BA: listed twice", "selection CHAIN-FXSP: listed twice"]);
  });

  it("refuses a selection of an unknown item", () => {
    const broken = seed();
    broken.selections[4]!.items.push("XX-1");
    expect(problemsOf(broken)).toEqual(["selection BUNDLE-QYKB: unknown item XX-1"]);
  });

  it("refuses a committed limit longer than the statutory one", () => {
    const broken = seed();
    item(broken, "ZRZY-YDGH").committedLimit = { value: 21, unit: "working_days" };
    // Working days against calendar days: 8 working days always outlast 7 days.
    item(broken, "ZJ-SGXK").committedLimit = { value: 8, unit: "working_days" };
    expect(problemsOf(broken)).toEqual([
      "item ZRZY-YDGH: committed limit 21 working_days exceeds the statutory limit 20 working_days",
      "item ZJ-SGXK: committed limit 8 working_days exceeds the statutory limit 7 calendar_days",
    ]);
  });

  it("accepts a committed limit in calendar days above a statutory count of working days (no sure comparison)", () => {
    const changed = seed();
    item(changed, "ZRZY-YDGH").committedLimit = { value: 22, unit: "calendar_days" };
    expect(problemsOf(changed)).toEqual([]);
  });

  it("refuses modes without normal, 容缺 without a non-core material or a supplement deadline, 告知承诺 without verification", () => {
    const broken = seed();
    item(broken, "ZJ-XFYS").modes = ["tolerant"];
    item(broken, "ZRZY-GHHS").supplementWorkingDays = 0;
    item(broken, "SCJG-YYZZ").verificationWorkingDays = 0;
    expect(problemsOf(broken)).toEqual([
      "item ZJ-XFYS: modes must include normal",
      "item ZJ-XFYS: tolerant mode (容缺) needs at least one non-core material",
      "item ZJ-XFYS: tolerant mode (容缺) needs supplementWorkingDays of at least 1",
      "item ZRZY-GHHS: tolerant mode (容缺) needs supplementWorkingDays of at least 1",
      "item SCJG-YYZZ: commitment mode (告知承诺) needs verificationWorkingDays of at least 1",
    ]);
  });

  it("refuses an item without core materials", () => {
    const broken = seed();
    item(broken, "GA-YZBA").materials = [{ name: "营业执照", core: false }];
    expect(problemsOf(broken)).toEqual(["item GA-YZBA: needs at least one core material"]);
  });

  it("refuses an item requiring one of a later stage", () => {
    const broken = seed();
    item(broken, "ZRZY-YDGH").prerequisites.push("ZJ-SGXK");
    expect(problemsOf(broken)).toContain("item ZRZY-YDGH: requires ZJ-SGXK of a later stage (施工许可 after 立项用地规划许可)");
  });

  it("names the item of a malformed field, and refuses unknown fields", () => {
    const broken = structuredClone(seedJson) as { items: Record<string, unknown>[] };
    broken.items[2]!.statutoryLimit = { value: -1, unit: "working_days" };
    broken.items[3]!.prerequisite = [];
    const problems = problemsOf(broken);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^item FGW-JN: statutoryLimit\.value: /);
    expect(problems[1]).toMatch(/^item ZRZY-YDYS: .*prerequisite/);
  });

  it("refuses input that is not a catalogue", () => {
    expect(problemsOf(null).length).toBeGreaterThan(0);
    expect(problemsOf({ version: "1", source: "s", departments: [], items: [], selections: [] })).toEqual([
      "departments: Too small: expected array to have >=1 items",
      "items: Too small: expected array to have >=1 items",
    ]);
  });
});

describe("validateItemChange", () => {
  const catalogue = seed();

  it("accepts a valid replacement and a valid new item", () => {
    expect(validateItemChange(catalogue, { ...item(catalogue, "ZRZY-YDGH"), committedLimit: { value: 8, unit: "working_days" } })).toEqual([]);
    expect(validateItemChange(catalogue, { ...item(catalogue, "ZRZY-YDGH"), code: "ZRZY-NEW", prerequisites: ["ZRZY-YDGH"] })).toEqual([]);
  });

  it("refuses the same problems as a whole catalogue", () => {
    expect(validateItemChange(catalogue, { ...item(catalogue, "ZJ-SGXK"), prerequisites: ["ZJ-NOPE"] })).toEqual(["item ZJ-SGXK: unknown prerequisite ZJ-NOPE"]);
    expect(validateItemChange(catalogue, { ...item(catalogue, "ZRZY-YDYS"), department: "nowhere" })).toEqual(["item ZRZY-YDYS: unknown department nowhere"]);
    // FGW-BA becoming dependent on YDYS, which requires it.
    expect(validateItemChange(catalogue, { ...item(catalogue, "FGW-BA"), prerequisites: ["ZRZY-YDYS"] })).toEqual([
      "item FGW-BA: prerequisites form a cycle FGW-BA -> ZRZY-YDYS -> FGW-BA",
    ]);
  });

  it("names the dependents a stage change breaks", () => {
    expect(validateItemChange(catalogue, { ...item(catalogue, "SCJG-YYZZ"), stage: "竣工验收" })).toEqual([]);
    expect(validateItemChange(catalogue, { ...item(catalogue, "ZJ-JGBA"), stage: "准营" })).toEqual([
      "item ZRZY-BDCDJ: requires ZJ-JGBA of a later stage (准营 after 竣工验收)",
    ]);
  });

  it("checks the shape of an item that did not come through the parser", () => {
    const malformed = { ...item(catalogue, "ZRZY-YDGH"), modes: ["sometimes"] } as unknown as CatalogueItem;
    expect(validateItemChange(catalogue, malformed)).toEqual([expect.stringMatching(/^item ZRZY-YDGH: modes\.0: /)]);
  });
});

describe("prerequisite graphs", () => {
  /** n items of one stage; item i may require items of smaller index only, so the graph is a DAG. */
  const dag = fc.integer({ min: 1, max: 30 }).chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }).map((pairs) => pairs.filter(([a, b]) => a !== b).map(([a, b]) => [Math.max(a, b), Math.min(a, b)] as const)),
    ),
  );

  function catalogueOf(n: number, edges: readonly (readonly [number, number])[]): Catalogue {
    const base = seed();
    const template = item(base, "ZRZY-YDGH");
    const code = (i: number) => `N${i}`;
    const items = Array.from({ length: n }, (_, i) => ({
      ...structuredClone(template),
      code: code(i),
      prerequisites: [...new Set(edges.filter(([from]) => from === i).map(([, to]) => code(to)))],
    }));
    return { ...base, items, selections: [] };
  }

  /** True when the message's path is a cycle of the graph: each step an edge, ending where it starts. */
  function isCycleOf(catalogue: Catalogue, path: string[]): boolean {
    const requires = new Map(catalogue.items.map((entry) => [entry.code, new Set(entry.prerequisites)]));
    return path.length >= 2 && path[0] === path[path.length - 1] && path.slice(1).every((to, i) => requires.get(path[i]!)?.has(to) === true);
  }

  it("accepts every DAG and orders it topologically", () => {
    fc.assert(
      fc.property(dag, ([n, edges]) => {
        const catalogue = catalogueOf(n, edges);
        expect(problemsOf(catalogue)).toEqual([]);
        const order = topologicalOrder(catalogue.items).map((entry) => entry.code);
        for (const [from, to] of edges) expect(order.indexOf(`N${to}`)).toBeLessThan(order.indexOf(`N${from}`));
      }),
    );
  });

  it("refuses a DAG with a back edge, naming an item on the cycle", () => {
    const withBackEdge = dag
      .filter(([, edges]) => edges.length > 0)
      .chain(([n, edges]) => fc.tuple(fc.constant(n), fc.constant(edges), fc.nat(edges.length - 1), fc.nat(n - 1)));
    fc.assert(
      fc.property(withBackEdge, ([n, edges, pick, hops]) => {
        // Walk down from the picked edge's target along prerequisites, then point the end back at
        // the picked edge's source: a cycle of one or more steps.
        const [from] = edges[pick]!;
        let end = edges[pick]![1];
        for (let step = 0; step < hops; step++) {
          const next = edges.find(([a]) => a === end);
          if (!next) break;
          end = next[1];
        }
        const catalogue = catalogueOf(n, [...edges, [end, from]]);
        const problems = problemsOf(catalogue);
        expect(problems.length).toBeGreaterThan(0);
        for (const problem of problems) {
          const match = /^item (N\d+): prerequisites form a cycle (.+)$/.exec(problem);
          expect(match, problem).not.toBeNull();
          const path = match![2]!.split(" -> ");
          expect(path[0]).toBe(match![1]);
          expect(isCycleOf(catalogue, path), problem).toBe(true);
        }
        expect(() => topologicalOrder(catalogue.items)).toThrow(/prerequisites form a cycle/);
      }),
    );
  });

  it("orders by prerequisites, ignoring those outside the items given", () => {
    const items = [
      { code: "C", prerequisites: ["B", "OUTSIDE"] },
      { code: "A", prerequisites: [] },
      { code: "B", prerequisites: ["A"] },
    ];
    expect(topologicalOrder(items).map((entry) => entry.code)).toEqual(["A", "B", "C"]);
  });

  it("numbers the stages in the order of the reform", () => {
    expect(stages.map((stage) => stageOrder[stage])).toEqual([0, 1, 2, 3, 4]);
    expect(stageOrder["立项用地规划许可"]).toBeLessThan(stageOrder["准营"]);
  });
});
