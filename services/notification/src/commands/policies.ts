import { randomUUID } from "node:crypto";
import { civilDateOf } from "@steward/calendar";
import { transactionResult } from "@steward/platform/db";
import { ok, type Result } from "@steward/platform/errors";
import { recordEvents } from "@steward/platform/events";
import type { TransactionSql } from "postgres";
import { projectProfiles } from "../db/directory.js";
import { activePolicies, insertMatches, upsertPolicy, type MatchRow } from "../db/policies.js";
import { checkPolicy, matchPolicy, type Policy, type PolicyInput, type ProjectProfile } from "../domain/policies.js";
import { policyMatched } from "../events/notification-events.js";
import { triggerOf } from "../events/triggers.js";
import type { NotificationDeps } from "./deps.js";
import { notify } from "./notify.js";

/**
 * Matches policies against projects and pushes each new match to the enterprise once (the match
 * row is unique per policy and project): the event for assessment and the notices commit with the
 * change that caused them. Returns how many matches were new.
 */
async function pushMatches(tx: TransactionSql, deps: NotificationDeps, policies: readonly Policy[], projects: readonly ProjectProfile[], trigger: string): Promise<number> {
  const today = civilDateOf(deps.now());
  const bands = deps.rules.file.policies.scaleBands;
  const candidates: (MatchRow & { policy: Policy; project: ProjectProfile })[] = [];
  for (const policy of policies) {
    for (const project of projects) {
      const matchedTags = matchPolicy(policy, project, today, bands);
      if (matchedTags) candidates.push({ policy, project, policyId: policy.id, projectId: project.projectId, policyVersion: policy.version, creditCode: project.creditCode, trigger, matchedTags });
    }
  }
  const fresh = new Set((await insertMatches(tx, deps.region, candidates, deps.now())).map((m) => `${m.policyId}/${m.projectId}`));
  const events = candidates.filter((c) => fresh.has(`${c.policyId}/${c.projectId}`)).map((c) => policyMatched(deps.region, c.policy, c.project, trigger, c.matchedTags));
  if (events.length === 0) return 0;
  await recordEvents(tx, events);
  await notify(tx, deps, events.map(triggerOf));
  return events.length;
}

/** Projects whose profile changed (registered, updated, a milestone reached) against the active policies. */
export async function matchChangedProjects(tx: TransactionSql, deps: NotificationDeps, changes: readonly { projectId: string; trigger: string }[]): Promise<void> {
  if (changes.length === 0) return;
  const policies = await activePolicies(tx, deps.region);
  if (policies.length === 0) return;
  const profiles = new Map((await projectProfiles(tx, deps.region, changes.map((c) => c.projectId))).map((p) => [p.projectId, p]));
  const byTrigger = new Map<string, ProjectProfile[]>();
  for (const change of changes) {
    const profile = profiles.get(change.projectId);
    if (profile) byTrigger.set(change.trigger, [...(byTrigger.get(change.trigger) ?? []), profile]);
  }
  for (const [trigger, projects] of byTrigger) await pushMatches(tx, deps, policies, projects, trigger);
}

/** An admin adds or changes a policy; it is matched against every project of the region at once. */
export async function upsertPolicyCommand(deps: NotificationDeps, input: PolicyInput, by: string): Promise<Result<{ policy: Policy; newMatches: number }>> {
  const checked = checkPolicy(input, deps.rules.file.policies.scaleBands);
  if (!checked.ok) return checked;
  return transactionResult(deps.sql, async (tx) => {
    const policy = await upsertPolicy(tx, deps.region, randomUUID(), checked.value, by, deps.now());
    const newMatches = await pushMatches(tx, deps, [policy], await projectProfiles(tx, deps.region), "notification.policy.upserted");
    return ok({ policy, newMatches });
  });
}
