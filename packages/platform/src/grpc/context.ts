import type { Metadata } from "@grpc/grpc-js";
import type { Logger } from "pino";
import type { Principal } from "../auth/index.js";
import type { PageTokens } from "./paging.js";

/** What a handler knows about the call besides its request. */
export interface CallContext {
  /** Full method path, e.g. /steward.routing.v1.RoutingService/GetCase. */
  method: string;
  /** The region this process serves; every query filters by it. */
  region: string;
  principal: Principal;
  metadata: Metadata;
  logger: Logger;
  /** Aborted when the client cancels or its deadline passes. */
  signal: AbortSignal;
  /** Signs and checks page tokens; List handlers use it through pageRequest. */
  pageTokens: PageTokens;
}
