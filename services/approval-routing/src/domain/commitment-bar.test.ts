import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, toDayNumber } from "@steward/calendar";
import { barAfterRevocation, barRefusal } from "./commitment-bar.js";
import { acceptItem } from "./item-commands.js";
import { contextOn, routedItem, seedRules } from "./test-items.js";

const item = { id: "00000000-0000-4000-8000-0000000000aa", region: "hanbin", itemCode: "STHJ-HPB", caseId: "00000000-0000-4000-8000-0000000000ca" };
const creditCode = "91610900MA70000010";

describe("the bar after a false commitment", () => {
  it("lasts the months of the rules data from the day after the revocation, through the same date (民法典 §201, §202)", () => {
    expect(seedRules.commitmentBar).toMatchObject({ months: 6, modes: ["commitment", "tolerant"] });
    const bar = barAfterRevocation(item, creditCode, "2026-03-20", "承诺内容与现场不符", seedRules);
    expect(bar).toMatchObject({ creditCode, originRegion: "hanbin", originItemId: item.id, itemCode: "STHJ-HPB", revokedOn: "2026-03-20", barredThrough: "2026-09-20", caseId: item.caseId });
    // A month without the day ends the period on its last day.
    expect(barAfterRevocation(item, creditCode, "2026-08-31", "", seedRules).barredThrough).toBe("2027-02-28");
  });

  it("refuses 告知承诺 and 容缺 while it runs, naming the revoked item and the day it ends; normal acceptance stays open", () => {
    const bar = barAfterRevocation(item, creditCode, "2026-03-20", "承诺内容与现场不符", seedRules);
    const commitment = barRefusal(bar, "commitment", "2026-03-20", seedRules);
    expect(commitment).toMatchObject({ code: "failed_precondition", reason: "COMMITMENT_BAR_ACTIVE", metadata: { revokedItemId: item.id, revokedOn: "2026-03-20", barredThrough: "2026-09-20" } });
    expect(commitment?.message).toMatch(/告知承诺 is refused.*through 2026-09-20.*STHJ-HPB.*revoked on 2026-03-20/);
    expect(barRefusal(bar, "tolerant", "2026-09-20", seedRules)?.message).toMatch(/^容缺受理 is refused/);
    expect(barRefusal(bar, "normal", "2026-04-01", seedRules)).toBeUndefined();
    expect(barRefusal(bar, "commitment", "2026-09-21", seedRules)).toBeUndefined();

    const accept = acceptItem(routedItem(), { mode: "commitment", missingMaterials: [], commitmentRef: "CN-2026-200" }, contextOn("2026-04-01"), bar);
    expect(!accept.ok && accept.error.reason).toBe("COMMITMENT_BAR_ACTIVE");
    expect(acceptItem(routedItem(), { mode: "normal", missingMaterials: [], commitmentRef: "" }, contextOn("2026-04-01"), bar).ok).toBe(true);
  });

  it("bars exactly the days from the revocation through the same date n months on, for any date and period", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: -40, max: 800 }), (offset, months, after) => {
        const rules = { ...seedRules, commitmentBar: { ...seedRules.commitmentBar, months } };
        const revokedOn = addDays("2024-01-01", offset);
        const bar = barAfterRevocation(item, creditCode, revokedOn, "", rules);
        const today = addDays(revokedOn, after);
        const refused = barRefusal(bar, "commitment", today, rules) !== undefined;
        expect(refused).toBe(today >= revokedOn && today <= addMonths(revokedOn, months));
        // n months after the revocation day are between 28n - 3 and 31n days.
        const length = toDayNumber(bar.barredThrough) - toDayNumber(revokedOn);
        expect(length >= 28 * months - 3 && length <= 31 * months).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
