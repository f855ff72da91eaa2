/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Figures, Scope } from "../../../domain/figures.js";
import { Chart, Layout, MonthPicker, type PageFrame } from "../layout.js";
import { label } from "../labels.js";
import { FiguresTable } from "../tables.js";

/** The month's figures by region, department or steward, the satisfaction and complaint mixes, and the trend. */
export function FiguresPage(props: { frame: PageFrame; month: string; scope: Scope; rows: Figures[]; total: Figures; trend: Figures[]; nameOf: (figures: Figures) => string }) {
  const { total } = props;
  const pie = (id: string, title: string, counts: Record<string, number>, group: "channels" | "tiers" | "grades") => (
    <Chart
      id={id}
      height={240}
      option={{
        title: { text: title, left: "center", textStyle: { fontSize: 14 } },
        tooltip: { trigger: "item" },
        series: [{ type: "pie", radius: "60%", data: Object.entries(counts).map(([key, value]) => ({ name: group === "grades" ? `${key} 星` : label(group, key), value })) }],
      }}
    />
  );
  return (
    <Layout {...props.frame}>
      <nav class="tabs">
        {(["region", "department", "steward"] as const).map((scope) => (
          <a href={`/console/figures?month=${props.month}&scope=${scope}`} class={props.scope === scope ? "on" : ""}>
            按{label("scopes", scope)}
          </a>
        ))}
        <a href={`/console/export.xlsx?month=${props.month}`} data-testid="export" class="download">
          下载 Excel
        </a>
      </nav>
      <MonthPicker action="/console/figures" month={props.month} extra={{ scope: props.scope }} />
      <FiguresTable rows={[...props.rows, total]} nameOf={(f) => (f === total ? "合计" : props.nameOf(f))} />
      <p class="definitions">
        口径：按时办结率 =（提前 + 按时）/ 有计时的办结事项；超期分本单位原因与非本单位原因（补正、法定不计时段不计入部门）；压缩率 = 1 − 承诺（实际）工作日 / 法定工作日。
      </p>
      <section class="charts">
        {pie("complaints", "办不成事（按渠道）", total.complaintsByChannel, "channels")}
        {pie("hotline", "12345 工单（按时限等级）", total.hotlineTicketsByTier, "tiers")}
        {pie("satisfaction", `满意度分布（整改 ${total.rectificationsOpened} 件，已整改 ${total.rectificationsDone} 件）`, total.reviewsByRating, "grades")}
      </section>
      <Chart
        id="trend"
        option={{
          tooltip: { trigger: "axis" },
          legend: { data: ["提前", "按时", "超期（本单位）", "超期（非本单位）", "补正轮次"] },
          xAxis: { type: "category", data: props.trend.map((f) => f.month) },
          yAxis: { type: "value" },
          series: [
            { name: "提前", type: "bar", stack: "items", data: props.trend.map((f) => f.itemsEarly) },
            { name: "按时", type: "bar", stack: "items", data: props.trend.map((f) => f.itemsOnTime) },
            { name: "超期（本单位）", type: "bar", stack: "items", data: props.trend.map((f) => f.itemsLateInsideUnit) },
            { name: "超期（非本单位）", type: "bar", stack: "items", data: props.trend.map((f) => f.itemsLateOutsideUnit) },
            { name: "补正轮次", type: "line", data: props.trend.map((f) => f.supplementRounds) },
          ],
        }}
      />
    </Layout>
  );
}
