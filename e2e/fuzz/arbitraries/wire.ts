import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { contractOption } from "@steward/platform/contract";
import fc from "fast-check";
import { int32Values as edgeInt32, int64Values as edgeInt64, plausibleInt32, stringField, type Hostility, type Known, type TextLimit } from "./values.js";

/** Writes one field (or several occurrences of it) to a message being built. */
type Write = (writer: BinaryWriter) => void;

interface FieldRule {
  text?: TextLimit;
  maxItems: number;
}

const ruleOf = (field: DescField): FieldRule => contractOption<FieldRule>(field, "steward.options.v1.field");

const int64Types = new Set([ScalarType.INT64, ScalarType.UINT64, ScalarType.SINT64, ScalarType.FIXED64, ScalarType.SFIXED64]);

function scalarWrite(field: DescField, scalar: ScalarType, known: Known, hostility: Hostility): fc.Arbitrary<Write> {
  const no = field.number;
  const int32Values = hostility === "plausible" ? plausibleInt32 : edgeInt32;
  const int64Values = hostility === "plausible" ? plausibleInt32.map(BigInt) : edgeInt64;
  switch (scalar) {
    case ScalarType.STRING:
      return stringField(field.name, ruleOf(field).text, known, hostility).map((bytes) => (w: BinaryWriter) => void w.tag(no, WireType.LengthDelimited).bytes(bytes));
    case ScalarType.BYTES:
      return fc.uint8Array({ maxLength: 64 }).map((bytes) => (w: BinaryWriter) => void w.tag(no, WireType.LengthDelimited).bytes(bytes));
    case ScalarType.BOOL:
      // 2 and 2^32 are "true" to a lenient decoder and a bug to a strict one.
      return fc.constantFrom(0, 1, 2, 2 ** 32).map((value) => (w: BinaryWriter) => void w.tag(no, WireType.Varint).uint64(value));
    case ScalarType.DOUBLE:
      return fc.double().map((value) => (w: BinaryWriter) => void w.tag(no, WireType.Bit64).double(value));
    case ScalarType.FLOAT:
      return fc.float().map((value) => (w: BinaryWriter) => void w.tag(no, WireType.Bit32).float(value));
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return int32Values.map((value) => (w: BinaryWriter) => void w.tag(no, WireType.Bit32).sfixed32(value));
    case ScalarType.SINT32:
      return int32Values.map((value) => (w: BinaryWriter) => void w.tag(no, WireType.Varint).sint32(value));
    case ScalarType.UINT32:
      return int32Values.map((value) => (w: BinaryWriter) => void w.tag(no, WireType.Varint).uint32(value >>> 0));
    default:
      if (int64Types.has(scalar)) {
        return int64Values.map((value) => (w: BinaryWriter) => {
          if (scalar === ScalarType.SINT64) w.tag(no, WireType.Varint).sint64(value);
          else if (scalar === ScalarType.FIXED64 || scalar === ScalarType.SFIXED64) w.tag(no, WireType.Bit64).sfixed64(value);
          else w.tag(no, WireType.Varint).int64(value);
        });
      }
      return int32Values.map((value) => (w: BinaryWriter) => void w.tag(no, WireType.Varint).int32(value));
  }
}

function enumWrite(no: number, numbers: number[], hostility: Hostility): fc.Arbitrary<Write> {
  const named = numbers.filter((value) => value !== 0);
  const values = hostility === "plausible" && named.length > 0 ? fc.constantFrom(...named) : fc.oneof(fc.constantFrom(...numbers), fc.constantFrom(-1, 99, 2147483647));
  return values.map((value) => (w: BinaryWriter) => void w.tag(no, WireType.Varint).int32(value));
}

/** One occurrence of a field's value, of the right wire type. */
function valueWrite(field: DescField, known: Known, depth: number, hostility: Hostility): fc.Arbitrary<Write> | undefined {
  const kind = field.fieldKind === "list" ? field.listKind : field.fieldKind;
  if (kind === "scalar") return scalarWrite(field, (field as { scalar: ScalarType }).scalar, known, hostility);
  if (kind === "enum") return enumWrite(field.number, (field as { enum: { values: { number: number }[] } }).enum.values.map((value) => value.number), hostility);
  if (kind === "message") {
    if (depth > 3) return undefined;
    const message = (field as { message: DescMessage }).message;
    return messageBytes(message, known, depth + 1, hostility).map((bytes) => (w: BinaryWriter) => void w.tag(field.number, WireType.LengthDelimited).bytes(bytes));
  }
  return undefined;
}

