import { randomUUID } from "node:crypto";
import fc from "fast-check";

/**
 * What the fuzzer knows of the running platform (real ids, tokens and cursors it was handed while
 * seeding), so that generated requests reach past "not found" into the handlers.
 */
export interface Known {
  /** Real values by request field name (item_id, case_id, page_token, cursor, item_code, ...). */
  byField: Map<string, string[]>;
  /** Every real UUID, for id fields the seed did not name. */
  ids: string[];
}

/** The characters the text rule refuses, and the tricks that get past careless checks. */
const hostileCharacters = [
  "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\r", "\u001B", "\u001F", "\u007F", "\u0080", "\u0085", "\u009F",
  "\u2028", "\u2029", "\u202A", "\u202E", "\u2066", "\u2069", "\uFFFD", "\uFEFF", "\u200B", "\n", "\t",
];

/** Raw byte sequences that are not UTF-8: a lone continuation byte, an overlong NUL, a CESU surrogate, a cut sequence, 0xFF. */
const invalidUtf8 = [[0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe6, 0x9c], [0xff], [0xf4, 0x90, 0x80, 0x80], [0xfe, 0xfe]];

const words = ["钢铁厂", "富硒茶加工项目", "安康新材料产业园", "用地申请表", "同意", "材料不全", "Steel mill", "' or '1'='1", "<script>alert(1)</script>", "${jndi:ldap://x}", "../../etc/passwd", "%00", "null", "🏭", "𠮷野家", "Cafe\u0301", "ﾃｽﾄ"];

/** A field's length limit, when the contract gives it one. */
export interface TextLimit {
  maxLength: number;
}

/** Free text: plausible words, with hostile characters and lengths around the limit. */
export function hostileText(limit: TextLimit | undefined): fc.Arbitrary<string> {
  const max = limit?.maxLength ?? 200;
  const plain = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(" "));
  // Plain text most of the time, so that a message's other fields get their turn at the handler.
  return fc.oneof(
    { weight: 12, arbitrary: plain },
    { weight: 4, arbitrary: fc.tuple(plain, fc.constantFrom(...hostileCharacters), fc.nat()).map(([text, character, at]) => insertAt(text, character, at)) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom(max, max + 1, max * 2).map((length) => "项".repeat(length)) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "\u3000", "e\u0301".repeat(Math.min(max, 50))) },
    { weight: 1, arbitrary: fc.constantFrom("\uD800", "a\uDC00b") },
  );
}

const insertAt = (text: string, insert: string, at: number) => {
  const characters = [...text];
  const index = at % (characters.length + 1);
  return [...characters.slice(0, index), insert, ...characters.slice(index)].join("");
};

/**
 * How hard a generated message tries to be refused: `hostile` puts something wrong in any field,
 * `plausible` sends what a client might (real ids, valid enums, plain text), so that requests also
 * get past the checks into the handlers' deeper paths.
 */
export type Hostility = "hostile" | "plausible";

/** Plain text a person might type. */
const plainText = fc.array(fc.constantFrom(...words.slice(0, 7)), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(""));

/** Values shaped by what the field is: real ones, ids, request ids, tokens. */
function shapedValues(name: string, known: Known): fc.Arbitrary<string>[] {
  const real = known.byField.get(name) ?? [];
  const shaped: fc.Arbitrary<string>[] = [];
  if (real.length > 0) shaped.push(fc.constantFrom(...real));
  if (/(^|_)id$/.test(name) && name !== "request_id") shaped.push(knownOrRandomId(known));
  // A few fixed request ids, so that the same id comes back with another request.
  if (name === "request_id") shaped.push(fc.constantFrom("fuzz-1", "fuzz-2", "retry-me"), fc.uuid());
  return shaped;
}

/** A value for a string field, raw bytes (so it may be invalid UTF-8), chosen by the field's name. */
export function stringField(name: string, limit: TextLimit | undefined, known: Known, hostility: Hostility = "hostile"): fc.Arbitrary<Uint8Array> {
  const shaped = shapedValues(name, known);
  const encode = (value: string) => new Uint8Array(Buffer.from(value));
  if (hostility === "plausible") return (shaped.length > 0 ? fc.oneof(...shaped) : plainText).map(encode);
  if (name === "page_token" || name === "cursor") shaped.push(forgedToken(known.byField.get(name) ?? []));
  const text = shaped.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.oneof(...shaped) }, { weight: 2, arbitrary: hostileText(limit) }) : hostileText(limit);
  return fc.oneof(
    { weight: 12, arbitrary: text.map(encode) },
    { weight: 1, arbitrary: fc.tuple(text, fc.constantFrom(...invalidUtf8), fc.nat()).map(([value, bytes, at]) => spliceBytes(Buffer.from(value), bytes, at)) },
  );
}

const spliceBytes = (value: Buffer, bytes: number[], at: number) => {
  const index = at % (value.length + 1);
  return new Uint8Array(Buffer.concat([value.subarray(0, index), Buffer.from(bytes), value.subarray(index)]));
};

export const knownOrRandomId = (known: Known): fc.Arbitrary<string> =>
  fc.oneof(known.ids.length > 0 ? fc.constantFrom(...known.ids) : fc.uuid(), fc.uuid(), fc.constant(randomUUID().toUpperCase()), fc.constantFrom("not-a-uuid", "-".repeat(36), "00000000-0000-0000-0000-000000000000"));

/**
 * Page tokens and stream cursors as a forger makes them: real ones altered, unsigned JSON with a
 * non-UUID id, a quote or the year 275760, digits past the column's range, base64 noise.
 */
export function forgedToken(real: string[]): fc.Arbitrary<string> {
  const b64 = (value: string) => Buffer.from(value).toString("base64url");
  const forged = [
    b64(JSON.stringify(["2026-03-02T00:00:00.000Z", "not-a-uuid"])),
    b64(JSON.stringify(["2026-03-02T00:00:00.000Z", "x' or '1'='1"])),
    b64(JSON.stringify(["+275760-09-13T00:00:00.000Z", randomUUID()])),
    b64(JSON.stringify([null, null])),
    b64("99999999999999999999:1"),
    b64("1:99999999999999999999"),
    b64("18446744073709551615:9223372036854775807"),
    b64("-1:-1"),
    "garbage!",
    "....",
  ];
  const altered = real.length > 0 ? [fc.constantFrom(...real).chain((token) => fc.nat({ max: Math.max(0, token.length - 1) }).map((at) => token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1)))] : [];
  return fc.oneof(fc.constantFrom(...forged), fc.base64String({ maxLength: 64 }), ...altered);
}

/** Numbers a client might send: small counts, versions, days, years. */
export const plausibleInt32 = fc.constantFrom(1, 2, 3, 5, 10, 15, 60, 2027);

/** Numbers at the edges: zero, ±1, the int32 and int64 limits, 2^53, and some plausible values. */
export const int32Values = fc.oneof(fc.constantFrom(0, 1, -1, 2, 7, 60, 61, 2000, 2027, 2100, 2101, 2147483647, -2147483648), fc.integer());
export const int64Values = fc.oneof(int32Values.map(BigInt), fc.constantFrom(2n ** 53n, 2n ** 53n - 1n, -(2n ** 53n), 2n ** 63n - 1n, -(2n ** 63n), 100_000_000n, 100_000_001n), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }));
