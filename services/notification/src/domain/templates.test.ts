import { describe, expect, it } from "vitest";
import { composeDigest } from "./digest.js";
import { render, templateVariables } from "./templates.js";
import { testTemplates } from "./test-rules.js";

describe("templates", () => {
  it("names its variables across title, body and SMS text", () => {
    expect([...templateVariables(testTemplates.templates["supplement.enterprise"]!)].sort()).toEqual(["itemName", "materials", "projectName"]);
  });

  it("writes lists with 、, coded values and flags by their labels, instants in Beijing time, and signs SMS once", () => {
    const set = { ...testTemplates, templates: { t: { title: "{mode}", body: "{materials}；{noApplication}；{due}；{other}", sms: "【项目管家】{mode}" } } };
    const message = render(set, "t", { mode: "tolerant", materials: ["甲", "乙"], noApplication: true, due: new Date("2026-03-02T14:05:00Z"), other: false });
    expect(message).toEqual({ title: "容缺受理", body: "甲、乙；免申即享；2026-03-02 22:05；否", sms: "【项目管家】容缺受理" });
    expect(render(testTemplates, "red.department", { itemName: "项", committedDueOn: "2026-03-01" }).sms).toBe("【项目管家】红灯：项：承诺时限 2026-03-01");
  });

  it("gathers held notices into one digest, every one in the e-mail and the first three in the SMS", () => {
    const items = ["一", "二", "三", "四"].map((n) => ({ title: `通知${n}`, body: `正文${n}` }));
    const digest = composeDigest(items, testTemplates);
    expect(digest.title).toBe("通知汇总（4 条）");
    expect(digest.body).toContain("4. 通知四\n正文四");
    expect(digest.sms).toBe("【项目管家】您有4条通知：1.通知一；2.通知二；3.通知三 等 4 条");
  });
});
