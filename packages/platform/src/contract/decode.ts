import { fromBinary, ScalarType, type DescMessage, type Message } from "@bufbuild/protobuf";
import type { FieldViolation } from "../errors/index.js";

const int64Types = new Set([ScalarType.INT64, ScalarType.UINT64, ScalarType.SINT64, ScalarType.FIXED64, ScalarType.SFIXED64]);
const safe = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Why bytes that the service's decoder refused are not a request: the fields whose 64-bit values
 * lie beyond what the platform handles exactly (±(2^53−1)), found by decoding the bytes again
 * with the contract's own reflection. None when the bytes are simply not protobuf (truncated,
 * wrong wire types): the caller then refuses the message as a whole.
 */
export function undecodableFields(desc: DescMessage, bytes: Uint8Array): FieldViolation[] {
  let message: Message;
  try {
    message = fromBinary(desc, bytes);
  } catch {
    return [];
  }
  return outOfRange(desc, message as unknown as Record<string, unknown>, "");
}

function outOfRange(desc: DescMessage, message: Record<string, unknown>, prefix: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  for (const field of desc.fields) {
    const path = `${prefix}${field.name}`;
    const holder = field.fieldKind !== "list" && field.fieldKind !== "map" && field.oneof ? (message[field.oneof.localName] as { case?: string; value?: unknown } | undefined) : undefined;
    const value = holder ? (holder.case === field.localName ? holder.value : undefined) : message[field.localName];
    const describe = `must be between -${safe} and ${safe}`;
    if ((field.fieldKind === "scalar" || (field.fieldKind === "list" && field.listKind === "scalar")) && int64Types.has(field.scalar)) {
      const values = Array.isArray(value) ? value : [value];
      values.forEach((element, index) => {
        if (typeof element === "bigint" && (element > safe || element < -safe)) violations.push({ field: Array.isArray(value) ? `${path}[${index}]` : path, description: describe });
      });
    } else if (field.fieldKind === "message" && value) {
      violations.push(...outOfRange(field.message, value as Record<string, unknown>, `${path}.`));
    } else if (field.fieldKind === "list" && field.listKind === "message" && Array.isArray(value)) {
      value.forEach((element, index) => violations.push(...outOfRange(field.message, element as Record<string, unknown>, `${path}[${index}].`)));
    }
  }
  return violations;
}
