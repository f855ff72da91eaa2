import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { doneStates, transition, type ItemAction, type ItemState } from "./item-state.js";

const actions: ItemAction[] = ["route", "accept", "approve", "reject"];

describe("item transitions", () => {
  it("follows routed -> accepted -> approved", () => {
    const accepted = transition("routed", "accept");
    expect(accepted.ok && accepted.value).toBe("accepted");
    const approved = transition("accepted", "approve");
    expect(approved.ok && approved.value).toBe("approved");
  });

  it("refuses an illegal action naming the state and the action", () => {
    const result = transition("routed", "approve");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: "failed_precondition", message: "cannot approve an item that is routed" });
  });

  it("never leaves a final state, whatever actions follow", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 20 }), (sequence) => {
        let state: ItemState = "planned";
        let reachedDone = false;
        for (const action of sequence) {
          const next = transition(state, action);
          if (reachedDone) expect(next.ok).toBe(false);
          if (next.ok) state = next.value;
          if (doneStates.has(state)) reachedDone = true;
        }
      }),
    );
  });
});
