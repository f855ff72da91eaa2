import type { PendingQuery, Row, TransactionSql } from "postgres";
import { completionNumber } from "../domain/completion-stats.js";

/**
 * Writes of the projection, one per kind of fact. Each is an upsert that keeps what is already
 * known and takes the newer fact by the event's own time, so handling events twice, late or out
 * of order leaves the same rows (the rebuild check depends on it).
 *
 * Each returns its statements built but not sent (postgres.js sends a query when it is awaited):
 * the projection sends a whole batch's statements together, in order, on the transaction's
 * connection — one round trip for the batch instead of one per statement.
 */
type Tx = TransactionSql;
export type Statement = PendingQuery<Row[]>;

/**
 * Sends `statements` one after the other without waiting for each result (pipelined on the
 * transaction's connection, so Postgres runs them in this order) and waits for them all. When one
 * fails, the transaction is aborted and this rejects with its error.
 */
export async function sendInOrder(statements: readonly Statement[]): Promise<void> {
  for (const statement of statements) statement.execute();
  await Promise.all(statements);
}

export interface CaseFact {
  region: string;
  caseId: string;
  projectId?: string;
  projectName?: string;
  openedAt?: Date;
  completedAt?: Date;
  itemCount?: number;
  /** With completedAt: which completion of the case it is (1, then 2, 3... after reopenings). */
  completion?: number;
}

export function upsertCase(tx: Tx, fact: CaseFact): Statement[] {
  return [tx`
    insert into projected_cases (region, case_id, project_id, project_name, opened_at, completed_at, item_count, completion)
    values (${fact.region}, ${fact.caseId}, ${fact.projectId ?? null}, ${fact.projectName ?? ""}, ${fact.openedAt ?? null}, ${fact.completedAt ?? null}, ${fact.itemCount ?? 0},
            ${fact.completedAt ? completionNumber(fact.completion ?? 0) : 0})
    on conflict (region, case_id) do update set
      project_id = coalesce(projected_cases.project_id, excluded.project_id),
      project_name = case when excluded.project_name <> '' then excluded.project_name else projected_cases.project_name end,
      opened_at = least(projected_cases.opened_at, excluded.opened_at),
      -- A later completion (after a reopening) replaces an earlier one's time and item count.
      completed_at = case when excluded.completion > projected_cases.completion then excluded.completed_at
                          when excluded.completion = projected_cases.completion then greatest(projected_cases.completed_at, excluded.completed_at)
                          else projected_cases.completed_at end,
      item_count = case when excluded.completion > projected_cases.completion then excluded.item_count
                        else greatest(projected_cases.item_count, excluded.item_count) end,
      completion = greatest(projected_cases.completion, excluded.completion)`];
}

/** A reopening: the completion it undoes stops counting (completion > reopening) until a later one. */
export function recordReopening(tx: Tx, fact: { region: string; caseId: string; projectId?: string; projectName?: string; at: Date; undoesCompletion: number }): Statement[] {
  return [tx`
    insert into projected_cases (region, case_id, project_id, project_name, reopening, reopened_at)
    values (${fact.region}, ${fact.caseId}, ${fact.projectId || null}, ${fact.projectName ?? ""}, ${completionNumber(fact.undoesCompletion)}, ${fact.at})
    on conflict (region, case_id) do update set
      project_id = coalesce(projected_cases.project_id, excluded.project_id),
      project_name = case when excluded.project_name <> '' then excluded.project_name else projected_cases.project_name end,
      reopened_at = case when excluded.reopening > projected_cases.reopening then excluded.reopened_at
                         when excluded.reopening = projected_cases.reopening then greatest(projected_cases.reopened_at, excluded.reopened_at)
                         else projected_cases.reopened_at end,
      reopening = greatest(projected_cases.reopening, excluded.reopening)`];
}

export interface ItemRef {
  region: string;
  itemId: string;
  caseId: string;
  itemCode: string;
  departmentCode: string;
}

/** The item's latest state: taken when this event is not older than the one that set the state. */
export interface ItemChange extends ItemRef {
  at: Date;
  state?: string;
  reason?: string;
  routedAt?: Date;
  acceptedAt?: Date;
  mode?: string;
  committedDueOn?: string;
  warnedAt?: Date;
  overdueAt?: Date;
  /** Accepted by law when the acceptance window passed (行政许可法 §32). */
  deemedAccepted?: boolean;
  verificationWarnedAt?: Date;
  verificationOverdueAt?: Date;
}

