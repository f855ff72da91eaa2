import { buildHolidaySchedule, officialCalendar } from "@steward/calendar";
import { describe, expect, it } from "vitest";
import { callBack, checkReview, hashReviewToken, newReviewToken, rectificationDeadline, rectify, type Invitation, type Rectification } from "./reviews.js";
import { testRulesFile } from "./test-rules.js";

const schedule = buildHolidaySchedule({ official: officialCalendar });
const now = new Date("2026-09-28T02:00:00Z");
const invitation: Invitation = {
  id: "i",
  subjectKind: "item",
  subjectId: "item-1",
  caseId: "c",
  projectId: "p",
  projectName: "项目",
  itemCode: "ZRZY-YDGH",
  departmentCode: "zrzy",
  creditCode: "91610900MA70000010",
  round: 1,
  expiresAt: new Date("2026-10-28T02:00:00Z"),
  reviewedAt: undefined,
};
const open: Rectification = {
  id: "r",
  reviewId: "v",
  projectId: "p",
  projectName: "项目",
  departmentCode: "zrzy",
  itemCode: "ZRZY-YDGH",
  rating: 1,
  status: "open",
  workingDays: 5,
  dueOn: "2026-10-09",
  dueProvisional: false,
  overdueAt: undefined,
  summary: "",
  rectifiedAt: undefined,
  callBackNote: "",
  callBacks: 0,
  closedAt: undefined,
  openedAt: now,
};

describe("好差评", () => {
  it("takes a rating of 1 to 5 with an optional comment, once, before the link expires", () => {
    expect(checkReview(invitation, { rating: 2, comment: " 办理慢 " }, now)).toEqual({ ok: true, value: { rating: 2, comment: "办理慢" } });
    const bad = checkReview(invitation, { rating: 6, comment: "x".repeat(1001) }, now);
    expect(!bad.ok && bad.error.violations?.map((v) => v.field)).toEqual(["rating", "comment"]);
    const twice = checkReview({ ...invitation, reviewedAt: now }, { rating: 5, comment: "" }, now);
    expect(!twice.ok && twice.error.reason).toBe("REVIEW_ALREADY_GIVEN");
    const late = checkReview(invitation, { rating: 5, comment: "" }, new Date("2026-10-28T02:00:00Z"));
    expect(!late.ok && late.error.reason).toBe("REVIEW_LINK_EXPIRED");
  });

  it("gives a bad review's rectification its working days by the rating, across the National Day holiday", () => {
    expect(rectificationDeadline(1, "2026-09-28", schedule, testRulesFile.followUps)).toEqual({ workingDays: 5, due: { date: "2026-10-10", provisional: false } }); // the make-up Saturday counts
    expect(rectificationDeadline(2, "2026-09-28", schedule, testRulesFile.followUps)).toEqual({ workingDays: 10, due: { date: "2026-10-16", provisional: false } });
  });

  it("closes a rectification only through a call-back after it was rectified; a dissatisfied call-back reopens it with a fresh deadline", () => {
    const early = callBack(open, { satisfied: true, note: "满意" }, now, () => ({ date: "x", provisional: false }));
    expect(!early.ok && early.error.reason).toBe("RECTIFICATION_STATE_CONFLICT");
    const done = rectify(open, "已约谈经办人并重新办理", now);
    expect(done.ok && done.value.status).toBe("rectified");
    if (!done.ok) return;
    expect(rectify(done.value, "again", now).ok).toBe(false);
    const reopened = callBack(done.value, { satisfied: false, note: "仍不满意" }, now, () => ({ date: "2026-10-20", provisional: false }));
    expect(reopened.ok && [reopened.value.status, reopened.value.dueOn, reopened.value.callBacks]).toEqual(["open", "2026-10-20", 1]);
    const closed = callBack({ ...done.value, callBacks: 1 }, { satisfied: true, note: "满意" }, now, () => ({ date: "x", provisional: false }));
    expect(closed.ok && [closed.value.status, closed.value.callBacks]).toEqual(["closed", 2]);
    const blank = rectify(open, "  ", now);
    expect(!blank.ok && blank.error.violations?.[0]?.field).toBe("summary");
  });

  it("keeps only a hash of the link's token", () => {
    const { token, hash } = newReviewToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashReviewToken(token));
    expect(hash).not.toContain(token);
  });
});
