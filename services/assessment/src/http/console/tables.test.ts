import { describe, expect, it } from "vitest";
import { countFigures, emptyMonthFacts } from "../../domain/figures.js";
import { FiguresTable } from "./tables.js";

/** The page's table as header → cell text of the first row. */
async function firstRow(html: string): Promise<Map<string, string>> {
  const text = (cell: string) => cell.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();
  const headers = [...html.matchAll(/<th>([\s\S]*?)<\/th>/g)].map((match) => text(match[1]!));
  const row = html.split("<tbody>")[1]!.split("</tr>")[0]!;
  const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((match) => text(match[1]!));
  expect(cells).toHaveLength(headers.length);
  return new Map(headers.map((header, index) => [header, cells[index]!]));
}

describe("the console's monthly figures table", () => {
  it("shows the counts the rules added — deemed acceptances, follow-up 补正, reopened cases, 审后核查 lights, bars — under their headings", async () => {
    const facts = emptyMonthFacts("2026-07");
    const unit = { region: "610902", department: "zrzy", steward: "steward-1" };
    facts.acceptances.push({ ...unit, mode: "normal", deemed: true }, { ...unit, mode: "normal", deemed: true }, { ...unit, mode: "normal", deemed: false });
    facts.supplements.push({ ...unit, itemId: "a", followUp: false }, { ...unit, itemId: "a", followUp: true });
    facts.casesReopened.push(unit);
    facts.verificationWarned.push(unit, unit, unit);
    facts.verificationOverdue.push(unit);
    facts.barsRaised.push(unit);
    const [figures] = countFigures(facts, "region");
    const html = String(await FiguresTable({ rows: [figures!], nameOf: () => "汉滨区" }).toString());
    const row = await firstRow(html);
    expect(row.get("视为受理")).toBe("2");
    expect(row.get("补正轮次")).toBe("2");
    expect(row.get("再次补正")).toBe("1");
    expect(row.get("重新打开")).toBe("1");
    expect(row.get("审后核查 红/黄牌")).toBe("1/3");
    expect(row.get("承诺不实限制")).toBe("1");
  });
});
