/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { LightRow } from "../../../app/cases.js";
import { Layout, type PageFrame } from "../layout.js";
import { LightsTable } from "../tables.js";

export function LightsPage(props: { frame: PageFrame; light: "red" | "yellow" | "all"; rows: LightRow[]; departmentName: (code: string) => string }) {
  const shown = props.light === "all" ? props.rows : props.rows.filter((row) => row.light === props.light);
  return (
    <Layout {...props.frame}>
      <nav class="tabs">
        <a href="/console/lights?light=red" class={props.light === "red" ? "on" : ""}>
          红牌（{props.rows.filter((row) => row.light === "red").length}）
        </a>
        <a href="/console/lights?light=yellow" class={props.light === "yellow" ? "on" : ""}>
          黄牌（{props.rows.filter((row) => row.light === "yellow").length}）
        </a>
        <a href="/console/lights?light=all" class={props.light === "all" ? "on" : ""}>
          全部
        </a>
      </nav>
      <LightsTable rows={shown} regionName={props.frame.regionName} departmentName={props.departmentName} />
    </Layout>
  );
}
