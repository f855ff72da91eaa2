/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { routingV1 } from "@steward/proto";
import type { CaseView } from "../../../app/cases.js";
import { Layout, type PageFrame } from "../layout.js";
import { dateTime, label } from "../labels.js";

const stateName = (state: routingV1.ItemState) => routingV1.itemStateToJSON(state).replace(/^ITEM_STATE_/, "").toLowerCase();
const modeName = (mode: routingV1.ProcessingMode) => routingV1.processingModeToJSON(mode).replace(/^PROCESSING_MODE_/, "").toLowerCase();

/** A case: its items and clocks (routing's), plan vs actual, its ledger and the ledger's verification. */
export function CasePage(props: { frame: PageFrame; view: CaseView; departmentName: (code: string) => string; canRefer: boolean }) {
  const { view } = props;
  const kase = view.kase;
  const planOf = (itemId: string) => view.plan.find((item) => item.itemId === itemId);
  const verification = view.verification;
  return (
    <Layout {...props.frame}>
      <p class="meta">
        案件 {kase.id} · 计划第 {kase.planVersion} 版 · {kase.status === routingV1.CaseStatus.CASE_STATUS_COMPLETED ? "已办结" : "在办"} · 立案 {dateTime(kase.createdAt)}
        {kase.forecastConstructionStart?.dueOn ? ` · 预计准建 ${kase.forecastConstructionStart.dueOn}` : ""}
        {kase.forecastOperation?.dueOn ? ` · 预计准营 ${kase.forecastOperation.dueOn}` : ""}
      </p>
      <h2>事项与计时</h2>
      <table class="items" data-testid="items">
        <thead>
          <tr>
            <th>事项</th>
            <th>部门</th>
            <th>状态</th>
            <th>办理方式</th>
            <th>法定时限至</th>
            <th>承诺时限至</th>
            <th>已用工作日</th>
            <th>计划目标日</th>
            <th>实际办结日</th>
            <th>灯</th>
            {props.canRefer ? <th>作风问责</th> : null}
          </tr>
        </thead>
        <tbody>
          {kase.items.map((item) => {
            const plan = planOf(item.id);
            const red = Boolean(item.clock?.overdueAt) && !["approved", "rejected", "cancelled", "revoked"].includes(stateName(item.state));
            const yellow = !red && Boolean(item.clock?.warnedAt) && !["approved", "rejected", "cancelled", "revoked"].includes(stateName(item.state));
            return (
              <tr class={red ? "red" : yellow ? "yellow" : ""} data-item={item.id}>
                <td>
                  {item.itemName || item.itemCode}
                  <small> {item.itemCode}</small>
                </td>
                <td>{props.departmentName(item.departmentCode)}</td>
                <td>{label("states", stateName(item.state))}</td>
                <td>{label("modes", modeName(item.mode))}</td>
                <td>
                  {item.clock?.statutory?.dueOn ?? ""}
                  {item.clock?.statutory?.provisional ? "（暂定）" : ""}
                </td>
                <td>
                  {item.clock?.committed?.dueOn ?? ""}
                  {item.clock?.committed?.provisional ? "（暂定）" : ""}
                </td>
                <td class="n">
                  {item.clock?.elapsedWorkingDays ?? 0}
                  {item.clock?.paused ? "（计时暂停）" : ""}
                </td>
                <td>{plan?.targetDate ?? ""}</td>
                <td>{plan?.decidedOn ?? ""}</td>
                <td>{red ? <span class="light red">红牌</span> : yellow ? <span class="light yellow">黄牌</span> : ""}</td>
                {props.canRefer ? (
                  <td>
                    {red ? (
                      <form method="post" action="/console/referrals">
                        <input type="hidden" name="source" value="overdue_item" />
                        <input type="hidden" name="caseRegion" value={view.region} />
                        <input type="hidden" name="caseId" value={kase.id} />
                        <input type="hidden" name="itemId" value={item.id} />
                        <input type="hidden" name="requestId" value={`overdue:${item.id}`} />
                        <input name="reason" placeholder="移交理由" required />
                        <button type="submit">移交作风办</button>
                      </form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>服务台账</h2>
      <p class={verification.intact ? "verified ok" : "verified broken"} data-testid="ledger-verification">
        {verification.intact
          ? `台账校验通过：${verification.rows} 条记录，哈希链完整`
          : `台账校验未通过：第 ${verification.firstBrokenPosition} 条记录起被改动（${verification.problem}）`}
      </p>
      <table class="ledger" data-testid="ledger">
        <thead>
          <tr>
            <th>#</th>
            <th>时间</th>
            <th>操作人</th>
            <th>动作</th>
            <th>状态变化</th>
            <th>说明</th>
            <th>哈希</th>
          </tr>
        </thead>
        <tbody>
          {view.ledger.map((entry) => (
            <tr>
              <td class="n">{entry.position}</td>
              <td>{dateTime(entry.recordedAt ? new Date(entry.recordedAt) : undefined)}</td>
              <td>{entry.actor}</td>
              <td>{entry.action}</td>
              <td>{entry.from || entry.to ? `${label("states", entry.from)} → ${label("states", entry.to)}` : ""}</td>
              <td>{entry.reason}</td>
              <td>
                <code title={entry.hash}>{entry.hash.slice(0, 12)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
