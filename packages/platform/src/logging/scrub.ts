/**
 * Personal data that can slip into free text (an error message quoting input, a stack trace):
 * mainland mobile numbers and resident ID-card numbers. Unified social credit codes identify
 * organisations, not people, and are kept.
 */
// Bounded by letters too, like ID numbers: a run of digits inside a hex trace or span id is not a phone number.
const mobile = /(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])/g;
const idCard = /(?<![0-9A-Za-z])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])/g;

function scrubText(text: string): string {
  return text.replace(idCard, "[id-number]").replace(mobile, "[phone]");
}

export function scrubPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    // A scrubbed copy of the same class, so pino's error serializer still names its type
    // (TypeError, PostgresError) and keeps its own fields (code, severity) and cause.
    const copy = Object.create(Object.getPrototypeOf(value) as object) as Error & Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) copy[key] = scrubPersonalData(item, depth + 1);
    copy.message = scrubText(value.message);
    copy.stack = value.stack ? scrubText(value.stack) : undefined;
    if (value.cause !== undefined) copy.cause = scrubPersonalData(value.cause, depth + 1);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => scrubPersonalData(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrubPersonalData(item, depth + 1);
  return out;
}