export function upsertItem(tx: Tx, change: ItemChange): Statement[] {
  return [tx`
    insert into projected_items (region, item_id, case_id, item_code, department_code, routed_at, accepted_at, mode, committed_due_on, state, state_at, state_reason, warned_at, overdue_at,
                                 deemed_accepted, verification_warned_at, verification_overdue_at)
    values (${change.region}, ${change.itemId}, ${change.caseId}, ${change.itemCode}, ${change.departmentCode}, ${change.routedAt ?? null}, ${change.acceptedAt ?? null},
            ${change.mode ?? null}, ${change.committedDueOn || null}, ${change.state ?? "routed"}, ${change.at}, ${change.reason ?? ""}, ${change.warnedAt ?? null}, ${change.overdueAt ?? null},
            ${change.deemedAccepted ?? false}, ${change.verificationWarnedAt ?? null}, ${change.verificationOverdueAt ?? null})
    on conflict (region, item_id) do update set
      department_code = case when excluded.state_at >= projected_items.state_at and ${change.state !== undefined} then excluded.department_code else projected_items.department_code end,
      routed_at = least(projected_items.routed_at, excluded.routed_at),
      accepted_at = greatest(projected_items.accepted_at, excluded.accepted_at),
      mode = case when excluded.accepted_at is not null and excluded.accepted_at >= coalesce(projected_items.accepted_at, excluded.accepted_at) then excluded.mode else projected_items.mode end,
      committed_due_on = case when excluded.committed_due_on is not null and excluded.state_at >= projected_items.state_at then excluded.committed_due_on
                              else coalesce(projected_items.committed_due_on, excluded.committed_due_on) end,
      state = case when ${change.state !== undefined} and excluded.state_at >= projected_items.state_at then excluded.state else projected_items.state end,
      state_reason = case when ${change.state !== undefined} and excluded.state_at >= projected_items.state_at then excluded.state_reason else projected_items.state_reason end,
      state_at = case when ${change.state !== undefined} then greatest(projected_items.state_at, excluded.state_at) else projected_items.state_at end,
      warned_at = greatest(projected_items.warned_at, excluded.warned_at),
      overdue_at = greatest(projected_items.overdue_at, excluded.overdue_at),
      deemed_accepted = projected_items.deemed_accepted or excluded.deemed_accepted,
      verification_warned_at = greatest(projected_items.verification_warned_at, excluded.verification_warned_at),
      verification_overdue_at = greatest(projected_items.verification_overdue_at, excluded.verification_overdue_at)`];
}

export interface ItemDecision extends ItemRef {
  at: Date;
  outcome: string;
  clock?: {
    acceptedOn: string;
    decidedOn: string;
    committedDueOn: string;
    statutoryWorkingDays: number;
    committedWorkingDays: number;
    unitWorkingDays: number;
    totalWorkingDays: number;
    applicantWorkingDays: number;
    excludedWorkingDays: number;
    extensionWorkingDays: number;
    mode: string;
  };
}

/** A decision; a later decision of the same item (after a revocation, say) replaces it. */
export function recordDecision(tx: Tx, decision: ItemDecision): Statement[] {
  const clock = decision.clock;
  return [
    ...upsertItem(tx, { ...decision, state: decision.outcome }),
    tx`
    update projected_items set
      decided_at = ${decision.at}, outcome = ${decision.outcome},
      accepted_on = ${clock?.acceptedOn || null}, decided_on = ${clock?.decidedOn || null},
      committed_due_on = coalesce(${clock?.committedDueOn || null}::date, committed_due_on),
      statutory_wd = ${clock?.statutoryWorkingDays ?? null}, committed_wd = ${clock?.committedWorkingDays ?? null},
      unit_wd = ${clock?.unitWorkingDays ?? null}, total_wd = ${clock?.totalWorkingDays ?? null},
      applicant_wd = ${clock?.applicantWorkingDays ?? null}, excluded_wd = ${clock?.excludedWorkingDays ?? null},
      extension_wd = ${clock?.extensionWorkingDays ?? null},
      mode = coalesce(mode, ${clock?.mode || null})
    where region = ${decision.region} and item_id = ${decision.itemId} and (decided_at is null or decided_at <= ${decision.at})`];
}

/** A 补正 round; `followUp` when it is about materials received after the application (一次性告知). */
export function recordSupplement(tx: Tx, fact: ItemRef & { eventId: string; at: Date; round: number; followUp: boolean }): Statement[] {
  return [tx`
    insert into projected_supplements (region, event_id, item_id, case_id, department_code, requested_at, round, follow_up)
    values (${fact.region}, ${fact.eventId}, ${fact.itemId}, ${fact.caseId}, ${fact.departmentCode}, ${fact.at}, ${Math.max(1, fact.round)}, ${fact.followUp})
    on conflict do nothing`];
}

export interface BarFact {
  region: string;
  creditCode: string;
  originRegion: string;
  originItemId: string;
  itemCode: string;
  revokedOn: string;
  barredThrough: string;
  at: Date;
}

