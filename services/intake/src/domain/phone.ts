/**
 * Mainland China mobile numbers: 11 ASCII digits, `1` then `3`-`9`.
 *
 * No country code, spaces or hyphens are accepted; the registration form collects the bare
 * number and we do not normalise silently.
 */

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/**
 * Whether `phone` is a mainland China mobile number (e.g. `13812345678`).
 *
 * @param phone the number exactly as entered
 */
export function isValidMobilePhone(phone: string): boolean {
  return MOBILE_PATTERN.test(phone);
}

/**
 * Masks a mobile number for display, keeping the first 3 and last 4 digits: `138****5678`.
 *
 * Anything that is not a valid mobile number is fully masked (same length, all `*`), because
 * guessing where the sensitive part of a malformed value is could leak it.
 *
 * @param phone the number as stored
 */
export function maskPhone(phone: string): string {
  if (!isValidMobilePhone(phone)) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(7)}`;
}
