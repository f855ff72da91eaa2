/**
 * The approval routing path under load: each iteration submits a plan as the steward, then drives
 * every item of the case through the department gateway as the item's department (optionally
 * listing assignments first, accept, decide), and records plan-to-completion.
 *
 *   eval "$(node --import tsx load-tests/driver/k6-env.ts --region hanbin)"
 *   k6 run -e PROFILE=average -e ROUTING_ADDRESS=127.0.0.1:9102 load-tests/scenarios/approval-routing.ts
 *
 * Scenarios, thresholds, request mix and payloads come from lib/profiles.ts, which the local
 * driver reads too. Do not pass --vus or --duration: they replace the scripted scenarios.
 */
import { check } from "k6";
import { Trend } from "k6/metrics";
import type { Options } from "k6/options";
import { acceptPayload, checkNames, decidePayload, decisionOrder, itemStates, listAssignmentsPayload, metricNames, planPayload, profileFor, roll, type ItemView } from "../lib/profiles.ts";
import { acceptItem, connectOnce, decideItem, listAssignments, submitPlan, tokensFromEnv } from "../lib/routing.ts";
import grpc from "k6/net/grpc";

const profile = profileFor(__ENV.PROFILE);
export const options: Options = { ...profile.options, tags: { profile: profile.name } };

const address = __ENV.ROUTING_ADDRESS || "127.0.0.1:9102";
const tokens = tokensFromEnv();
const planToCompletion = new Trend(metricNames.planToCompletion, true);

interface CaseMessage {
  case?: { id?: string; items?: { id?: string; itemCode?: string; departmentCode?: string; prerequisites?: string[] }[] };
}
interface ItemMessage {
  item?: { state?: string };
}

const stateOf = (response: grpc.Response) => (response.message as ItemMessage | null)?.item?.state;

export default function (): void {
  connectOnce(address);
  const started = Date.now();
  const plan = planPayload(profile.mix);
  const submitted = submitPlan(plan, tokens.steward);
  const items: ItemView[] = ((submitted.message as CaseMessage | null)?.case?.items ?? []).map((item) => ({
    id: item.id ?? "",
    itemCode: item.itemCode ?? "",
    departmentCode: item.departmentCode ?? "",
    prerequisites: item.prerequisites ?? [],
  }));
  const opened = check(submitted, { [checkNames.submitted]: (r) => r.status === grpc.StatusOK && items.length === plan.items.length });
  if (!opened) return;

  for (const item of decisionOrder(items)) {
    const token = tokens.departments[item.departmentCode];
    if (!token) throw new Error(`no token for department ${item.departmentCode} in STEWARD_DEPARTMENT_TOKENS`);
    if (roll(profile.mix.listAssignmentsShare)) {
      check(listAssignments(listAssignmentsPayload(profile.mix), token), { [checkNames.listed]: (r) => r.status === grpc.StatusOK });
    }
    const accepted = acceptItem(acceptPayload(item.id), token);
    if (!check(accepted, { [checkNames.accepted]: (r) => r.status === grpc.StatusOK && stateOf(r) === itemStates.inReview })) return;
    const decided = decideItem(decidePayload(item.id), token);
    if (!check(decided, { [checkNames.decided]: (r) => r.status === grpc.StatusOK && stateOf(r) === itemStates.approved })) return;
  }
  planToCompletion.add(Date.now() - started);
}
