import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkText } from "./index.js";

const line = { maxLength: 10, prose: false };
const prose = { maxLength: 10, prose: true };

describe("the text rule", () => {
  // Issue 8: NUL answered INTERNAL (Postgres refuses the byte); ESC, BEL and DEL were stored.
  it("refuses C0 and C1 control characters, DEL, and newlines and tabs in one-line text, naming each", () => {
    for (const [value, named] of [
      ["a\u0000b", "U+0000 (character 2)"],
      ["\u001b[31m", "U+001B (character 1)"],
      ["ring\u0007", "U+0007 (character 5)"],
      ["del\u007f", "U+007F (character 4)"],
      ["c1\u0085", "U+0085 (character 3)"],
      ["a\nb", "U+000A (character 2)"],
      ["a\tb", "U+0009 (character 2)"],
      ["a\rb", "U+000D (character 2)"],
      ["\u2028", "U+2028 (character 1)"],
    ] as const) {
      expect(checkText(value, line), JSON.stringify(value)).toEqual({ ok: false, problem: `must not hold the control or formatting character ${named}` });
    }
  });

  it("lets prose hold line feeds and tabs, nothing else of the kind", () => {
    expect(checkText("一、材料\n\t二、图纸", { maxLength: 100, prose: true })).toEqual({ ok: true, value: "一、材料\n\t二、图纸" });
    // A Windows line break is a line break; a carriage return alone is not text.
    expect(checkText("a\r\nb", prose)).toEqual({ ok: true, value: "a\nb" });
    expect(checkText("a\rb", prose)).toMatchObject({ ok: false, problem: expect.stringMatching(/U\+000D.*only line feeds and tabs/) });
    expect(checkText("a\u0000", prose).ok).toBe(false);
  });

  it("refuses bidirectional overrides that make text read differently from what it holds", () => {
    expect(checkText("abc\u202Eexe.pdf", { maxLength: 20, prose: false })).toMatchObject({ ok: false, problem: expect.stringContaining("U+202E") });
    expect(checkText("\u2066x\u2069", line).ok).toBe(false);
  });

  // Issue 8: invalid UTF-8 was silently replaced by U+FFFD and stored.
  it("refuses U+FFFD, the mark of a broken UTF-8 decode, and lone surrogates", () => {
    const decoded = new TextDecoder().decode(Buffer.from([0x61, 0xff, 0x62]));
    expect(checkText(decoded, line)).toEqual({ ok: false, problem: "holds U+FFFD at character 2: the text was not valid UTF-8" });
    expect(checkText("a\uD800", line)).toMatchObject({ ok: false, problem: expect.stringMatching(/lone surrogate/) });
    expect(checkText("\uDC00a", line).ok).toBe(false);
    expect(checkText("𠮷", line)).toEqual({ ok: true, value: "𠮷" });
  });

  it("stores NFC and counts length in code points after it", () => {
    expect(checkText("Cafe\u0301", line)).toEqual({ ok: true, value: "Café" });
    // Ten characters outside the BMP are ten characters, not twenty UTF-16 units.
    expect(checkText("𠮷".repeat(10), line).ok).toBe(true);
    expect(checkText("𠮷".repeat(11), line)).toEqual({ ok: false, problem: "must be at most 10 characters" });
    // Decomposed text that composes within the limit passes.
    expect(checkText("e\u0301".repeat(10), line)).toEqual({ ok: true, value: "é".repeat(10) });
    // Issue 8: 1 MiB in a name.
    expect(checkText("x".repeat(1 << 20), { maxLength: 200, prose: false })).toEqual({ ok: false, problem: "must be at most 200 characters" });
  });

  it("never lets through what it refuses, whatever the string", () => {
    const forbidden = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFD]/u;
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.boolean(), (value, isProse) => {
        const result = checkText(value, { maxLength: 30, prose: isProse });
        if (!result.ok) return;
        expect(result.value).toBe(result.value.normalize("NFC"));
        expect(forbidden.test(result.value)).toBe(false);
        if (!isProse) expect(/[\n\t]/.test(result.value)).toBe(false);
        expect([...result.value].length).toBeLessThanOrEqual(30);
        expect(Buffer.from(result.value).toString()).toBe(result.value); // well-formed: survives UTF-8
      }),
      { numRuns: 2000 },
    );
  });
});
