import { describe, expect, it } from "vitest";
import { acceptItem, extendItem, markVerificationOverdue, recordVerification, warnVerification } from "./item-commands.js";
import { contextOn, routedItem, value } from "./test-items.js";

/** Approved on commitment Monday 2026-03-02: verification due 20 working days later, 03-30. */
const approved = () => value(acceptItem(routedItem(), { mode: "commitment", missingMaterials: [], commitmentRef: "CN-2026-031" }, contextOn("2026-03-02"))).item;

describe("the post-approval verification (审后核查) has its own lights", () => {
  it("warns one working day before the due date and turns red the day after it, each once", () => {
    const item = approved();
    expect(item).toMatchObject({ verificationDue: { date: "2026-03-30" }, verificationWarnOn: "2026-03-27" });

    expect(warnVerification(item, contextOn("2026-03-26")).ok).toBe(false);
    const warned = value(warnVerification(item, contextOn("2026-03-27")));
    expect(warned.steps).toEqual([{ action: "verification_warned", from: "approved", to: "approved", details: { verificationDueOn: "2026-03-30", commitmentRef: "CN-2026-031" } }]);
    expect(warnVerification(warned.item, contextOn("2026-03-28")).ok).toBe(false);

    expect(markVerificationOverdue(warned.item, contextOn("2026-03-30")).ok).toBe(false); // the due day itself is in time
    const red = value(markVerificationOverdue(warned.item, contextOn("2026-03-31")));
    expect(red.steps[0]).toMatchObject({ action: "verification_overdue", details: { verificationDueOn: "2026-03-30" } });
    expect(markVerificationOverdue(red.item, contextOn("2026-04-01")).ok).toBe(false);
  });

  it("gives no light once the verification is recorded", () => {
    const verified = value(recordVerification(approved(), { commitmentTrue: true, reason: "" }, contextOn("2026-03-20"))).item;
    expect(warnVerification(verified, contextOn("2026-03-27")).ok).toBe(false);
    expect(markVerificationOverdue(verified, contextOn("2026-04-01")).ok).toBe(false);
  });

  it("lets the joint meeting extend the verification, the lights re-armed for the new date", () => {
    const red = value(markVerificationOverdue(value(warnVerification(approved(), contextOn("2026-03-27"))).item, contextOn("2026-03-31"))).item;
    const extended = value(extendItem(red, 5, "核查需现场检测", contextOn("2026-04-01")));
    expect(extended.item).toMatchObject({ state: "approved", verificationDue: { date: "2026-04-07" }, verificationWarnOn: "2026-04-03" });
    expect(extended.item.verificationWarnedAt).toBeUndefined();
    expect(extended.item.verificationOverdueAt).toBeUndefined();
    expect(extended.steps[0]).toMatchObject({ action: "extend", details: { workingDays: 5, verificationDueOn: "2026-04-07" } });
  });
});
