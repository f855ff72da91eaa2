import fc from "fast-check";
import { hostileText, int64Values, knownOrRandomId, type Hostility, type Known } from "./values.js";

/** The parts of a JSON Schema (OpenAPI 3.1) the fuzzer generates values from. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** One operation of a service's OpenAPI document. */
export interface HttpOperation {
  method: string;
  /** The path template, e.g. /v1/projects/{id}. */
  path: string;
  parameters: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  body?: JsonSchema;
  /** The document's components.schemas, for $ref. */
  schemas: Record<string, JsonSchema>;
}

/** One HTTP request as the fuzzer sends it. */
export interface HttpCase {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  shape: string;
}

const wrongType = fc.constantFrom<unknown>(null, true, [], {}, "12", 1e308, -0, [null]);

/** A value for a schema: of its type, plausible or with something hostile in it. */
function valueOf(schema: JsonSchema | undefined, name: string, operation: HttpOperation, known: Known, hostility: Hostility, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if (schema.$ref) return valueOf(operation.schemas[schema.$ref.replace("#/components/schemas/", "")], name, operation, known, hostility, depth + 1);
  const options = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (options.length > 0) return fc.oneof(...options.map((option) => valueOf(option, name, operation, known, hostility, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== "null") : schema.type;
  const typed = ((): fc.Arbitrary<unknown> => {
    if (schema.enum) return hostility === "plausible" ? fc.constantFrom(...schema.enum) : fc.oneof(fc.constantFrom(...schema.enum), hostileText({ maxLength: 20 }));
    switch (type) {
      case "object": {
        const properties = Object.entries(schema.properties ?? {});
        if (properties.length === 0) return fc.constant({});
        const required = new Set(schema.required ?? []);
        return fc
          .tuple(...properties.map(([key, property]) => fc.option(valueOf(property, key, operation, known, hostility, depth + 1), { freq: required.has(key) ? 12 : 3, nil: undefined }).map((value) => [key, value] as const)))
          .map((entries) => Object.fromEntries(entries.filter(([, value]) => value !== undefined)));
      }
      case "array": {
        const element = valueOf(schema.items, name, operation, known, hostility, depth + 1);
        const most = schema.maxItems ?? 10;
        if (hostility === "plausible") return fc.array(element, { minLength: 1, maxLength: Math.min(3, most) });
        return fc.oneof({ weight: 6, arbitrary: fc.array(element, { maxLength: 3 }) }, { weight: 1, arbitrary: element.map((value) => Array.from({ length: most + 1 }, () => value)) });
      }
      case "integer":
      case "number":
        return hostility === "plausible" ? fc.constantFrom(0, 1, 24, 2027) : fc.oneof(int64Values.map(Number), fc.constantFrom(0.5, -1, Number.MAX_SAFE_INTEGER + 2));
      case "boolean":
        return fc.boolean();
      case "string": {
        const real = known.byField.get(name) ?? [];
        const shaped: fc.Arbitrary<string>[] = real.length > 0 ? [fc.constantFrom(...real)] : [];
        if (schema.format === "uuid" || /(^|[a-z])Id$/.test(name) || name === "id") shaped.push(knownOrRandomId(known));
        if (hostility === "plausible") return shaped.length > 0 ? fc.oneof(...shaped) : fc.constantFrom("富硒茶加工项目", "用地申请表", "13800000001", "91610900MA70000010", "2027-01-01");
        return fc.oneof(...shaped, hostileText(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : undefined));
      }
      default:
        return fc.oneof(fc.string(), fc.integer(), wrongType);
    }
  })();
  return hostility === "plausible" ? typed : fc.oneof({ weight: 8, arbitrary: typed }, { weight: 1, arbitrary: wrongType });
}

/** Path values: real ids, hostile text percent-encoded, broken percent-encoding, dot segments. */
function pathValue(known: Known): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: knownOrRandomId(known) },
    { weight: 3, arbitrary: hostileText({ maxLength: 64 }).map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, "x"))) },
    { weight: 1, arbitrary: fc.constantFrom("%ZZ", "%", "%00", "..", "%2e%2e", "%2F", "a%2Fb", "%FF", "x".repeat(5000)) },
  );
}

const contentTypes = fc.oneof(
  { weight: 10, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/json; charset=latin1", "application/x-www-form-urlencoded", "application/xml", "", "application/json; charset=utf-8", "APPLICATION/JSON") },
);

const asQueryValue = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value) ?? "");

/**
 * Requests for one operation of a service's OpenAPI document: its method mostly (others now and
 * then), path and query values from the parameters' schemas, and bodies from the request body's
 * schema — what a client might send, hostile values, JSON of the wrong kind, not JSON at all, past
 * the size limit — under a mix of media types and tokens.
 */
export function httpCases(operation: HttpOperation, known: Known, authorization: fc.Arbitrary<string | undefined>): fc.Arbitrary<HttpCase> {
  const pathParameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const path = fc.tuple(...pathParameters.map(() => pathValue(known))).map((values) => {
    let index = 0;
    return operation.path.replace(/\{\w+\}/g, () => values[index++] ?? "");
  });
  const query = fc.tuple(
    ...operation.parameters
      .filter((parameter) => parameter.in === "query")
      .map((parameter) => fc.option(fc.oneof(valueOf(parameter.schema, parameter.name, operation, known, "plausible"), valueOf(parameter.schema, parameter.name, operation, known, "hostile")), { freq: 3, nil: undefined }).map((value) => [parameter.name, value] as const)),
  ).map((entries) => {
    const search = new URLSearchParams();
    for (const [name, value] of entries) if (value !== undefined) search.set(name, asQueryValue(value));
    const text = search.toString();
    return text ? `?${text}` : "";
  });
  const headerValues = fc.tuple(
    ...operation.parameters.filter((parameter) => parameter.in === "header").map((parameter) => fc.option(fc.string({ maxLength: 80 }).map((value) => [parameter.name, value.replace(/[^\x20-\x7e]/g, "")] as const), { nil: undefined })),
  );
  const method = fc.oneof({ weight: 12, arbitrary: fc.constant(operation.method) }, { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE") });
  const body = fc.oneof(
    { weight: 6, arbitrary: valueOf(operation.body, "", operation, known, "plausible").map((value) => ({ body: JSON.stringify(value), shape: "plausible" })) },
    { weight: 8, arbitrary: valueOf(operation.body, "", operation, known, "hostile").map((value) => ({ body: JSON.stringify(value) ?? "null", shape: "hostile-json" })) },
    { weight: 1, arbitrary: fc.constantFrom("[]", "null", "1", '"x"', "{", "", '{"a":', "<xml/>", "\u0000").map((text) => ({ body: text, shape: "not-a-message" })) },
    { weight: 1, arbitrary: fc.constantFrom(70_000, 1 << 20).map((size) => ({ body: JSON.stringify({ name: "项".repeat(size) }), shape: "oversized" })) },
  );
  return fc.tuple(method, path, query, body, contentTypes, authorization, headerValues).map(([verb, target, search, payload, contentType, token, extra]) => {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    for (const entry of extra) if (entry) headers[entry[0]] = entry[1];
    const sendsBody = verb !== "GET" && verb !== "DELETE";
    if (sendsBody && contentType) headers["content-type"] = contentType;
    return { method: verb, path: `${target}${search}`, headers, ...(sendsBody ? { body: payload.body } : {}), shape: sendsBody ? payload.shape : "no-body" };
  });
}
