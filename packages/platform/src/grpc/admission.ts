import { contractMethod, messageRules, undecodableFields } from "../contract/index.js";
import { invalidArgument, raise } from "../errors/index.js";
import type { MethodDefinition } from "./definitions.js";

const undecodable = Symbol("steward.undecodable");

/** What a request that did not decode is handed on as: its bytes, to be explained and refused. */
interface Undecodable {
  [undecodable]: Buffer;
}

const isUndecodable = (request: unknown): request is Undecodable => typeof request === "object" && request !== null && undecodable in request;

/**
 * The method with a decoder that never throws. grpc-js answers a throwing decoder with INTERNAL
 * ("Error deserializing request") before any interceptor runs; bytes that do not decode are
 * instead handed on, marked, for the admission check to refuse as INVALID_ARGUMENT once the caller
 * is authenticated.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withTolerantDecoding<M extends MethodDefinition<any, any>>(method: M): M {
  return {
    ...method,
    requestDeserialize: (bytes: Buffer) => {
      try {
        return method.requestDeserialize(bytes);
      } catch {
        return { [undecodable]: bytes } satisfies Undecodable;
      }
    },
  };
}

/**
 * The admission check of one method, compiled from the contract at start (a string or repeated
 * field without its rule stops the server here): a request that does not decode is refused
 * (MALFORMED_REQUEST), so is one that breaks a field rule (FIELD_RULE_VIOLATED); otherwise the
 * request goes on with its text in NFC.
 */
export function requestAdmission(path: string): (request: unknown) => unknown {
  const method = contractMethod(path);
  const rules = messageRules(method.input);
  return (request) => {
    if (isUndecodable(request)) {
      raise({ ...invalidArgument(undecodableFields(method.input, request[undecodable]), `the request does not decode as ${method.input.typeName}`), reason: "MALFORMED_REQUEST" });
    }
    const violations = rules.check(request);
    if (violations.length > 0) raise({ ...invalidArgument(violations), reason: "FIELD_RULE_VIOLATED" });
    return request;
  };
}