/** A field as sent: absent, once, repeated around its limit, or with the wrong wire type. */
function fieldWrite(field: DescField, known: Known, depth: number, hostility: Hostility): fc.Arbitrary<Write | undefined> {
  const value = valueWrite(field, known, depth, hostility);
  if (!value) return fc.constant(undefined);
  if (hostility === "plausible") {
    const count = field.fieldKind === "list" ? fc.integer({ min: 0, max: 3 }) : fc.constant(1);
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 9, arbitrary: count.chain((n) => fc.array(value, { minLength: n, maxLength: n })).map((writes) => (w: BinaryWriter) => writes.forEach((write) => write(w))) },
    );
  }
  const wrongType = fc.tuple(fc.constantFrom(WireType.Varint, WireType.Bit64, WireType.LengthDelimited, WireType.Bit32), fc.uint8Array({ maxLength: 8 })).map(
    ([type, payload]) =>
      (w: BinaryWriter) => {
        w.tag(field.number, type);
        if (type === WireType.Varint) w.uint64(payload.length * 1000003);
        else if (type === WireType.Bit64) w.fixed64(payload.length);
        else if (type === WireType.Bit32) w.fixed32(payload.length);
        else w.bytes(payload);
      },
  );
  const maxItems = field.fieldKind === "list" ? ruleOf(field).maxItems || 10 : 1;
  const counts = field.fieldKind === "list" ? fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.constantFrom(maxItems, maxItems + 1) }) : fc.constant(1);
  const occurrences = counts.chain((count) => fc.array(value, { minLength: Math.min(count, 3), maxLength: Math.min(count, 3) }).map((writes) => ({ count, writes })));
  const present = occurrences.map(({ count, writes }) => (w: BinaryWriter) => {
    // Past three distinct values, the rest repeat them: a count at the limit without a large sample.
    for (let i = 0; i < count; i++) writes[i % Math.max(writes.length, 1)]?.(w);
  });
  return fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 8, arbitrary: present }, { weight: 1, arbitrary: wrongType });
}

/** A message of this type as bytes: every field maybe there, values hostile or plausible, plus unknown fields. */
export function messageBytes(desc: DescMessage, known: Known, depth = 0, hostility: Hostility = "hostile"): fc.Arbitrary<Uint8Array> {
  const unknown = hostility === "plausible" ? fc.constant([]) : fc.array(fc.tuple(fc.integer({ min: 100, max: 536870911 }), fc.uint8Array({ maxLength: 8 })), { maxLength: 1 });
  return fc.tuple(fc.tuple(...desc.fields.map((field) => fieldWrite(field, known, depth, hostility))), unknown).map(([writes, extra]) => {
    const writer = new BinaryWriter();
    for (const write of writes) write?.(writer);
    for (const [number, payload] of extra) writer.tag(number, WireType.LengthDelimited).bytes(payload);
    return writer.finish();
  });
}

/** What a request's bytes are, for the counts. */
export type Shape = "plausible" | "well-formed" | "truncated" | "bit-flipped" | "noise" | "length-lie" | "deep-nesting";

/**
 * A request of this method as bytes: messages a client might send, well-formed messages with
 * hostile values, and frames broken on purpose — cut short, a bit flipped, random noise, a length past the end, groups nested
 * past any decoder's patience.
 */
export function requestBytes(desc: DescMessage, known: Known): fc.Arbitrary<{ bytes: Uint8Array; shape: Shape }> {
  const wellFormed = messageBytes(desc, known);
  const as = (shape: Shape) => (bytes: Uint8Array) => ({ bytes, shape });
  return fc.oneof(
    { weight: 8, arbitrary: messageBytes(desc, known, 0, "plausible").map(as("plausible")) },
    { weight: 12, arbitrary: wellFormed.map(as("well-formed")) },
    { weight: 2, arbitrary: fc.tuple(wellFormed, fc.nat()).map(([bytes, at]) => bytes.subarray(0, bytes.length > 0 ? at % bytes.length : 0)).map(as("truncated")) },
    {
      weight: 1,
      arbitrary: fc.tuple(wellFormed, fc.nat(), fc.integer({ min: 0, max: 7 })).map(([bytes, at, bit]) => {
        const copy = new Uint8Array(bytes);
        if (copy.length > 0) copy[at % copy.length]! ^= 1 << bit;
        return copy;
      }).map(as("bit-flipped")),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 96 }).map(as("noise")) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 15 }), fc.constantFrom(64, 2 ** 20, 2 ** 31 - 1)).map(([no, length]) => new BinaryWriter().tag(no, WireType.LengthDelimited).uint32(length).raw(new Uint8Array(3)).finish()).map(as("length-lie")) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 50, max: 2000 }).map((levels) => {
        const writer = new BinaryWriter();
        for (let i = 0; i < levels; i++) writer.tag(1, WireType.StartGroup);
        return writer.finish();
      }).map(as("deep-nesting")),
    },
  );
}
