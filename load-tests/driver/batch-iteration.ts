/**
 * The batch calls' iteration (`pnpm bench`, phase (e)): a department system that settles many
 * items at once. Submits `plans` plans as the steward, then takes step k — the k-th item, in
 * prerequisite order, of every one of those cases — grouped by department: one AcceptItems and one
 * DecideItems per department and step (up to 100 entries each). Counts every approved entry as a
 * decision and checks each entry's status, with the single calls' check names.
 */
import { routingV1 } from "@steward/proto";
import { acceptPayload, checkNames, decidePayload, decisionOrder, metricNames, planPayload, type ItemView } from "../lib/profiles.ts";
import type { VirtualUser } from "./client.ts";
import type { IterationContext } from "./iteration.ts";

const maxEntries = 100;

export function batchIteration(plans: number) {
  return async (vu: VirtualUser, ctx: IterationContext): Promise<void> => {
    const { profile, tokens, registry } = ctx;
    const check = (name: string, passed: boolean) => (ctx.live() ? registry.check(metricNames.checks, name, passed) : passed);
    const started = performance.now();
    const cases: { id: string; items: ItemView[] }[] = [];
    for (let index = 0; index < plans; index++) {
      const plan = planPayload(profile.mix);
      const submitted = await vu.call("submitPlan", routingV1.SubmitPlanRequest.fromJSON(plan), tokens.steward);
      const kase = submitted.ok ? submitted.response.case : undefined;
      if (!check(checkNames.submitted, kase?.items.length === plan.items.length) || !kase) return;
      cases.push({ id: kase.id, items: decisionOrder(kase.items.map((item) => ({ id: item.id, itemCode: item.itemCode, departmentCode: item.departmentCode, prerequisites: item.prerequisites }))) });
    }
    const steps = Math.max(...cases.map((kase) => kase.items.length));
    for (let step = 0; step < steps; step++) {
      const byDepartment = new Map<string, ItemView[]>();
      for (const item of cases.map((kase) => kase.items[step]).filter((item): item is ItemView => item !== undefined)) {
        byDepartment.set(item.departmentCode, [...(byDepartment.get(item.departmentCode) ?? []), item]);
      }
      for (const [department, all] of byDepartment) {
        for (let from = 0; from < all.length; from += maxEntries) {
          const items = all.slice(from, from + maxEntries);
          const token = tokens.departments[department];
          if (!token) throw new Error(`no token for department ${department}`);
          const accepted = await vu.call("acceptItems", { entries: items.map((item) => routingV1.AcceptItemRequest.fromJSON(acceptPayload(item.id))) }, token);
          const acceptedAll = accepted.ok && accepted.response.results.every((result) => !result.status?.code && result.item?.state === routingV1.ItemState.ITEM_STATE_IN_REVIEW);
          if (!check(checkNames.accepted, acceptedAll)) return;
          const decided = await vu.call("decideItems", { entries: items.map((item) => routingV1.DecideItemRequest.fromJSON(decidePayload(item.id))) }, token);
          const approved = decided.ok ? decided.response.results.filter((result) => !result.status?.code && result.item?.state === routingV1.ItemState.ITEM_STATE_APPROVED).length : 0;
          if (decided.ok) for (const [index, result] of decided.response.results.entries()) if (!result.status?.code) ctx.acknowledged?.(items[index]!.id);
          if (ctx.live()) registry.counter("decisions").add(approved);
          if (!check(checkNames.decided, approved === items.length)) return;
        }
      }
    }
    if (!ctx.live()) {
      for (const kase of cases) ctx.notifications?.ignore(kase.id);
      return;
    }
    const finished = performance.now();
    for (const kase of cases) {
      registry.trend(metricNames.planToCompletion).add(finished - started);
      ctx.notifications?.decided(kase.id, finished);
    }
  };
}
