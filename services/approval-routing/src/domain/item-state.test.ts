import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedActions, finalStates, itemActions, itemStates, transition, type ItemState } from "./item-state.js";

describe("item transitions", () => {
  it("follows routed -> accepted -> in review -> approved", () => {
    let state: ItemState = "routed";
    for (const action of ["accept", "start_review", "approve"] as const) {
      const next = transition(state, action);
      if (!next.ok) throw new Error(next.error.message);
      state = next.value;
    }
    expect(state).toBe("approved");
  });

  it("runs 补正 as returned for correction -> resubmitted -> decided", () => {
    const returned = transition("in_review", "request_supplement");
    expect(returned.ok && returned.value).toBe("returned_for_correction");
    const resubmitted = transition("returned_for_correction", "record_supplement");
    expect(resubmitted.ok && resubmitted.value).toBe("resubmitted");
    const approved = transition("resubmitted", "approve");
    expect(approved.ok && approved.value).toBe("approved");
  });

  it("refuses an illegal action naming the state and the action", () => {
    const result = transition("routed", "approve");
    expect(!result.ok && result.error).toMatchObject({ code: "failed_precondition", message: "cannot approve an item that is routed" });
  });

  it("never reaches a state outside the machine and never leaves a final state but by revocation", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...itemActions), { maxLength: 40 }), (sequence) => {
        let state: ItemState = "planned";
        for (const action of sequence) {
          const before = state;
          const next = transition(state, action);
          if (next.ok) state = next.value;
          expect(itemStates).toContain(state);
          if (finalStates.has(before) && next.ok) expect([before, action]).toEqual(["approved", "revoke"]);
          expect(next.ok).toBe(allowedActions(before).includes(action));
        }
      }),
    );
  });

  it("can reach every state from planned", () => {
    const seen = new Set<ItemState>(["planned"]);
    const queue: ItemState[] = ["planned"];
    while (queue.length > 0) {
      const state = queue.shift()!;
      for (const action of allowedActions(state)) {
        const next = transition(state, action);
        if (next.ok && !seen.has(next.value)) {
          seen.add(next.value);
          queue.push(next.value);
        }
      }
    }
    expect([...seen].sort()).toEqual([...itemStates].sort());
  });
});
