import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import type { HttpBinding } from "@steward/platform/contract";
import { contractOption } from "@steward/platform/contract";
import fc from "fast-check";
import { hostileText, int64Values, knownOrRandomId, type Known, type TextLimit } from "./values.js";

/** One HTTP request as the fuzzer sends it. */
export interface HttpCase {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  shape: string;
}

const textLimit = (field: DescField): TextLimit | undefined => contractOption<{ text?: TextLimit }>(field, "steward.options.v1.field").text;

/** A JSON value for a field: of its type with hostile content, or of another type altogether. */
function jsonValue(field: DescField, known: Known, depth: number): fc.Arbitrary<unknown> {
  const wrongType = fc.constantFrom<unknown>(null, true, [], {}, "12", 1e308, -0, [null]);
  const single = (): fc.Arbitrary<unknown> => {
    const kind = field.fieldKind === "list" ? field.listKind : field.fieldKind;
    if (kind === "message" && depth < 3) return jsonObject((field as { message: DescMessage }).message, known, depth + 1);
    if (kind === "enum") return fc.oneof(fc.constantFrom(0, 1, 99, -1), fc.string({ maxLength: 12 }));
    if (kind === "scalar") {
      const scalar = (field as { scalar: ScalarType }).scalar;
      if (scalar === ScalarType.STRING) {
        const real = known.byField.get(field.name) ?? [];
        const options = [hostileText(textLimit(field))];
        if (real.length > 0) options.push(fc.constantFrom(...real));
        if (/(^|_)id$/.test(field.name)) options.push(knownOrRandomId(known));
        return fc.oneof(...options);
      }
      if (scalar === ScalarType.BOOL) return fc.boolean();
      // Numbers past 2^53 lose precision in JSON: the body parser must not care.
      return fc.oneof(int64Values.map(Number), fc.constantFrom(0.5, Number.MAX_SAFE_INTEGER + 2, -1), int64Values.map(String));
    }
    return wrongType;
  };
  const value = fc.oneof({ weight: 8, arbitrary: single() }, { weight: 1, arbitrary: wrongType });
  if (field.fieldKind !== "list") return value;
  const maxItems = contractOption<{ maxItems: number }>(field, "steward.options.v1.field").maxItems || 10;
  return fc.oneof(fc.array(value, { maxLength: 3 }), value.map((element) => Array.from({ length: maxItems + 1 }, () => element)), wrongType);
}

function jsonObject(desc: DescMessage, known: Known, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(...desc.fields.map((field) => fc.option(jsonValue(field, known, depth), { freq: 4, nil: undefined }).map((value) => [field.jsonName, value] as const)))
    .map((entries) => Object.fromEntries(entries.filter(([, value]) => value !== undefined)));
}

/** Path values: real ids, hostile text percent-encoded, broken percent-encoding, dot segments. */
function pathValue(known: Known): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: knownOrRandomId(known) },
    { weight: 3, arbitrary: hostileText({ maxLength: 64 }).map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, "x"))) },
    { weight: 1, arbitrary: fc.constantFrom("%ZZ", "%", "%00", "..", "%2e%2e", "%2F", "a%2Fb", "x".repeat(5000)) },
  );
}

const contentTypes = fc.oneof(
  { weight: 10, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/json; charset=latin1", "application/x-www-form-urlencoded", "application/xml", "", "application/json; charset=utf-8", "APPLICATION/JSON") },
);

/**
 * Requests for one route of the contract: its method mostly (others now and then), hostile path
 * values, and bodies that are the request message with hostile values, JSON of the wrong kind, not
 * JSON at all, or past the size limit — under a mix of media types and tokens.
 */
export function httpCases(binding: HttpBinding, known: Known, authorization: fc.Arbitrary<string | undefined>): fc.Arbitrary<HttpCase> {
  const path = fc.tuple(...binding.pathFields.map(() => pathValue(known))).map((values) => {
    let index = 0;
    return binding.template.replace(/\{\w+\}/g, () => values[index++] ?? "");
  });
  const method = fc.oneof({ weight: 12, arbitrary: fc.constant(binding.method) }, { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE") });
  const asJson = (value: unknown) => JSON.stringify(value);
  const body = fc.oneof(
    { weight: 12, arbitrary: jsonObject(binding.rpc.input, known).map((value) => ({ body: asJson(value), shape: "json-message" })) },
    { weight: 1, arbitrary: fc.constantFrom("[]", "null", "1", '"x"', "{", "", "{\"a\":", "<xml/>", "\u0000").map((text) => ({ body: text, shape: "not-a-message" })) },
    { weight: 1, arbitrary: fc.constantFrom(70_000, 1 << 20).map((size) => ({ body: asJson({ name: "项".repeat(size) }), shape: "oversized" })) },
  );
  return fc.tuple(method, path, body, contentTypes, authorization).map(([verb, target, payload, contentType, token]) => {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const sendsBody = verb !== "GET" && verb !== "DELETE";
    if (sendsBody && contentType) headers["content-type"] = contentType;
    return { method: verb, path: target, headers, ...(sendsBody ? { body: payload.body } : {}), shape: sendsBody ? payload.shape : "no-body" };
  });
}
