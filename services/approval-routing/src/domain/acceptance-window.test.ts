import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addWorkingDays, deadlineFor } from "@steward/calendar";
import { acceptItem, deemAccepted, reassignItem, routeItem } from "./item-commands.js";
import { contextOn, officialSchedule, received, routedItem, seedRules, value } from "./test-items.js";

const normal = { mode: "normal" as const, missingMaterials: [], commitmentRef: "" };

describe("the acceptance window: receipt starts the clock", () => {
  it("opens on routing, 5 working days from the rules data", () => {
    expect(seedRules.acceptance.limit).toEqual({ value: 5, unit: "working_days" });
    const routed = value(routeItem(routedItem({ state: "planned", receipts: [] }), contextOn("2026-03-02"))).item;
    expect(routed).toMatchObject({ receivedOn: "2026-03-02", acceptanceDue: { date: "2026-03-09", provisional: false }, receipts: [{ on: "2026-03-02", whole: true, materials: [] }] });
    // An item handed to the city is received there, not here.
    const forwarded = value(routeItem(routedItem({ state: "planned", receipts: [] }), contextOn("2026-03-02"), "city")).item;
    expect(forwarded.receivedOn).toBeUndefined();
    expect(forwarded.acceptanceDue).toBeUndefined();
  });

  it("deems an item nobody accepted accepted from the day it was received, with its clocks from then", () => {
    const item = routedItem(received("2026-03-02", "2026-03-09"));
    const early = deemAccepted(item, contextOn("2026-03-09"));
    expect(!early.ok && early.error).toMatchObject({ code: "failed_precondition", reason: "ACCEPTANCE_WINDOW_OPEN" });

    const deemed = value(deemAccepted(item, contextOn("2026-03-10")));
    expect(deemed.steps.map((step) => `${step.action}:${step.from}->${step.to}`)).toEqual(["deem_accept:routed->accepted", "start_review:accepted->in_review"]);
    expect(deemed.steps[0]!.reason).toContain("accepted from 2026-03-02 (《行政许可法》第三十二条)");
    // Committed 10 working days from 03-02, not from 03-10: the yellow light is due 03-13, the red after 03-16.
    expect(deemed.item).toMatchObject({ state: "in_review", mode: "normal", deemedAccepted: true, acceptedOn: "2026-03-02", committedDue: { date: "2026-03-16" }, warnOn: "2026-03-13" });
  });

  it("runs a late acceptance's clocks from the day of receipt too", () => {
    const late = value(acceptItem(routedItem(received("2026-03-02", "2026-03-09")), normal, contextOn("2026-03-11")));
    expect(late.item).toMatchObject({ acceptedOn: "2026-03-02", deemedAccepted: false, committedDue: { date: "2026-03-16" } });
    expect(late.steps[0]!.details).toMatchObject({ acceptedFrom: "2026-03-02", acceptanceDueOn: "2026-03-09" });
  });

  it("gives a department the item is reassigned to its own receipt and window", () => {
    const deemed = value(deemAccepted(routedItem(received("2026-03-02", "2026-03-09")), contextOn("2026-03-10"))).item;
    const moved = value(reassignItem(deemed, "zj", "联席会议改派", contextOn("2026-03-20"))).item;
    expect(moved).toMatchObject({ state: "routed", receivedOn: "2026-03-20", acceptanceDue: { date: "2026-03-27" }, deemedAccepted: false, receipts: [{ on: "2026-03-20", whole: true }] });
  });

  it("never starts a clock after the window's last day, whenever the department acts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 340 }), fc.integer({ min: 0, max: 20 }), (offset, waited) => {
        const receivedOn = addDays("2026-01-02", offset);
        const due = addWorkingDays(receivedOn, 5, officialSchedule);
        const item = routedItem(received(receivedOn, due.date));
        const today = addDays(receivedOn, waited);
        const accepted = value(acceptItem(item, normal, contextOn(today))).item;
        // In time: from the acceptance; late: from the receipt, as the law deems it.
        expect(accepted.acceptedOn).toBe(today <= due.date ? today : receivedOn);
        const deemed = deemAccepted(item, contextOn(today));
        expect(deemed.ok).toBe(today > due.date);
        if (deemed.ok) expect(deemed.value.item.committedDue).toEqual(deadlineFor(item.committedLimit, receivedOn, officialSchedule));
      }),
      { numRuns: 300 },
    );
  });
});
