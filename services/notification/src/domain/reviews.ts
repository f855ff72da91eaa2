import { createHash, randomBytes } from "node:crypto";
import { addWorkingDays, type CivilDate, type Deadline, type HolidaySchedule } from "@steward/calendar";
import { failedPrecondition, fail, invalidArgument, ok, type FieldViolation, type Result } from "@steward/platform/errors";
import type { RulesFile } from "./rules.js";

/**
 * 好差评: after an item or a case completes, the enterprise rates it on five levels; a rating of 1
 * or 2 is a bad review (差评), which must be rectified (整改) within 5 to 15 working days, and every
 * rectification is checked by a call-back (回访) to the enterprise before it closes.
 */
export const ratingLevels = {
  5: "very_satisfied",
  4: "satisfied",
  3: "basically_satisfied",
  2: "dissatisfied",
  1: "very_dissatisfied",
} as const;

export type Rating = keyof typeof ratingLevels;
export const isBad = (rating: Rating) => rating <= 2;

/** A new rating link's token (the credential of GET/POST /v1/reviews/{token}) and what is stored of it. */
export function newReviewToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashReviewToken(token) };
}

export const hashReviewToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface Invitation {
  id: string;
  subjectKind: "item" | "case";
  subjectId: string;
  caseId: string;
  projectId: string;
  projectName: string;
  itemCode: string;
  departmentCode: string;
  creditCode: string;
  round: number;
  expiresAt: Date;
  reviewedAt: Date | undefined;
}

export interface ReviewInput {
  rating: number;
  comment: string;
}

const maxComment = 1000;

/** Checks a submitted rating against the invitation: in range, not expired, not given before. */
export function checkReview(invitation: Invitation, input: ReviewInput, now: Date): Result<{ rating: Rating; comment: string }> {
  const violations: FieldViolation[] = [];
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) violations.push({ field: "rating", description: "must be a whole number from 1 (非常不满意) to 5 (非常满意)" });
  if (typeof input.comment !== "string" || input.comment.length > maxComment) violations.push({ field: "comment", description: `must be text of at most ${maxComment} characters` });
  if (violations.length > 0) return fail(invalidArgument(violations));
  if (invitation.reviewedAt) return fail({ ...failedPrecondition("this link was used to rate already"), reason: "REVIEW_ALREADY_GIVEN" });
  if (invitation.expiresAt <= now) return fail({ ...failedPrecondition("this rating link has expired"), reason: "REVIEW_LINK_EXPIRED" });
  return ok({ rating: input.rating as Rating, comment: input.comment.trim() });
}

/** The working days a bad rating's rectification gets (rules data, 5-15) and its deadline from `openedOn`. */
export function rectificationDeadline(rating: Rating, openedOn: CivilDate, schedule: HolidaySchedule, followUps: RulesFile["followUps"]): { workingDays: number; due: Deadline } {
  const workingDays = rating === 1 ? followUps.rectificationWorkingDays["1"] : followUps.rectificationWorkingDays["2"];
  return { workingDays, due: addWorkingDays(openedOn, workingDays, schedule) };
}

export type RectificationStatus = "open" | "rectified" | "closed";

export interface Rectification {
  id: string;
  reviewId: string;
  projectId: string;
  projectName: string;
  departmentCode: string;
  itemCode: string;
  rating: Rating;
  status: RectificationStatus;
  workingDays: number;
  dueOn: CivilDate;
  dueProvisional: boolean;
  overdueAt: Date | undefined;
  summary: string;
  rectifiedAt: Date | undefined;
  callBackNote: string;
  callBacks: number;
  closedAt: Date | undefined;
  openedAt: Date;
}

const maxNote = 2000;
const noteProblem = (field: string, value: string): FieldViolation[] => (value.trim() === "" || value.length > maxNote ? [{ field, description: `must be 1-${maxNote} characters` }] : []);

/** The unit reports what it did; only an open rectification can be rectified. */
export function rectify(rectification: Rectification, summary: string, now: Date): Result<Rectification> {
  const violations = noteProblem("summary", summary);
  if (violations.length > 0) return fail(invalidArgument(violations));
  if (rectification.status !== "open") return fail({ ...failedPrecondition(`the rectification is ${rectification.status}, not open`), reason: "RECTIFICATION_STATE_CONFLICT", metadata: { state: rectification.status } });
  return ok({ ...rectification, status: "rectified", summary: summary.trim(), rectifiedAt: now });
}

/**
 * The call-back (回访) after a rectification: a satisfied enterprise closes it; a dissatisfied one
 * reopens it with a fresh deadline of the same working days. There is no closing without one.
 */
export function callBack(rectification: Rectification, input: { satisfied: boolean; note: string }, now: Date, reopenedDue: () => Deadline): Result<Rectification> {
  const violations = noteProblem("note", input.note);
  if (violations.length > 0) return fail(invalidArgument(violations));
  if (rectification.status !== "rectified") return fail({ ...failedPrecondition(`the rectification is ${rectification.status}: call back once it is rectified`), reason: "RECTIFICATION_STATE_CONFLICT", metadata: { state: rectification.status } });
  const called = { ...rectification, callBackNote: input.note.trim(), callBacks: rectification.callBacks + 1 };
  if (input.satisfied) return ok({ ...called, status: "closed", closedAt: now });
  const due = reopenedDue();
  return ok({ ...called, status: "open", dueOn: due.date, dueProvisional: due.provisional, overdueAt: undefined, rectifiedAt: undefined });
}
