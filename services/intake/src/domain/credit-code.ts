/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015.
 *
 * Layout (1-based positions):
 * - 1: registration authority code
 * - 2: entity type code
 * - 3-8: administrative division code (GB/T 2260, digits only)
 * - 9-17: organisation code body
 * - 18: check character over positions 1-17
 *
 * Input is never normalised (no trimming, no upper-casing): the code is a legal identifier and
 * callers must store exactly what was validated.
 */

/** The 31 characters allowed in a credit code; I, O, Z, S and V are excluded as look-alikes. */
export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Total length of a credit code, check character included. */
export const CREDIT_CODE_LENGTH = 18;

// Weights are 3^i mod 31, as published in GB 32100-2015; all are non-zero mod the prime 31,
// which is why any single-character substitution changes the check character.
const WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const MODULUS = CREDIT_CODE_ALPHABET.length;

// 0-based index range of the administrative division code, which the standard restricts to digits.
const DIVISION_START = 2;
const DIVISION_END = 8;

function alphabetValue(ch: string): number {
  return CREDIT_CODE_ALPHABET.indexOf(ch);
}

function isDigit(ch: string): boolean {
  return ch >= "0" && ch <= "9";
}

/**
 * Computes the check character (position 18) for the first 17 characters of a credit code.
 *
 * Only alphabet membership is checked here, not the digit-only division code, so that this stays
 * a pure checksum function.
 *
 * @param first17 exactly 17 characters from {@link CREDIT_CODE_ALPHABET}
 * @returns the check character, or `undefined` if the input has the wrong length or contains a
 *   character outside the alphabet
 */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== WEIGHTS.length) return undefined;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const value = alphabetValue(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  // The standard says "31 - (sum mod 31), and 31 maps to '0'", which is the same as this.
  return CREDIT_CODE_ALPHABET.charAt((MODULUS - (sum % MODULUS)) % MODULUS);
}

/**
 * Explains why a credit code is invalid, in English, for API error details.
 *
 * Problems are reported in this order: wrong length, first illegal character (1-based position),
 * wrong check character.
 *
 * @param code the code exactly as entered
 * @returns a human-readable reason, or `undefined` when the code is valid
 */
export function describeCreditCodeProblem(code: string): string | undefined {
  if (code.length !== CREDIT_CODE_LENGTH) {
    return `must be exactly ${CREDIT_CODE_LENGTH} characters, got ${code.length}`;
  }
  for (let i = 0; i < CREDIT_CODE_LENGTH; i++) {
    const ch = code.charAt(i);
    if (alphabetValue(ch) < 0) {
      return `illegal character ${JSON.stringify(ch)} at position ${i + 1}; allowed are digits and uppercase letters except I, O, Z, S, V`;
    }
    if (i >= DIVISION_START && i < DIVISION_END && !isDigit(ch)) {
      return `illegal character ${JSON.stringify(ch)} at position ${i + 1}; positions ${DIVISION_START + 1}-${DIVISION_END} (administrative division code) must be digits`;
    }
  }
  const expected = creditCodeCheckCharacter(code.slice(0, CREDIT_CODE_LENGTH - 1));
  const actual = code.charAt(CREDIT_CODE_LENGTH - 1);
  if (actual !== expected) {
    return `wrong check character at position ${CREDIT_CODE_LENGTH}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  }
  return undefined;
}

/**
 * Whether `code` is a well-formed Unified Social Credit Code with a correct check character.
 *
 * This does not prove the code was ever issued; only the registration authority can confirm that.
 *
 * @param code the code exactly as entered (lowercase or surrounding whitespace is invalid)
 */
export function isValidCreditCode(code: string): boolean {
  return describeCreditCodeProblem(code) === undefined;
}
