/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { LightRow } from "../../../app/cases.js";
import type { CaseSummary } from "../../../db/views.js";
import type { Figures } from "../../../domain/figures.js";
import { Chart, Layout, MonthPicker, type PageFrame } from "../layout.js";
import { CasesTable, FiguresTable, LightsTable } from "../tables.js";

/** A county (or the city level): its departments' month, its lights and its cases. */
export function RegionPage(props: { frame: PageFrame; region: string; month: string; departments: Figures[]; lights: LightRow[]; cases: CaseSummary[]; departmentName: (code: string) => string }) {
  const { frame, region } = props;
  const option = {
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: props.departments.map((f) => props.departmentName(f.key)) },
    yAxis: { type: "value", name: "件" },
    legend: { data: ["提前", "按时", "超期（本单位）", "超期（非本单位）"] },
    series: [
      { name: "提前", type: "bar", stack: "t", data: props.departments.map((f) => f.itemsEarly) },
      { name: "按时", type: "bar", stack: "t", data: props.departments.map((f) => f.itemsOnTime) },
      { name: "超期（本单位）", type: "bar", stack: "t", data: props.departments.map((f) => f.itemsLateInsideUnit) },
      { name: "超期（非本单位）", type: "bar", stack: "t", data: props.departments.map((f) => f.itemsLateOutsideUnit) },
    ],
  };
  return (
    <Layout {...frame}>
      <MonthPicker action={`/console/regions/${region}`} month={props.month} />
      <h2>各部门 {props.month}</h2>
      <FiguresTable
        rows={props.departments}
        testId="departments"
        nameOf={(f) => props.departmentName(f.key)}
        hrefOf={(f) => `/console/regions/${region}/departments/${f.key}?month=${props.month}`}
      />
      <Chart id="departments-chart" option={option} />
      <h2>红黄牌</h2>
      <LightsTable rows={props.lights} regionName={frame.regionName} departmentName={props.departmentName} />
      <h2>案件</h2>
      <CasesTable rows={props.cases} />
    </Layout>
  );
}

/** A department of a region: its items on the lists and the cases it has items in. */
export function DepartmentPage(props: { frame: PageFrame; lights: LightRow[]; cases: CaseSummary[]; figures?: Figures; departmentName: (code: string) => string; month: string }) {
  return (
    <Layout {...props.frame}>
      {props.figures ? <FiguresTable rows={[props.figures]} nameOf={(f) => props.departmentName(f.key)} /> : <p class="empty">{props.month} 无统计。</p>}
      <h2>红黄牌</h2>
      <LightsTable rows={props.lights} regionName={props.frame.regionName} departmentName={props.departmentName} />
      <h2>有本部门事项的案件</h2>
      <CasesTable rows={props.cases} />
    </Layout>
  );
}
