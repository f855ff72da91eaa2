/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { LightRow } from "../../app/cases.js";
import type { CaseSummary } from "../../db/views.js";
import type { Figures } from "../../domain/figures.js";
import { date, label, percent } from "./labels.js";

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);

/** The monthly figures of several units, one row each, with the definitions' columns. */
export function FiguresTable(props: { rows: Figures[]; nameOf: (figures: Figures) => string; hrefOf?: (figures: Figures) => string | undefined; testId?: string }) {
  return (
    <table class="figures" data-testid={props.testId ?? "figures"}>
      <thead>
        <tr>
          <th>单位</th>
          <th>新立案件</th>
          <th>办结案件</th>
          <th>办结事项</th>
          <th>提前</th>
          <th>按时</th>
          <th>超期（本单位）</th>
          <th>超期（非本单位）</th>
          <th>按时办结率</th>
          <th>法定/承诺/实际工作日</th>
          <th>承诺压缩率</th>
          <th>实际压缩率</th>
          <th>容缺</th>
          <th>告知承诺</th>
          <th>视为受理</th>
          <th>补正轮次</th>
          <th>再次补正</th>
          <th>重新打开</th>
          <th>联席会议 提交/解决</th>
          <th>办不成事</th>
          <th>12345</th>
          <th>红/黄牌</th>
          <th>审后核查 红/黄牌</th>
          <th>承诺不实限制</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((f) => {
          const href = props.hrefOf?.(f);
          return (
            <tr data-unit={f.key}>
              <td>{href ? <a href={href}>{props.nameOf(f)}</a> : props.nameOf(f)}</td>
              <td class="n">{f.casesOpened}</td>
              <td class="n">{f.casesCompleted}</td>
              <td class="n">{f.itemsCompleted}</td>
              <td class="n">{f.itemsEarly}</td>
              <td class="n">{f.itemsOnTime}</td>
              <td class="n">{f.itemsLateInsideUnit}</td>
              <td class="n">{f.itemsLateOutsideUnit}</td>
              <td class="n">{percent(f.onTimeRate)}</td>
              <td class="n">
                {f.statutoryWorkingDays}/{f.committedWorkingDays}/{f.actualWorkingDays}
              </td>
              <td class="n">{percent(f.committedCompressionRate)}</td>
              <td class="n">{percent(f.actualCompressionRate)}</td>
              <td class="n">{f.tolerantAcceptances}</td>
              <td class="n">{f.commitmentAcceptances}</td>
              <td class="n">{f.deemedAcceptances}</td>
              <td class="n">{f.supplementRounds}</td>
              <td class="n">{f.followUpSupplementRounds}</td>
              <td class="n">{f.casesReopened}</td>
              <td class="n">
                {f.escalationsRaised}/{f.escalationsResolved}
              </td>
              <td class="n">{sum(f.complaintsByChannel)}</td>
              <td class="n">{sum(f.hotlineTicketsByTier)}</td>
              <td class="n">
                {f.itemsOverdue}/{f.itemsWarned}
              </td>
              <td class="n">
                {f.verificationOverdue}/{f.verificationWarned}
              </td>
              <td class="n">{f.enterprisesBarred}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The red and yellow lists: how late, and who owes the next step. */
export function LightsTable(props: { rows: LightRow[]; regionName: (region: string) => string; departmentName: (code: string) => string }) {
  if (props.rows.length === 0) return <p class="empty">没有临期或超期的事项。</p>;
  return (
    <table class="lights" data-testid="lights">
      <thead>
        <tr>
          <th>灯</th>
          <th>区域</th>
          <th>项目</th>
          <th>事项</th>
          <th>部门</th>
          <th>状态</th>
          <th>承诺办结日</th>
          <th>超期/剩余</th>
          <th>下一步由谁办</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr class={row.light} data-item={row.itemId}>
            <td>
              <span class={`light ${row.light}`}>{label("lights", row.light)}</span>
            </td>
            <td>{props.regionName(row.region)}</td>
            <td>
              <a href={`/console/regions/${row.region}/cases/${row.caseId}`}>{row.projectName || row.caseId.slice(0, 8)}</a>
            </td>
            <td>{row.itemCode}</td>
            <td>{props.departmentName(row.departmentCode)}</td>
            <td>{label("states", row.state)}</td>
            <td>{row.committedDueOn}</td>
            <td class="n">{row.daysLate >= 0 ? `超期 ${row.daysLate} 个工作日` : `剩余 ${-row.daysLate} 个工作日`}</td>
            <td>{label("owners", row.owner)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CasesTable(props: { rows: CaseSummary[] }) {
  if (props.rows.length === 0) return <p class="empty">暂无案件。</p>;
  return (
    <table class="cases" data-testid="cases">
      <thead>
        <tr>
          <th>项目</th>
          <th>立案日期</th>
          <th>办结日期</th>
          <th>事项</th>
          <th>在办</th>
          <th>超期</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <td>
              <a href={`/console/regions/${row.region}/cases/${row.caseId}`}>{row.projectName || row.caseId.slice(0, 8)}</a>
            </td>
            <td>{date(row.openedAt)}</td>
            <td>{date(row.completedAt)}</td>
            <td class="n">{row.items}</td>
            <td class="n">{row.openItems}</td>
            <td class={row.overdueItems > 0 ? "n red-text" : "n"}>{row.overdueItems}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
