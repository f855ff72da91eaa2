/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { LightRow } from "../../../app/cases.js";
import type { Figures } from "../../../domain/figures.js";
import { Chart, Layout, MonthPicker, type PageFrame } from "../layout.js";
import { percent } from "../labels.js";
import { FiguresTable } from "../tables.js";

/** The first page: every visible region's month, its lights, and the trend of the last months. */
export function OverviewPage(props: { frame: PageFrame; month: string; regions: Figures[]; total?: Figures; lights: LightRow[]; trend: Figures[] }) {
  const { frame } = props;
  const red = props.lights.filter((row) => row.light === "red").length;
  const yellow = props.lights.length - red;
  const trendOption = {
    tooltip: { trigger: "axis" },
    legend: { data: ["办结事项", "按时办结率"] },
    xAxis: { type: "category", data: props.trend.map((f) => f.month) },
    yAxis: [{ type: "value", name: "件" }, { type: "value", name: "%", max: 100 }],
    series: [
      { name: "办结事项", type: "bar", data: props.trend.map((f) => f.itemsCompleted) },
      { name: "按时办结率", type: "line", yAxisIndex: 1, data: props.trend.map((f) => (f.onTimeRate === null ? null : Math.round(f.onTimeRate * 1000) / 10)) },
    ],
  };
  const rows = props.total ? [...props.regions, props.total] : props.regions;
  return (
    <Layout {...frame}>
      <MonthPicker action="/console" month={props.month} />
      <section class="tiles">
        <a class="tile red" href="/console/lights?light=red" data-testid="red-count">
          <strong>{red}</strong> 红牌（超期）
        </a>
        <a class="tile yellow" href="/console/lights?light=yellow">
          <strong>{yellow}</strong> 黄牌（临期）
        </a>
        <div class="tile">
          <strong>{(props.total ?? props.regions[0])?.itemsCompleted ?? 0}</strong> 本月办结事项
        </div>
        <div class="tile">
          <strong>{percent((props.total ?? props.regions[0])?.onTimeRate)}</strong> 按时办结率
        </div>
      </section>
      <h2>各区域 {props.month}</h2>
      <FiguresTable
        rows={rows}
        testId="regions"
        nameOf={(f) => (f.key === "total" ? "合计" : frame.regionName(f.key))}
        hrefOf={(f) => (f.key === "total" ? undefined : `/console/regions/${f.key}?month=${props.month}`)}
      />
      <h2>近六个月趋势</h2>
      <Chart id="trend" option={trendOption} />
    </Layout>
  );
}
