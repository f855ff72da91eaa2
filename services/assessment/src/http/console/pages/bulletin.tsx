/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { BulletinView } from "../../../app/bulletins.js";
import type { RankedUnit } from "../../../domain/bulletin.js";
import { quarterLabel } from "../../../domain/periods.js";
import { Chart, Layout, type PageFrame } from "../layout.js";
import { dateTime, label, percent } from "../labels.js";

const score = (value: number | null) => (value === null ? "—" : value.toFixed(2));

function UnitsTable(props: { units: RankedUnit[]; view: BulletinView }) {
  const measures = props.view.version.measures;
  return (
    <table class="bulletin" data-testid="bulletin-units">
      <thead>
        <tr>
          <th>名次</th>
          <th>单位</th>
          {measures.map((m) => (
            <th>
              {m.label}（{m.weight}）
            </th>
          ))}
          <th>得分</th>
          <th>等次</th>
        </tr>
      </thead>
      <tbody>
        {props.units.map((unit) => (
          <tr class={`grade-${unit.grade || "none"}`}>
            <td class="n">{unit.rank || "—"}</td>
            <td>{unit.name}</td>
            {measures.map((m) => (
              <td class="n">{percent(unit.measures[m.measure])}</td>
            ))}
            <td class="n">{unit.grade ? unit.score.toFixed(2) : "—"}</td>
            <td>{label("grades", unit.grade)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The bulletin's body, shared by the console page and the printable page. */
export function BulletinBody(props: { view: BulletinView; frameRegionName: (region: string) => string }) {
  const { view } = props;
  const { snapshot } = view;
  const counties = snapshot.units.filter((unit) => unit.kind === "county");
  const departments = snapshot.units.filter((unit) => unit.kind === "department");
  return (
    <div>
      <p class={view.frozen ? "frozen" : "draft"} data-testid="bulletin-status">
        {view.frozen
          ? `已发布并冻结 · ${dateTime(view.publishedAt)} · ${view.publishedBy} · 评分规则 ${snapshot.ruleVersion} · 摘要 ${view.digest.slice(0, 16)}`
          : `草稿（按当前数据计算，发布后冻结）· 评分规则 ${snapshot.ruleVersion}`}
      </p>
      {counties.length > 0 ? (
        <section>
          <h2>县（市、区）</h2>
          <UnitsTable units={counties} view={view} />
        </section>
      ) : null}
      <section>
        <h2>{props.frameRegionName(snapshot.region)}部门</h2>
        {departments.length > 0 ? <UnitsTable units={departments} view={view} /> : <p class="empty">本季度无部门办结事项。</p>}
      </section>
      <section>
        <h2>往期数据更正</h2>
        {snapshot.corrections.length === 0 ? (
          <p class="empty">无。</p>
        ) : (
          <table class="corrections" data-testid="corrections">
            <thead>
              <tr>
                <th>所属季度</th>
                <th>单位</th>
                <th>指标</th>
                <th>原通报</th>
                <th>更正为</th>
                <th>说明</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.corrections.map((correction) => (
                <tr>
                  <td>{quarterLabel(correction.quarter)}</td>
                  <td>{correction.unitName}</td>
                  <td>{label("measures", correction.measure)}</td>
                  <td class="n">{correction.measure === "score" ? score(correction.published) : percent(correction.published)}</td>
                  <td class="n">{correction.measure === "score" ? score(correction.corrected) : percent(correction.corrected)}</td>
                  <td>{correction.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p class="definitions">
        评分规则 {snapshot.ruleVersion}：
        {view.version.measures.map((m) => `${m.label} ${m.weight} 分（${m.definition}）`).join("；")}。等次：
        {view.version.grades.map((g) => `${g.label} ≥ ${g.minScore}`).join("，")}。
      </p>
    </div>
  );
}

export function BulletinPage(props: { frame: PageFrame; view: BulletinView; quarters: string[]; canPublish: boolean; publishable: boolean }) {
  const { view } = props;
  const ranked = view.snapshot.units.filter((unit) => unit.grade !== "");
  return (
    <Layout {...props.frame}>
      <nav class="tabs">
        {props.quarters.map((quarter) => (
          <a href={`/console/bulletins/${quarter}`} class={quarter === view.snapshot.quarter ? "on" : ""}>
            {quarterLabel(quarter)}
          </a>
        ))}
        <a href={`/console/bulletins/${view.snapshot.quarter}/print`} class="download">
          打印版
        </a>
        <a href={`/console/export.xlsx?quarter=${view.snapshot.quarter}`} class="download">
          下载 Excel
        </a>
      </nav>
      {props.canPublish && !view.frozen && props.publishable ? (
        <form method="post" action={`/console/bulletins/${view.snapshot.quarter}/publish`} class="publish">
          <button type="submit">发布并冻结本期通报</button>
        </form>
      ) : null}
      <BulletinBody view={view} frameRegionName={props.frame.regionName} />
      <Chart
        id="scores"
        option={{
          tooltip: { trigger: "axis" },
          xAxis: { type: "category", data: ranked.map((unit) => unit.name), axisLabel: { rotate: 30 } },
          yAxis: { type: "value", max: 100 },
          series: [{ type: "bar", data: ranked.map((unit) => unit.score), label: { show: true, position: "top" } }],
        }}
      />
    </Layout>
  );
}

/** The printable bulletin: no navigation, A4-friendly. */
export function BulletinPrint(props: { view: BulletinView; title: string; regionName: (region: string) => string }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>{props.title}</title>
        <link rel="stylesheet" href="/console/assets/fonts/400.css" />
        <link rel="stylesheet" href="/console/assets/fonts/700.css" />
        <link rel="stylesheet" href="/console/assets/console.css" />
      </head>
      <body class="print">
        <main>
          <h1 class="print-title">{props.title}</h1>
          <BulletinBody view={props.view} frameRegionName={props.regionName} />
        </main>
      </body>
    </html>
  );
}
