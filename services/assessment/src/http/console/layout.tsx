/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";
import type { Viewer, Visibility } from "../../domain/visibility.js";
import { label } from "./labels.js";

export interface PageFrame {
  title: string;
  viewer: Viewer;
  visibility: Visibility;
  regionName: (region: string) => string;
  /** Breadcrumbs of the drill-down (city → county → department → case), last is the page. */
  trail?: { href?: string; text: string }[];
}

/** Every console page: zh-CN, every asset from this service (no CDN: intranets have no internet). */
export function Layout(props: PageFrame & { children: Child; refreshSeconds?: number; bare?: boolean }) {
  const { viewer, visibility } = props;
  const scope = visibility.regions.length > 1 ? "全市" : props.regionName(visibility.regions[0] ?? viewer.region);
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refreshSeconds ? <meta http-equiv="refresh" content={String(props.refreshSeconds)} /> : null}
        <title>{props.title} · 项目管家运营平台</title>
        <link rel="stylesheet" href="/console/assets/fonts/400.css" />
        <link rel="stylesheet" href="/console/assets/fonts/700.css" />
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/echarts.min.js" defer></script>
        <script src="/console/assets/console.js" defer></script>
      </head>
      <body class={props.bare ? "bare" : ""}>
        {props.bare ? null : (
          <header class="top">
            <a class="brand" href="/console">项目管家 · 运营平台</a>
            <nav>
              <a href="/console">总览</a>
              <a href="/console/lights?light=red">红黄牌</a>
              <a href="/console/figures">月统计</a>
              <a href="/console/bulletins">季度考评通报</a>
              <a href="/console/referrals">作风问责</a>
              <a href="/console/wall">大屏</a>
            </nav>
            <span class="who" data-testid="viewer">
              {scope} · {label("roles", viewer.role)}
              {visibility.department ? ` · ${visibility.department}` : ""} · {viewer.subject}
            </span>
            <form method="post" action="/console/sign-out" class="sign-out">
              <button type="submit">退出</button>
            </form>
          </header>
        )}
        <main>
          {props.trail ? (
            <nav class="trail" aria-label="层级">
              {props.trail.map((step, index) => (
                <span>
                  {index > 0 ? " › " : ""}
                  {step.href ? <a href={step.href}>{step.text}</a> : step.text}
                </span>
              ))}
            </nav>
          ) : null}
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A chart drawn by console.js with ECharts from the JSON option beside it. */
export function Chart(props: { id: string; option: unknown; height?: number }) {
  return (
    <figure class="chart">
      <div id={props.id} class="echart" style={`height:${props.height ?? 280}px`} data-chart={props.id}></div>
      <script type="application/json" id={`${props.id}-option`} dangerouslySetInnerHTML={{ __html: JSON.stringify(props.option).replace(/</g, "\\u003c") }}></script>
    </figure>
  );
}

export function MonthPicker(props: { action: string; month: string; extra?: Record<string, string> }) {
  return (
    <form method="get" action={props.action} class="picker">
      <label>
        月份 <input type="month" name="month" value={props.month} />
      </label>
      {Object.entries(props.extra ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit">查看</button>
    </form>
  );
}
