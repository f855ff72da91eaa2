/** The text rule of one field (steward.options.v1.TextRule). */
export interface TextRule {
  /** The longest value, in code points after NFC normalisation. */
  maxLength: number;
  /** Prose may also hold line feeds and tabs (a CR LF pair is taken as a line feed). */
  prose: boolean;
}

export type TextCheck = { ok: true; value: string } | { ok: false; problem: string };

// C0 and C1 control characters (and DEL), line and paragraph separators, the bidirectional
// embedding, override and isolate controls that can make stored text read differently from what
// it holds (CVE-2021-42574), and U+FFFD, which is what a broken UTF-8 encoding decodes to.
const forbiddenInLine = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFD]/u;
const forbiddenInProse = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFD]/u;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/**
 * Holds one value to the text rule: the value in NFC (prose with line feeds for CR LF), or why
 * it is refused. Every refusal names the character and its position (in code points), so the
 * sender can find it.
 */
export function checkText(value: string, rule: TextRule): TextCheck {
  // NFC composes at most three code points into one (Hangul jamo) and a code point takes at most
  // two UTF-16 units: past six units a character, no normalisation brings the value in bounds.
  if (value.length > 6 * rule.maxLength) return tooLong(rule);
  if (rule.prose) value = value.replace(/\r\n/g, "\n");
  if (loneSurrogate.test(value)) return { ok: false, problem: "is not well-formed Unicode (it holds a lone surrogate)" };
  const forbidden = (rule.prose ? forbiddenInProse : forbiddenInLine).exec(value);
  if (forbidden) {
    const at = codePointLength(value.slice(0, forbidden.index)) + 1;
    const character = forbidden[0];
    if (character === "\uFFFD") return { ok: false, problem: `holds U+FFFD at character ${at}: the text was not valid UTF-8` };
    const allowed = rule.prose ? "; only line feeds and tabs are allowed" : "";
    return { ok: false, problem: `must not hold the control or formatting character ${codePoint(character)} (character ${at})${allowed}` };
  }
  const normalized = value.normalize("NFC");
  if (normalized.length > rule.maxLength && codePointLength(normalized) > rule.maxLength) return tooLong(rule);
  return { ok: true, value: normalized };
}

const tooLong = (rule: TextRule): TextCheck => ({ ok: false, problem: `must be at most ${rule.maxLength} characters` });
