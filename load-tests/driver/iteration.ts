/**
 * The driver's twin of the k6 script's default function (scenarios/approval-routing.ts): the same
 * payloads, order, checks and metrics from lib/profiles.ts, over grpc-js instead of k6/net/grpc.
 */
import { routingV1 } from "@steward/proto";
import { acceptPayload, checkNames, decidePayload, decisionOrder, itemStates, listAssignmentsPayload, metricNames, planPayload, roll, type ItemView, type Profile } from "../lib/profiles.ts";
import type { VirtualUser } from "./client.ts";
import type { Registry } from "./metrics.ts";
import type { NotificationTracker } from "./notifications.ts";

export interface Tokens {
  steward: string;
  departments: Record<string, string>;
}

export interface IterationContext {
  profile: Profile;
  tokens: Tokens;
  registry: Registry;
  /** False once the run is over: late iterations record nothing more. */
  live: () => boolean;
  notifications?: NotificationTracker;
  /** Receives the id of every item whose DecideItem the server acknowledged (OK). */
  acknowledged?: (itemId: string) => void;
}

const stateName = (item: routingV1.CaseItem | undefined) => (item ? routingV1.itemStateToJSON(item.state) : undefined);

export async function approvalRoutingIteration(vu: VirtualUser, ctx: IterationContext): Promise<void> {
  const { profile, tokens, registry } = ctx;
  const check = (name: string, passed: boolean) => (ctx.live() ? registry.check(metricNames.checks, name, passed) : passed);
  const started = performance.now();
  const plan = planPayload(profile.mix);
  const submitted = await vu.call("submitPlan", routingV1.SubmitPlanRequest.fromJSON(plan), tokens.steward);
  const kase = submitted.ok ? submitted.response.case : undefined;
  const items: ItemView[] = (kase?.items ?? []).map((item) => ({ id: item.id, itemCode: item.itemCode, departmentCode: item.departmentCode, prerequisites: item.prerequisites }));
  if (!check(checkNames.submitted, submitted.ok && items.length === plan.items.length) || !kase) return;

  let lastDecision = started;
  for (const item of decisionOrder(items)) {
    const token = tokens.departments[item.departmentCode];
    if (!token) throw new Error(`no token for department ${item.departmentCode}`);
    if (roll(profile.mix.listAssignmentsShare)) {
      const listed = await vu.call("listAssignments", routingV1.ListAssignmentsRequest.fromJSON(listAssignmentsPayload(profile.mix)), token);
      check(checkNames.listed, listed.ok);
    }
    const accepted = await vu.call("acceptItem", routingV1.AcceptItemRequest.fromJSON(acceptPayload(item.id)), token);
    if (!check(checkNames.accepted, accepted.ok && stateName(accepted.response.item) === itemStates.inReview)) return;
    const decided = await vu.call("decideItem", routingV1.DecideItemRequest.fromJSON(decidePayload(item.id)), token);
    if (decided.ok) ctx.acknowledged?.(item.id);
    if (!check(checkNames.decided, decided.ok && stateName(decided.response.item) === itemStates.approved)) return;
    lastDecision = performance.now();
  }
  if (!ctx.live()) {
    ctx.notifications?.ignore(kase.id);
    return;
  }
  registry.trend(metricNames.planToCompletion).add(lastDecision - started);
  ctx.notifications?.decided(kase.id, lastDecision);
}
