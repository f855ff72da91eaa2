import { describe, expect, it } from "vitest";
import { render } from "./templates.js";
import { retryDelayMs } from "./delivery.js";

describe("templates", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    const message = render({ title: "办结", body: "项目“{projectName}”{itemCount} 项，{missing}" }, { projectName: "安康新材料", itemCount: 2 });
    expect(message.body).toBe("项目“安康新材料”2 项，{missing}");
  });

  it("backs off exponentially up to five minutes", () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([1000, 2000, 4000]);
    expect(retryDelayMs(30)).toBe(300_000);
  });
});
