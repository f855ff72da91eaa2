import { describe, expect, it } from "vitest";

import { MAX_INVESTMENT_WAN_YUAN, validateProjectRegistration } from "./project-registration.js";

const valid = {
  name: "安康富硒食品产业园二期",
  enterpriseName: "安康市示例食品有限公司",
  creditCode: "914403001922038216",
  investmentCode: "2023-610900-04-01-123456",
  investmentWanYuan: "52000",
  industryChain: "富硒食品",
  contactName: "张三",
  contactPhone: "13812345678",
};

function violationsOf(input: unknown) {
  const result = validateProjectRegistration(input);
  if (result.ok) throw new Error(`expected violations, got ${JSON.stringify(result.value)}`);
  return result.violations;
}

function fieldsOf(input: unknown): string[] {
  return violationsOf(input).map((violation) => violation.field);
}

describe("validateProjectRegistration", () => {
  it("accepts a complete registration unchanged", () => {
    expect(validateProjectRegistration(valid)).toEqual({ ok: true, value: valid });
  });

  it("accepts a registration without the optional fields", () => {
    const { investmentCode: _code, industryChain: _chain, ...minimal } = valid;
    expect(validateProjectRegistration(minimal)).toEqual({ ok: true, value: minimal });
  });

  it("treats an empty investment code as not yet issued", () => {
    const result = validateProjectRegistration({ ...valid, investmentCode: "" });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.investmentCode).toBeUndefined();
  });

  it("trims free-text fields", () => {
    const result = validateProjectRegistration({
      ...valid,
      name: "  安康富硒食品产业园二期\t",
      enterpriseName: " 安康市示例食品有限公司 ",
      industryChain: " 富硒食品 ",
      contactName: "\u3000张三 ", // ideographic space, as typed with a Chinese IME
    });
    expect(result).toEqual({ ok: true, value: valid });
  });

  it("strips unknown keys", () => {
    expect(validateProjectRegistration({ ...valid, status: "approved" })).toEqual({ ok: true, value: valid });
  });

  it("accepts the investment bounds, and whole numbers as well as decimal strings, kept exact", () => {
    expect(validateProjectRegistration({ ...valid, investmentWanYuan: 0 }).ok).toBe(true);
    expect(validateProjectRegistration({ ...valid, investmentWanYuan: MAX_INVESTMENT_WAN_YUAN }).ok).toBe(true);
    const exact = validateProjectRegistration({ ...valid, investmentWanYuan: "52000.1000" });
    expect(exact.ok && exact.value.investmentWanYuan).toBe("52000.1");
    const whole = validateProjectRegistration({ ...valid, investmentWanYuan: 52_000 });
    expect(whole.ok && whole.value.investmentWanYuan).toBe("52000");
  });

  it("counts characters as code points", () => {
    // U+20BB7 is one character but two UTF-16 units.
    expect(validateProjectRegistration({ ...valid, contactName: "𠮷".repeat(50) }).ok).toBe(true);
    expect(fieldsOf({ ...valid, contactName: "𠮷".repeat(51) })).toEqual(["contactName"]);
  });

  it.each([
    ["name", ""],
    ["name", "   "],
    ["name", "x".repeat(201)],
    ["name", 42],
    ["enterpriseName", ""],
    ["enterpriseName", "x".repeat(201)],
    ["creditCode", "91440300192203821"],
    ["creditCode", "914403001922038217"],
    ["creditCode", "91440300708461136t"],
    ["creditCode", " 914403001922038216"],
    ["investmentCode", "2023-610900-04-01"],
    ["investmentCode", "1999-610900-04-01-123456"],
    ["investmentCode", null],
    ["investmentWanYuan", -1],
    ["investmentWanYuan", 1.5],
    ["investmentWanYuan", "1.23456"],
    ["investmentWanYuan", "01"],
    ["investmentWanYuan", MAX_INVESTMENT_WAN_YUAN + 1],
    ["investmentWanYuan", "-100"],
    ["investmentWanYuan", Number.NaN],
    ["investmentWanYuan", Number.POSITIVE_INFINITY],
    ["industryChain", "x".repeat(51)],
    ["industryChain", 7],
    ["contactName", ""],
    ["contactName", "x".repeat(51)],
    ["contactPhone", "12812345678"],
    ["contactPhone", "+8613812345678"],
    ["contactPhone", 13812345678],
  ])("names %s when it is %j", (field, value) => {
    const violations = violationsOf({ ...valid, [field]: value });
    expect(violations.map((violation) => violation.field)).toEqual([field]);
    expect(violations[0]?.description).toMatch(/\S/);
  });

  it.each(["name", "enterpriseName", "creditCode", "investmentWanYuan", "contactName", "contactPhone"])(
    "reports a missing %s as required",
    (field) => {
      const { [field as keyof typeof valid]: _omitted, ...rest } = valid;
      expect(violationsOf(rest)).toEqual([{ field, description: "is required" }]);
    },
  );

  it("explains credit code problems with the credit code rules", () => {
    expect(violationsOf({ ...valid, creditCode: "914403001922038217" })).toEqual([
      { field: "creditCode", description: 'wrong check character at position 18: expected "6", got "7"' },
    ]);
    expect(violationsOf({ ...valid, creditCode: "91440300I922038216" })[0]?.description).toMatch(
      /illegal character "I" at position 9/,
    );
  });

  it("reports every bad field at once", () => {
    const fields = fieldsOf({
      name: "",
      enterpriseName: "x".repeat(201),
      creditCode: "bad",
      investmentCode: "bad",
      investmentWanYuan: -5,
      industryChain: "x".repeat(51),
      contactName: "",
      contactPhone: "123",
    });
    expect(fields.sort()).toEqual(
      [
        "contactName",
        "contactPhone",
        "creditCode",
        "enterpriseName",
        "industryChain",
        "investmentCode",
        "investmentWanYuan",
        "name",
      ].sort(),
    );
  });

  it.each([null, undefined, "string", 42, []])("rejects a non-object command %j at the root", (input) => {
    const violations = violationsOf(input);
    expect(violations).toHaveLength(1);
    expect(violations[0]?.field).toBe("");
  });
});
