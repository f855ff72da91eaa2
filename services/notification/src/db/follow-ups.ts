import type { PageCursor } from "@steward/platform/grpc";
import type { Sql, TransactionSql } from "postgres";
import type { Invitation, Rating, Rectification, RectificationStatus } from "../domain/reviews.js";

interface InvitationRow {
  id: string;
  subject_kind: "item" | "case";
  subject_id: string;
  case_id: string;
  project_id: string;
  project_name: string;
  item_code: string;
  department_code: string;
  credit_code: string;
  round: number;
  expires_at: Date;
  reviewed_at: Date | null;
}

const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  subjectKind: row.subject_kind,
  subjectId: row.subject_id,
  caseId: row.case_id,
  projectId: row.project_id,
  projectName: row.project_name,
  itemCode: row.item_code,
  departmentCode: row.department_code,
  creditCode: row.credit_code,
  round: row.round,
  expiresAt: row.expires_at,
  reviewedAt: row.reviewed_at ?? undefined,
});

/** Creates an invitation unless the subject has one already; true when it was created. */
export async function createInvitation(tx: TransactionSql, region: string, invitation: Invitation, tokenHash: string, invitedAt: Date, reinviteAt: Date): Promise<boolean> {
  const rows = await tx`
    insert into review_invitations (id, region, token_hash, subject_kind, subject_id, case_id, project_id, project_name, item_code, department_code, credit_code, round, invited_at, reinvite_at, expires_at)
    values (${invitation.id}, ${region}, ${tokenHash}, ${invitation.subjectKind}, ${invitation.subjectId}, ${invitation.caseId}, ${invitation.projectId}, ${invitation.projectName},
            ${invitation.itemCode}, ${invitation.departmentCode}, ${invitation.creditCode}, 1, ${invitedAt}, ${reinviteAt}, ${invitation.expiresAt})
    on conflict do nothing
    returning id`;
  return rows.length > 0;
}

export async function findInvitationByToken(sql: Sql | TransactionSql, region: string, tokenHash: string, lock = false): Promise<Invitation | undefined> {
  const [row] = await sql<InvitationRow[]>`select * from review_invitations where region = ${region} and (token_hash = ${tokenHash} or reinvite_token_hash = ${tokenHash}) ${lock ? sql`for update` : sql``}`;
  return row ? toInvitation(row) : undefined;
}

/** Invitations due for their one reminder, locked for this round. */
export async function claimReinvitations(tx: TransactionSql, region: string, now: Date, limit: number): Promise<Invitation[]> {
  const rows = await tx<InvitationRow[]>`
    select * from review_invitations
    where region = ${region} and reviewed_at is null and round = 1 and reinvite_at <= ${now} and expires_at > ${now}
    order by reinvite_at limit ${limit} for update skip locked`;
  return rows.map(toInvitation);
}

/** Round 2, with the reminder's own link (the first link keeps working too). */
export async function markReinvited(tx: TransactionSql, id: string, tokenHash: string): Promise<void> {
  await tx`update review_invitations set round = 2, reinvite_at = null, reinvite_token_hash = ${tokenHash} where id = ${id}`;
}

export async function recordReview(tx: TransactionSql, region: string, review: { id: string; invitationId: string; rating: Rating; comment: string; reviewedAt: Date }): Promise<void> {
  await tx`insert into reviews (id, region, invitation_id, rating, comment, reviewed_at) values (${review.id}, ${region}, ${review.invitationId}, ${review.rating}, ${review.comment}, ${review.reviewedAt})`;
  await tx`update review_invitations set reviewed_at = ${review.reviewedAt} where id = ${review.invitationId}`;
}

export interface ReviewView {
  id: string;
  subjectKind: string;
  subjectId: string;
  projectId: string;
  projectName: string;
  itemCode: string;
  departmentCode: string;
  creditCode: string;
  rating: number;
  comment: string;
  reviewedAt: Date;
  rectificationId: string | undefined;
}

