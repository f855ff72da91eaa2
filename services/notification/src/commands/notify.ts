import type { TraceCarrier } from "@steward/platform/telemetry";
import type { TransactionSql } from "postgres";
import { endpointRecipients } from "../db/endpoints.js";
import { claimDeliveries } from "../db/deliveries.js";
import { teamsOf, type Teams } from "../db/directory.js";
import { recipientProfiles } from "../db/preferences.js";
import { channelsFor, deliveriesOf } from "../domain/delivery.js";
import { noTeam, planNotices, type Team, type Trigger } from "../domain/notices.js";
import { recipientKey, systemKinds } from "../domain/recipients.js";
import type { NotificationDeps } from "./deps.js";

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The keys a trigger's team is found by: its project when it names one, else its case. */
export function teamKeys(triggers: readonly Trigger[]): { projectIds: string[]; caseIds: string[] } {
  const projectIds: string[] = [];
  const caseIds: string[] = [];
  for (const { fields } of triggers) {
    if (text(fields.projectId)) projectIds.push(text(fields.projectId));
    else if (text(fields.caseId)) caseIds.push(text(fields.caseId));
  }
  return { projectIds, caseIds };
}

export function teamOf(trigger: Trigger, teams: Teams): Team {
  const projectId = text(trigger.fields.projectId);
  if (projectId) return teams.byProject.get(projectId) ?? noTeam;
  return teams.byCase.get(text(trigger.fields.caseId)) ?? noTeam;
}

/**
 * Tells everyone the rules name about `triggers`, in the caller's transaction: the notices are
 * planned, rendered and claimed as deliveries (one per recipient and channel, the inbox written
 * at once), all in a few statements whatever the number of triggers. A trigger planned before
 * (a redelivered event) finds its claims and adds nothing. `traces` (by source id) are the traces
 * the deliveries continue when sent. Returns the new claims.
 */
export async function notify(tx: TransactionSql, deps: NotificationDeps, triggers: readonly Trigger[], teams?: Teams, traces?: ReadonlyMap<string, TraceCarrier>): Promise<number> {
  if (triggers.length === 0) return 0;
  const known = teams ?? (await teamsOf(tx, deps.region, teamKeys(triggers)));
  const notices = triggers.flatMap((trigger) => planNotices(trigger, teamOf(trigger, known), deps.rules, deps.names));
  if (notices.length === 0) return 0;
  const [profiles, endpoints] = await Promise.all([
    recipientProfiles(tx, deps.region, notices.map((notice) => recipientKey(notice.recipient))),
    notices.some((notice) => systemKinds.has(notice.recipient.kind)) ? endpointRecipients(tx, deps.region) : Promise.resolve(new Set<string>()),
  ]);
  const now = deps.now();
  const { file, templates } = deps.rules;
  const deliveries = notices.flatMap((notice) =>
    deliveriesOf(notice, channelsFor(notice, profiles.get(recipientKey(notice.recipient)), file.channels, endpoints), deps.region, templates, file.schedule, now),
  );
  return claimDeliveries(tx, deliveries, traces);
}
