/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Referral } from "../../../db/referrals.js";
import { referralOutcomes } from "../../../domain/referral.js";
import { Layout, type PageFrame } from "../layout.js";
import { dateTime, label } from "../labels.js";

export function ReferralsPage(props: {
  frame: PageFrame;
  referrals: Referral[];
  complaints: { region: string; complaintId: string; projectName: string; title: string; responsibleDepartment: string }[];
  canRefer: boolean;
  canAdminister: boolean;
  departmentName: (code: string) => string;
  error?: string;
}) {
  return (
    <Layout {...props.frame}>
      {props.error ? <p class="error">{props.error}</p> : null}
      <table class="referrals" data-testid="referrals">
        <thead>
          <tr>
            <th>移交时间</th>
            <th>来源</th>
            <th>区域</th>
            <th>项目</th>
            <th>事项/部门</th>
            <th>理由</th>
            <th>台账证据</th>
            <th>进展</th>
            {props.canAdminister ? <th>记录办理结果</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.referrals.map((referral) => (
            <tr data-referral={referral.id}>
              <td>{dateTime(referral.raisedAt)}</td>
              <td>{label("referralSources", referral.source)}</td>
              <td>{props.frame.regionName(referral.caseRegion)}</td>
              <td>
                <a href={`/console/regions/${referral.caseRegion}/cases/${referral.caseId}`}>{referral.projectName || referral.caseId.slice(0, 8)}</a>
              </td>
              <td>
                {referral.itemCode} {props.departmentName(referral.departmentCode)}
              </td>
              <td>{referral.reason}</td>
              <td class={referral.ledgerIntact ? "ok" : "broken"}>
                {referral.evidence.excerpt.length} 条摘录 · {referral.ledgerIntact ? `校验通过（${referral.ledgerRows} 条）` : "校验未通过"}
              </td>
              <td>
                {label("referralStatuses", referral.status)}
                {referral.outcome ? ` · ${label("referralOutcomes", referral.outcome)}` : ""}
              </td>
              {props.canAdminister ? (
                <td>
                  {referral.status === "closed" ? null : (
                    <form method="post" action={`/console/referrals/${referral.id}`}>
                      <select name="status">
                        <option value="accepted">作风办已受理</option>
                        <option value="investigating">调查中</option>
                        <option value="closed">已办结</option>
                      </select>
                      <select name="outcome">
                        <option value="">（办结时选择）</option>
                        {referralOutcomes.map((outcome) => (
                          <option value={outcome}>{label("referralOutcomes", outcome)}</option>
                        ))}
                      </select>
                      <input name="note" placeholder="说明" />
                      <button type="submit">记录</button>
                    </form>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {props.canRefer && props.complaints.length > 0 ? (
        <section>
          <h2>办不成事反映移交作风办</h2>
          <table>
            <tbody>
              {props.complaints.map((complaint) => (
                <tr>
                  <td>{props.frame.regionName(complaint.region)}</td>
                  <td>{complaint.projectName}</td>
                  <td>{complaint.title}</td>
                  <td>{props.departmentName(complaint.responsibleDepartment)}</td>
                  <td>
                    <form method="post" action="/console/referrals">
                      <input type="hidden" name="source" value="complaint" />
                      <input type="hidden" name="caseRegion" value={complaint.region} />
                      <input type="hidden" name="complaintId" value={complaint.complaintId} />
                      <input type="hidden" name="requestId" value={`complaint:${complaint.complaintId}`} />
                      <input name="reason" placeholder="移交理由" required />
                      <button type="submit">移交作风办</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </Layout>
  );
}
