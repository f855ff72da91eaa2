import ExcelJS from "exceljs";
import type { BulletinView } from "../../app/bulletins.js";
import type { LightRow } from "../../app/cases.js";
import type { Figures } from "../../domain/figures.js";
import { label } from "./labels.js";

type Column = { header: string; key: string; width?: number; percent?: boolean };

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);

const figureColumns: Column[] = [
  { header: "单位", key: "unit", width: 18 },
  { header: "月份", key: "month", width: 9 },
  { header: "新立案件", key: "casesOpened" },
  { header: "办结案件", key: "casesCompleted" },
  { header: "办结事项", key: "itemsCompleted" },
  { header: "提前办结", key: "itemsEarly" },
  { header: "按时办结", key: "itemsOnTime" },
  { header: "超期（本单位原因）", key: "itemsLateInsideUnit" },
  { header: "超期（非本单位原因）", key: "itemsLateOutsideUnit" },
  { header: "无计时办结", key: "itemsWithoutClock" },
  { header: "按时办结率", key: "onTimeRate", percent: true },
  { header: "法定工作日", key: "statutoryWorkingDays" },
  { header: "承诺工作日", key: "committedWorkingDays" },
  { header: "实际工作日", key: "actualWorkingDays" },
  { header: "承诺压缩率", key: "committedCompressionRate", percent: true },
  { header: "实际压缩率", key: "actualCompressionRate", percent: true },
  { header: "容缺受理", key: "tolerantAcceptances" },
  { header: "告知承诺", key: "commitmentAcceptances" },
  { header: "补正轮次", key: "supplementRounds" },
  { header: "补正事项", key: "itemsWithSupplement" },
  { header: "再次补正轮次", key: "followUpSupplementRounds" },
  { header: "视为受理", key: "deemedAcceptances" },
  { header: "重新打开案件", key: "casesReopened" },
  { header: "提交联席会议", key: "escalationsRaised" },
  { header: "联席会议解决", key: "escalationsResolved" },
  { header: "办不成事反映", key: "complaints" },
  { header: "办不成事已答复", key: "complaintsAnswered" },
  { header: "办不成事按时答复", key: "complaintsAnsweredOnTime" },
  { header: "12345工单", key: "hotlineTickets" },
  { header: "12345按时答复", key: "hotlineTicketsAnsweredOnTime" },
  { header: "评价数", key: "reviews" },
  { header: "整改", key: "rectificationsOpened" },
  { header: "已整改", key: "rectificationsDone" },
  { header: "黄牌", key: "itemsWarned" },
  { header: "红牌", key: "itemsOverdue" },
  { header: "审后核查黄牌", key: "verificationWarned" },
  { header: "审后核查红牌", key: "verificationOverdue" },
  { header: "承诺不实限制", key: "enterprisesBarred" },
];

function sheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, unknown>[]): void {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width ?? Math.max(10, column.header.length * 2 + 2), ...(column.percent ? { style: { numFmt: "0.0%" } } : {}) }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of rows) worksheet.addRow(row);
}

const figureRow = (figures: Figures, unit: string) => ({
  ...figures,
  unit,
  complaints: sum(figures.complaintsByChannel),
  hotlineTickets: sum(figures.hotlineTicketsByTier),
  reviews: sum(figures.reviewsByRating),
});

export interface WorkbookContent {
  month: string;
  regions: Figures[];
  departments: Figures[];
  stewards: Figures[];
  lights: LightRow[];
  bulletin?: BulletinView;
  regionName: (region: string) => string;
  departmentName: (code: string) => string;
}

/**
 * The month as an Excel workbook: one sheet per table, zh-CN headers, every figure a number
 * (rates as numbers formatted as percentages, never text), so the office can sum and chart them.
 */
export async function consoleWorkbook(content: WorkbookContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "项目管家运营平台";
  sheet(workbook, "区域月统计", figureColumns, content.regions.map((f) => figureRow(f, content.regionName(f.key))));
  sheet(
    workbook,
    "部门月统计",
    [{ header: "区域", key: "regionName", width: 14 }, ...figureColumns],
    content.departments.map((f) => ({ ...figureRow(f, content.departmentName(f.key)), regionName: content.regionName(f.region) })),
  );
  sheet(
    workbook,
    "项目管家月统计",
    [{ header: "区域", key: "regionName", width: 14 }, ...figureColumns],
    content.stewards.map((f) => ({ ...figureRow(f, f.key), regionName: content.regionName(f.region) })),
  );
  sheet(
    workbook,
    "红黄牌",
    [
      { header: "灯", key: "light", width: 12 },
      { header: "区域", key: "region", width: 14 },
      { header: "项目", key: "project", width: 24 },
      { header: "事项", key: "itemCode", width: 14 },
      { header: "部门", key: "department", width: 14 },
      { header: "状态", key: "state", width: 14 },
      { header: "承诺办结日", key: "committedDueOn", width: 12 },
      { header: "超期工作日", key: "daysLate" },
      { header: "下一步由谁办", key: "owner", width: 22 },
    ],
    content.lights.map((row) => ({
      light: label("lights", row.light),
      region: content.regionName(row.region),
      project: row.projectName,
      itemCode: row.itemCode,
      department: content.departmentName(row.departmentCode),
      state: label("states", row.state),
      committedDueOn: row.committedDueOn,
      daysLate: row.daysLate,
      owner: label("owners", row.owner),
    })),
  );
  if (content.bulletin) {
    const version = content.bulletin.version;
    sheet(
      workbook,
      "季度考评通报",
      [
        { header: "季度", key: "quarter" },
        { header: "类别", key: "kind", width: 14 },
        { header: "名次", key: "rank" },
        { header: "单位", key: "name", width: 18 },
        ...version.measures.map((m): Column => ({ header: m.label, key: m.measure, percent: true })),
        { header: "得分", key: "score" },
        { header: "等次", key: "grade", width: 12 },
        { header: "状态", key: "status", width: 16 },
        { header: "评分规则", key: "ruleVersion" },
      ],
      content.bulletin.snapshot.units.map((unit) => ({
        quarter: content.bulletin!.snapshot.quarter,
        kind: label("unitKinds", unit.kind),
        rank: unit.rank || null,
        name: unit.name,
        ...unit.measures,
        score: unit.grade ? unit.score : null,
        grade: label("grades", unit.grade),
        status: content.bulletin!.frozen ? "已发布（冻结）" : "草稿",
        ruleVersion: content.bulletin!.snapshot.ruleVersion,
      })),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