/** A bar on an enterprise after a false commitment; the same bar seen twice stays one row. */
export function recordBar(tx: Tx, bar: BarFact): Statement[] {
  return [tx`
    insert into projected_bars (region, credit_code, origin_region, origin_item_id, item_code, revoked_on, barred_through, barred_at)
    values (${bar.region}, ${bar.creditCode}, ${bar.originRegion}, ${bar.originItemId}, ${bar.itemCode}, ${bar.revokedOn || null}, ${bar.barredThrough || null}, ${bar.at})
    on conflict (region, credit_code, origin_region, origin_item_id) do update set
      barred_through = greatest(projected_bars.barred_through, excluded.barred_through),
      barred_at = least(projected_bars.barred_at, excluded.barred_at)`];
}

export interface EscalationFact {
  region: string;
  escalationId: string;
  caseId?: string;
  itemId?: string;
  departmentCode?: string;
  cause?: string;
  raisedAt?: Date;
  resolvedAt?: Date;
  resolution?: string;
}

export function upsertEscalation(tx: Tx, fact: EscalationFact): Statement[] {
  return [tx`
    insert into projected_escalations (region, escalation_id, case_id, item_id, department_code, cause, raised_at, resolved_at, resolution)
    values (${fact.region}, ${fact.escalationId}, ${fact.caseId ?? null}, ${fact.itemId ?? null}, ${fact.departmentCode ?? ""}, ${fact.cause ?? ""},
            ${fact.raisedAt ?? null}, ${fact.resolvedAt ?? null}, ${fact.resolution ?? null})
    on conflict (region, escalation_id) do update set
      case_id = coalesce(projected_escalations.case_id, excluded.case_id),
      item_id = coalesce(projected_escalations.item_id, excluded.item_id),
      department_code = case when excluded.department_code <> '' then excluded.department_code else projected_escalations.department_code end,
      cause = case when excluded.cause <> '' then excluded.cause else projected_escalations.cause end,
      raised_at = coalesce(projected_escalations.raised_at, excluded.raised_at),
      resolved_at = coalesce(projected_escalations.resolved_at, excluded.resolved_at),
      resolution = coalesce(projected_escalations.resolution, excluded.resolution)`];
}

export interface ComplaintFact {
  region: string;
  complaintId: string;
  channel?: string;
  projectId?: string;
  projectName?: string;
  itemCode?: string;
  responsibleDepartment?: string;
  departments?: string[];
  title?: string;
  conduct?: boolean;
  hotlineTicketNo?: string;
  receivedAt?: Date;
  dueOn?: string;
  answeredAt?: Date;
  answeredOnTime?: boolean;
  escalatedAt?: Date;
}

export function upsertComplaint(tx: Tx, fact: ComplaintFact): Statement[] {
  return [tx`
    insert into projected_complaints (region, complaint_id, channel, project_id, project_name, item_code, responsible_department, departments, title, conduct,
                                      hotline_ticket_no, received_at, due_on, answered_at, answered_on_time, escalated_at)
    values (${fact.region}, ${fact.complaintId}, ${fact.channel ?? ""}, ${fact.projectId || null}, ${fact.projectName ?? ""}, ${fact.itemCode ?? ""},
            ${fact.responsibleDepartment ?? ""}, ${fact.departments ?? []}, ${fact.title ?? ""}, ${fact.conduct ?? false}, ${fact.hotlineTicketNo ?? ""},
            ${fact.receivedAt ?? null}, ${fact.dueOn || null}, ${fact.answeredAt ?? null}, ${fact.answeredOnTime ?? null}, ${fact.escalatedAt ?? null})
    on conflict (region, complaint_id) do update set
      channel = case when excluded.channel <> '' then excluded.channel else projected_complaints.channel end,
      project_id = coalesce(projected_complaints.project_id, excluded.project_id),
      project_name = case when excluded.project_name <> '' then excluded.project_name else projected_complaints.project_name end,
      item_code = case when excluded.item_code <> '' then excluded.item_code else projected_complaints.item_code end,
      responsible_department = case when excluded.responsible_department <> '' and (excluded.escalated_at is not null or excluded.received_at is not null)
                                    then excluded.responsible_department else projected_complaints.responsible_department end,
      departments = case when cardinality(excluded.departments) > 0 then excluded.departments else projected_complaints.departments end,
      title = case when excluded.title <> '' then excluded.title else projected_complaints.title end,
      conduct = projected_complaints.conduct or excluded.conduct,
      hotline_ticket_no = case when excluded.hotline_ticket_no <> '' then excluded.hotline_ticket_no else projected_complaints.hotline_ticket_no end,
      received_at = coalesce(projected_complaints.received_at, excluded.received_at),
      due_on = greatest(projected_complaints.due_on, excluded.due_on),
      answered_at = coalesce(projected_complaints.answered_at, excluded.answered_at),
      answered_on_time = coalesce(projected_complaints.answered_on_time, excluded.answered_on_time),
      escalated_at = greatest(projected_complaints.escalated_at, excluded.escalated_at)`];
}

