/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { LightRow } from "../../../app/cases.js";
import type { Figures } from "../../../domain/figures.js";
import { Chart, Layout, type PageFrame } from "../layout.js";
import { dateTime, percent } from "../labels.js";

/** The wall screen of the operations room: big figures, the red list, and a reload every few seconds. */
export function WallPage(props: { frame: PageFrame; month: string; regions: Figures[]; total: Figures; lights: LightRow[]; refreshSeconds: number; at: Date }) {
  const red = props.lights.filter((row) => row.light === "red");
  return (
    <Layout {...props.frame} bare refreshSeconds={props.refreshSeconds}>
      <section class="wall-tiles">
        <div class="tile">
          <strong>{props.total.casesOpened}</strong>本月新立案件
        </div>
        <div class="tile">
          <strong>{props.total.itemsCompleted}</strong>本月办结事项
        </div>
        <div class="tile">
          <strong>{percent(props.total.onTimeRate)}</strong>按时办结率
        </div>
        <div class="tile red">
          <strong data-testid="wall-red">{red.length}</strong>红牌
        </div>
        <div class="tile yellow">
          <strong>{props.lights.length - red.length}</strong>黄牌
        </div>
      </section>
      <Chart
        id="wall-regions"
        height={320}
        option={{
          tooltip: { trigger: "axis" },
          xAxis: { type: "category", data: props.regions.map((f) => props.frame.regionName(f.key)), axisLabel: { rotate: 30 } },
          yAxis: { type: "value" },
          series: [
            { name: "办结事项", type: "bar", data: props.regions.map((f) => f.itemsCompleted) },
            { name: "红牌", type: "bar", data: props.regions.map((f) => props.lights.filter((row) => row.region === f.key && row.light === "red").length) },
          ],
        }}
      />
      <ol class="wall-red">
        {red.slice(0, 10).map((row) => (
          <li>
            {props.frame.regionName(row.region)} · {row.projectName} · {row.itemCode} · 超期 {row.daysLate} 个工作日
          </li>
        ))}
      </ol>
      <p class="stamp" data-testid="wall-stamp">
        更新于 {dateTime(props.at)}，每 {props.refreshSeconds} 秒自动刷新
      </p>
    </Layout>
  );
}
