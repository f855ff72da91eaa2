import { describe, expect, it } from "vitest";

import { isValidInvestmentCode } from "./investment-code.js";

describe("isValidInvestmentCode", () => {
  it("accepts the documented shape", () => {
    expect(isValidInvestmentCode("2023-610900-04-01-123456")).toBe(true);
    expect(isValidInvestmentCode("2019-610902-48-03-000001")).toBe(true);
  });

  it("accepts years 2000 to 2100 inclusive only", () => {
    expect(isValidInvestmentCode("2000-610900-04-01-123456")).toBe(true);
    expect(isValidInvestmentCode("2100-610900-04-01-123456")).toBe(true);
    expect(isValidInvestmentCode("1999-610900-04-01-123456")).toBe(false);
    expect(isValidInvestmentCode("2101-610900-04-01-123456")).toBe(false);
  });

  it("rejects wrong segment lengths", () => {
    expect(isValidInvestmentCode("23-610900-04-01-123456")).toBe(false);
    expect(isValidInvestmentCode("2023-61090-04-01-123456")).toBe(false);
    expect(isValidInvestmentCode("2023-6109000-04-01-123456")).toBe(false);
    expect(isValidInvestmentCode("2023-610900-4-01-123456")).toBe(false);
    expect(isValidInvestmentCode("2023-610900-04-1-123456")).toBe(false);
    expect(isValidInvestmentCode("2023-610900-04-01-12345")).toBe(false);
    expect(isValidInvestmentCode("2023-610900-04-01-1234567")).toBe(false);
  });

  it("rejects other separators, letters, whitespace and full-width digits", () => {
    expect(isValidInvestmentCode("")).toBe(false);
    expect(isValidInvestmentCode("202361090004011234567")).toBe(false);
    expect(isValidInvestmentCode("2023_610900_04_01_123456")).toBe(false);
    expect(isValidInvestmentCode("2023－610900－04－01－123456")).toBe(false);
    expect(isValidInvestmentCode("2023-61090A-04-01-123456")).toBe(false);
    expect(isValidInvestmentCode(" 2023-610900-04-01-123456")).toBe(false);
    expect(isValidInvestmentCode("2023-610900-04-01-123456\n")).toBe(false);
    expect(isValidInvestmentCode("２０２３-610900-04-01-123456")).toBe(false);
  });
});
