import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { completionNotice, noticeTemplates, reopeningNotice } from "./case-notices.js";
import { render, type Templates } from "./templates.js";

const templates = JSON.parse(readFileSync(new URL("../../templates/zh-CN.json", import.meta.url), "utf8")) as Templates;
const fill = (notice: ReturnType<typeof completionNotice>) => render(templates[notice.template]!, notice.values);

describe("case notices", () => {
  it("has a zh-CN template for every notice, each filled without a placeholder left", () => {
    for (const name of noticeTemplates) expect(templates[name], name).toBeDefined();
    const notices = [
      completionNotice({ projectName: "安康新材料生产线", itemCount: 2, completion: 1 }),
      completionNotice({ projectName: "安康新材料生产线", itemCount: 3, completion: 2 }),
      reopeningNotice({ projectName: "安康新材料生产线", reason: "approval of STHJ-HPB revoked: 承诺内容与现场不符" }),
    ];
    for (const notice of notices) expect(JSON.stringify(fill(notice))).not.toMatch(/\{\w+\}/);
  });

  it("announces a completion after a reopening as a completion again, not a second 全部办结", () => {
    expect(completionNotice({ projectName: "项目", itemCount: 2, completion: 1 }).template).toBe("case-completed");
    // Events recorded before completions were numbered carry 0.
    expect(completionNotice({ projectName: "项目", itemCount: 2, completion: 0 }).template).toBe("case-completed");
    const again = fill(completionNotice({ projectName: "项目", itemCount: 3, completion: 2 }));
    expect(again.title).not.toBe(templates["case-completed"]!.title);
    expect(again.body).toContain("第 2 次办结");
  });

  it("tells the steward that a completed case is open again, and why", () => {
    const notice = fill(reopeningNotice({ projectName: "安康富硒食品深加工产业园项目", reason: "approval of STHJ-HPB revoked: 承诺内容与现场不符" }));
    expect(notice.title).toBe("已办结项目重新打开");
    expect(notice.body).toContain("安康富硒食品深加工产业园项目");
    expect(notice.body).toContain("承诺内容与现场不符");
  });
});