export interface HotlineTicketFact {
  region: string;
  ticketId: string;
  ticketNo?: string;
  tier?: string;
  responsibleDepartment?: string;
  linkedAt?: Date;
  dueAt?: Date;
  status?: string;
  statusAt?: Date;
  answeredOnTime?: boolean;
}

export function upsertHotlineTicket(tx: Tx, fact: HotlineTicketFact): Statement[] {
  const answered = fact.status === "answered" || fact.status === "closed";
  return [tx`
    insert into projected_hotline_tickets (region, ticket_id, ticket_no, tier, responsible_department, linked_at, due_at, status, status_at, answered_at, answered_on_time)
    values (${fact.region}, ${fact.ticketId}, ${fact.ticketNo ?? ""}, ${fact.tier ?? ""}, ${fact.responsibleDepartment ?? ""}, ${fact.linkedAt ?? null}, ${fact.dueAt ?? null},
            ${fact.status ?? "received"}, ${fact.statusAt ?? fact.linkedAt ?? null}, ${answered ? (fact.statusAt ?? null) : null}, ${answered ? (fact.answeredOnTime ?? null) : null})
    on conflict (region, ticket_id) do update set
      ticket_no = case when excluded.ticket_no <> '' then excluded.ticket_no else projected_hotline_tickets.ticket_no end,
      tier = case when excluded.tier <> '' then excluded.tier else projected_hotline_tickets.tier end,
      responsible_department = case when excluded.responsible_department <> '' then excluded.responsible_department else projected_hotline_tickets.responsible_department end,
      linked_at = least(projected_hotline_tickets.linked_at, excluded.linked_at),
      due_at = coalesce(excluded.due_at, projected_hotline_tickets.due_at),
      status = case when ${fact.status !== undefined} and excluded.status_at >= coalesce(projected_hotline_tickets.status_at, excluded.status_at) then excluded.status else projected_hotline_tickets.status end,
      status_at = greatest(projected_hotline_tickets.status_at, excluded.status_at),
      answered_at = least(projected_hotline_tickets.answered_at, excluded.answered_at),
      answered_on_time = case when projected_hotline_tickets.answered_at is null or excluded.answered_at < projected_hotline_tickets.answered_at
                              then coalesce(excluded.answered_on_time, projected_hotline_tickets.answered_on_time) else projected_hotline_tickets.answered_on_time end`];
}

export interface ProjectFact {
  region: string;
  projectId: string;
  projectName?: string;
  enterpriseName?: string;
  keyProject?: boolean;
  registeredAt?: Date;
}

export function upsertProject(tx: Tx, fact: ProjectFact): Statement[] {
  return [tx`
    insert into projected_projects (region, project_id, project_name, enterprise_name, key_project, registered_at)
    values (${fact.region}, ${fact.projectId}, ${fact.projectName ?? ""}, ${fact.enterpriseName ?? ""}, ${fact.keyProject ?? false}, ${fact.registeredAt ?? null})
    on conflict (region, project_id) do update set
      project_name = case when excluded.project_name <> '' then excluded.project_name else projected_projects.project_name end,
      enterprise_name = case when excluded.enterprise_name <> '' then excluded.enterprise_name else projected_projects.enterprise_name end,
      key_project = case when ${fact.keyProject !== undefined} then excluded.key_project else projected_projects.key_project end,
      registered_at = coalesce(projected_projects.registered_at, excluded.registered_at)`];
}

export function recordStewardAssignment(tx: Tx, fact: { region: string; eventId: string; projectId: string; stewardId: string; stewardName: string; at: Date }): Statement[] {
  return [tx`
    insert into projected_steward_assignments (region, event_id, project_id, steward_id, steward_name, assigned_at)
    values (${fact.region}, ${fact.eventId}, ${fact.projectId}, ${fact.stewardId}, ${fact.stewardName}, ${fact.at})
    on conflict do nothing`];
}

/** The plan's target dates; a later plan version replaces an earlier one's, whatever the order. */
export function recordPlanTargets(tx: Tx, plan: { region: string; projectId: string; version: number; items: { itemCode: string; targetDate: string }[] }): Statement[] {
  if (plan.items.length === 0) return [];
  const rows = plan.items.map((item) => ({ item_code: item.itemCode, target_date: item.targetDate || null }));
  return [tx`
    insert into projected_plan_targets (region, project_id, item_code, plan_version, target_date)
    select ${plan.region}, ${plan.projectId}, r.item_code, ${plan.version}, r.target_date::date
    from jsonb_to_recordset(${tx.json(rows as never)}) as r(item_code text, target_date text)
    on conflict (region, project_id, item_code) do update set plan_version = excluded.plan_version, target_date = excluded.target_date
      where excluded.plan_version >= projected_plan_targets.plan_version`];
}
