/**
 * k6 gRPC helpers for approval routing. The client loads the repository's own protos (never a
 * copy) in the init phase and connects once per VU, on that VU's first iteration.
 */
import grpc from "k6/net/grpc";
import { methods, type MethodKey } from "./profiles.ts";

/** Where the repository's protos are; both lib/ and scenarios/ sit two levels below the root. */
const protoRoot = __ENV.STEWARD_PROTO_ROOT || "../../proto";

const client = new grpc.Client();
client.load([protoRoot], "steward/routing/v1/routing.proto");

/** Per VU: each VU runs this module in its own JavaScript runtime. */
let connected = false;

/** Connects the VU's client unless it is connected already: one connection per VU, not per iteration. */
export function connectOnce(address: string): void {
  if (connected) return;
  client.connect(address, { plaintext: true, timeout: "10s" });
  connected = true;
}

export function closeConnection(): void {
  if (!connected) return;
  client.close();
  connected = false;
}

/** Invokes one unary method as the token's principal; the `method` tag names the RPC in the summary. */
export function invoke(method: MethodKey, request: object, token: string): grpc.Response {
  return client.invoke(methods[method], request, {
    metadata: { authorization: `Bearer ${token}` },
    tags: { rpc: method },
    timeout: "10s",
  });
}

export const submitPlan = (request: object, token: string) => invoke("submitPlan", request, token);
export const listAssignments = (request: object, token: string) => invoke("listAssignments", request, token);
export const acceptItem = (request: object, token: string) => invoke("acceptItem", request, token);
export const decideItem = (request: object, token: string) => invoke("decideItem", request, token);

/** The tokens the script acts with, minted outside k6 (`pnpm --filter @steward/load-tests k6-env`). */
export interface Tokens {
  steward: string;
  departments: Record<string, string>;
}

export function tokensFromEnv(): Tokens {
  const steward = __ENV.STEWARD_TOKEN;
  const departments = __ENV.STEWARD_DEPARTMENT_TOKENS;
  if (!steward || !departments) {
    throw new Error("set STEWARD_TOKEN (role steward) and STEWARD_DEPARTMENT_TOKENS (JSON: department code -> token); see load-tests/README.md");
  }
  return { steward, departments: JSON.parse(departments) as Record<string, string> };
}
