import type { Metadata } from "@grpc/grpc-js";
import type { Logger } from "pino";
import type { Ownership, Principal, Scope } from "../auth/index.js";
import type { PageTokens } from "./paging.js";

/** What a handler knows about the call besides its request. */
export interface CallContext {
  /** Full method path, e.g. /steward.routing.v1.RoutingService/GetCase. */
  method: string;
  /** The region this process serves; every query filters by it. */
  region: string;
  principal: Principal;
  /** The objects the access table lets this caller reach with this method. */
  scope: Scope;
  /** The owner filter of that scope: the caller's credit code or department, or nothing (the whole region). */
  owner: Ownership;
  metadata: Metadata;
  logger: Logger;
  /** Aborted when the client cancels or its deadline passes. */
  signal: AbortSignal;
  /** Signs and checks page tokens; List handlers use it through pageRequest. */
  pageTokens: PageTokens;
}
