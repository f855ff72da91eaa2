import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { isValidMobilePhone, maskPhone } from "./phone.js";

const validMobile = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join("")}`);

describe("isValidMobilePhone", () => {
  it("accepts 11 digits starting with 13-19", () => {
    for (const phone of ["13812345678", "15000000000", "16612345678", "19912345678"]) {
      expect(isValidMobilePhone(phone), phone).toBe(true);
    }
    fc.assert(fc.property(validMobile, isValidMobilePhone));
  });

  it("rejects wrong prefixes and lengths", () => {
    for (const phone of ["10812345678", "11812345678", "12812345678", "23812345678", "1381234567", "138123456789", ""]) {
      expect(isValidMobilePhone(phone), phone).toBe(false);
    }
  });

  it("rejects formatting it would have to normalise", () => {
    for (const phone of ["+8613812345678", "8613812345678", "138 1234 5678", "138-1234-5678", " 13812345678", "13812345678\n", "１３８１２３４５６７８"]) {
      expect(isValidMobilePhone(phone), phone).toBe(false);
    }
  });
});

describe("maskPhone", () => {
  it("keeps the first 3 and last 4 digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    fc.assert(
      fc.property(validMobile, (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(11);
        expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      }),
    );
  });

  it("fully masks anything that is not a valid mobile number", () => {
    expect(maskPhone("+8613812345678")).toBe("**************");
    expect(maskPhone("12345")).toBe("*****");
    expect(maskPhone("")).toBe("");
    fc.assert(
      fc.property(fc.string(), (value) => {
        fc.pre(!isValidMobilePhone(value));
        expect(maskPhone(value)).toBe("*".repeat(value.length));
      }),
    );
  });
});
