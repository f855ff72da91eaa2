import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { countFigures, emptyMonthFacts } from "../../domain/figures.js";
import { percent } from "./labels.js";
import { consoleWorkbook } from "./workbook.js";

describe("a region that completed nothing this month", () => {
  it("shows no on-time rate: an empty cell in the sheet and — on the page, never 0", async () => {
    const facts = emptyMonthFacts("2026-07");
    facts.casesOpened.push({ region: "610902", department: "", steward: "" });
    const regions = countFigures(facts, "region");
    const buffer = await consoleWorkbook({ month: "2026-07", regions, departments: [], stewards: [], lights: [], regionName: () => "汉滨区", departmentName: (code) => code });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("区域月统计")!;
    const column = (sheet.getRow(1).values as unknown[]).indexOf("按时办结率");
    expect(sheet.getRow(2).getCell((sheet.getRow(1).values as unknown[]).indexOf("新立案件")).value).toBe(1);
    expect(sheet.getRow(2).getCell(column).value).toBeNull();
    expect(percent(regions[0]!.onTimeRate)).toBe("—");
  });
});
