import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  describeCreditCodeProblem,
  isValidCreditCode,
} from "./credit-code.js";

const ALPHABET = [...CREDIT_CODE_ALPHABET];
const DIGITS = [..."0123456789"];
const LETTERS = ALPHABET.filter((ch) => !DIGITS.includes(ch));

const alphabetChars = (length: number) =>
  fc.array(fc.constantFrom(...ALPHABET), { minLength: length, maxLength: length }).map((chars) => chars.join(""));
const digitChars = (length: number) =>
  fc.array(fc.constantFrom(...DIGITS), { minLength: length, maxLength: length }).map((chars) => chars.join(""));

// Positions 3-8 are the administrative division code, which must be digits.
const first17 = fc
  .tuple(alphabetChars(2), digitChars(6), alphabetChars(9))
  .map(([authorityAndType, division, organisation]) => authorityAndType + division + organisation);

const validCode = first17.map((body) => body + (creditCodeCheckCharacter(body) ?? "?"));

// Real codes of well-known companies, as printed on their business licences, plus the example
// from the brief; each matches its published check character.
const KNOWN_VALID = [
  "914403001922038216", // Huawei Technologies Co., Ltd.
  "91440300708461136T", // Shenzhen Tencent Computer Systems Co., Ltd.
  "91330100799655058B", // Alibaba (China) Co., Ltd.
  "91110000802100433B", // Beijing Baidu Netcom Science and Technology Co., Ltd.
  "91110108551385082Q", // Xiaomi Technology Co., Ltd.
  "9144030071526726XG", // Ping An Insurance (Group) Company of China, Ltd.
  "91350100M000100Y43",
];

describe("creditCodeCheckCharacter", () => {
  it("maps a remainder of 0 (31 - 0 = 31) to '0'", () => {
    expect(creditCodeCheckCharacter("00000000000000000")).toBe("0");
  });

  it("reproduces the check character of known codes", () => {
    for (const code of KNOWN_VALID) {
      expect(creditCodeCheckCharacter(code.slice(0, 17)), code).toBe(code.slice(17));
    }
  });

  it("rejects inputs that are not 17 alphabet characters", () => {
    expect(creditCodeCheckCharacter("")).toBeUndefined();
    expect(creditCodeCheckCharacter("9144030019220382")).toBeUndefined();
    expect(creditCodeCheckCharacter("914403001922038216")).toBeUndefined();
    expect(creditCodeCheckCharacter("9144030019220382I")).toBeUndefined();
    expect(creditCodeCheckCharacter("91440300708461136t".slice(0, 16) + "a")).toBeUndefined();
  });

  it("always yields an alphabet character for 17 alphabet characters", () => {
    fc.assert(
      fc.property(alphabetChars(17), (body) => {
        const check = creditCodeCheckCharacter(body);
        expect(check).toHaveLength(1);
        expect(CREDIT_CODE_ALPHABET).toContain(check);
      }),
    );
  });
});

describe("isValidCreditCode", () => {
  it("accepts known valid codes", () => {
    for (const code of KNOWN_VALID) {
      expect(isValidCreditCode(code), code).toBe(true);
      expect(describeCreditCodeProblem(code), code).toBeUndefined();
    }
  });

  it("accepts any 17 well-formed characters followed by their check character", () => {
    fc.assert(fc.property(validCode, (code) => isValidCreditCode(code)));
  });

  it("rejects any single-character substitution within the alphabet", () => {
    fc.assert(
      fc.property(validCode, fc.nat({ max: 17 }), fc.constantFrom(...ALPHABET), (code, index, replacement) => {
        fc.pre(code.charAt(index) !== replacement);
        const mutated = code.slice(0, index) + replacement + code.slice(index + 1);
        expect(isValidCreditCode(mutated)).toBe(false);
        expect(describeCreditCodeProblem(mutated)).toBeDefined();
      }),
    );
  });

  it("rejects lowercase letters instead of normalising them", () => {
    fc.assert(
      fc.property(validCode, (code) => {
        fc.pre(/[A-Z]/.test(code));
        expect(isValidCreditCode(code.toLowerCase())).toBe(false);
      }),
    );
    expect(isValidCreditCode("91440300708461136t")).toBe(false);
    expect(isValidCreditCode("91350100m000100y43")).toBe(false);
  });

  it("rejects any length other than 18", () => {
    fc.assert(
      fc.property(validCode, fc.nat({ max: 40 }), (code, length) => {
        fc.pre(length !== 18);
        const resized = length < 18 ? code.slice(0, length) : code + code.slice(0, length - 18);
        expect(isValidCreditCode(resized)).toBe(false);
        expect(describeCreditCodeProblem(resized)).toMatch(/exactly 18 characters/);
      }),
    );
  });

  it("does not trim surrounding whitespace", () => {
    expect(isValidCreditCode(" 914403001922038216")).toBe(false);
    expect(isValidCreditCode("914403001922038216 ")).toBe(false);
    expect(isValidCreditCode("914403001922038216\n")).toBe(false);
  });
});

describe("describeCreditCodeProblem", () => {
  it("reports the length", () => {
    expect(describeCreditCodeProblem("")).toBe("must be exactly 18 characters, got 0");
    expect(describeCreditCodeProblem("91440300192203821")).toBe("must be exactly 18 characters, got 17");
  });

  it("reports the 1-based position of an excluded letter", () => {
    for (const excluded of ["I", "O", "Z", "S", "V"]) {
      const code = `91440300${excluded}922038216`;
      expect(describeCreditCodeProblem(code)).toMatch(/^illegal character "[IOZSV]" at position 9;/);
    }
    expect(describeCreditCodeProblem("9144030019220382I6")).toMatch(/at position 17;/);
    expect(describeCreditCodeProblem("914403001922038216".slice(0, 17) + "-")).toMatch(/at position 18;/);
  });

  it("reports a non-digit in the administrative division code", () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 2, max: 7 }), fc.constantFrom(...LETTERS), (code, index, letter) => {
        const mutated = code.slice(0, index) + letter + code.slice(index + 1);
        expect(describeCreditCodeProblem(mutated)).toMatch(
          new RegExp(`^illegal character "${letter}" at position ${index + 1};.*must be digits$`),
        );
      }),
    );
  });

  it("reports a wrong check character with the expected one", () => {
    expect(describeCreditCodeProblem("914403001922038217")).toBe(
      'wrong check character at position 18: expected "6", got "7"',
    );
  });

  it("reports the first problem only when there are several", () => {
    expect(describeCreditCodeProblem("I14403001922038217")).toMatch(/^illegal character "I" at position 1;/);
  });
});