export async function listReviews(sql: Sql, region: string, filter: { projectId?: string; badOnly: boolean; creditCode?: string; after: PageCursor | undefined; limit: number }): Promise<{ reviews: ReviewView[]; next: PageCursor | undefined }> {
  const rows = await sql<(Omit<ReviewView, "rectificationId"> & { rectificationId: string | null })[]>`
    select r.id, i.subject_kind as "subjectKind", i.subject_id as "subjectId", i.project_id as "projectId", i.project_name as "projectName", i.item_code as "itemCode",
           i.department_code as "departmentCode", i.credit_code as "creditCode", r.rating, r.comment, r.reviewed_at as "reviewedAt", x.id as "rectificationId"
    from reviews r join review_invitations i on i.id = r.invitation_id left join rectifications x on x.review_id = r.id
    where r.region = ${region}
      ${filter.projectId ? sql`and i.project_id = ${filter.projectId}` : sql``}
      ${filter.creditCode ? sql`and i.credit_code = ${filter.creditCode}` : sql``}
      ${filter.badOnly ? sql`and r.rating <= 2` : sql``}
      ${filter.after ? sql`and (r.reviewed_at, r.id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by r.reviewed_at, r.id limit ${filter.limit + 1}`;
  const reviews = rows.slice(0, filter.limit).map((row) => ({ ...row, rectificationId: row.rectificationId ?? undefined }));
  const last = reviews[reviews.length - 1];
  return { reviews, next: rows.length > filter.limit && last ? { at: last.reviewedAt, id: last.id } : undefined };
}

interface RectificationRow {
  id: string;
  review_id: string;
  project_id: string;
  project_name: string;
  department_code: string;
  item_code: string;
  rating: number;
  status: RectificationStatus;
  working_days: number;
  due_on: string;
  due_provisional: boolean;
  overdue_at: Date | null;
  summary: string;
  rectified_at: Date | null;
  call_back_note: string;
  call_backs: number;
  closed_at: Date | null;
  opened_at: Date;
}

const toRectification = (row: RectificationRow): Rectification => ({
  id: row.id,
  reviewId: row.review_id,
  projectId: row.project_id,
  projectName: row.project_name,
  departmentCode: row.department_code,
  itemCode: row.item_code,
  rating: row.rating as Rating,
  status: row.status,
  workingDays: row.working_days,
  dueOn: row.due_on,
  dueProvisional: row.due_provisional,
  overdueAt: row.overdue_at ?? undefined,
  summary: row.summary,
  rectifiedAt: row.rectified_at ?? undefined,
  callBackNote: row.call_back_note,
  callBacks: row.call_backs,
  closedAt: row.closed_at ?? undefined,
  openedAt: row.opened_at,
});

export async function insertRectification(tx: TransactionSql, region: string, r: Rectification): Promise<void> {
  await tx`
    insert into rectifications (id, region, review_id, project_id, project_name, department_code, item_code, rating, status, working_days, due_on, due_provisional, opened_at)
    values (${r.id}, ${region}, ${r.reviewId}, ${r.projectId}, ${r.projectName}, ${r.departmentCode}, ${r.itemCode}, ${r.rating}, ${r.status}, ${r.workingDays}, ${r.dueOn}, ${r.dueProvisional}, ${r.openedAt})`;
}

export async function findRectification(tx: TransactionSql | Sql, region: string, id: string, lock = false): Promise<Rectification | undefined> {
  const [row] = await tx<RectificationRow[]>`select * from rectifications where region = ${region} and id = ${id} ${lock ? tx`for update` : tx``}`;
  return row ? toRectification(row) : undefined;
}

export async function saveRectification(tx: TransactionSql, region: string, r: Rectification): Promise<void> {
  await tx`
    update rectifications set status = ${r.status}, due_on = ${r.dueOn}, due_provisional = ${r.dueProvisional}, overdue_at = ${r.overdueAt ?? null}, summary = ${r.summary},
      rectified_at = ${r.rectifiedAt ?? null}, call_back_note = ${r.callBackNote}, call_backs = ${r.callBacks}, closed_at = ${r.closedAt ?? null}
    where region = ${region} and id = ${r.id}`;
}

/** Open rectifications past their deadline and not yet announced as overdue, locked for this round. */
export async function claimOverdueRectifications(tx: TransactionSql, region: string, today: string, limit: number): Promise<Rectification[]> {
  const rows = await tx<RectificationRow[]>`
    select * from rectifications where region = ${region} and status = 'open' and overdue_at is null and due_on < ${today}
    order by due_on limit ${limit} for update skip locked`;
  return rows.map(toRectification);
}

export async function listRectifications(sql: Sql, region: string, filter: { status?: RectificationStatus; departmentCode?: string; after: PageCursor | undefined; limit: number }): Promise<{ rectifications: Rectification[]; next: PageCursor | undefined }> {
  const rows = await sql<RectificationRow[]>`
    select * from rectifications
    where region = ${region}
      ${filter.status ? sql`and status = ${filter.status}` : sql``}
      ${filter.departmentCode ? sql`and department_code = ${filter.departmentCode}` : sql``}
      ${filter.after ? sql`and (opened_at, id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by opened_at, id limit ${filter.limit + 1}`;
  const rectifications = rows.slice(0, filter.limit).map(toRectification);
  const last = rectifications[rectifications.length - 1];
  return { rectifications, next: rows.length > filter.limit && last ? { at: last.openedAt, id: last.id } : undefined };
}
