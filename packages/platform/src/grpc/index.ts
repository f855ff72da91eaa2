export { GrpcServer, type GrpcServerOptions, type ServiceHandlers, type UnaryHandler, type ServerStreamHandler } from "./server.js";
export { createClient, type ClientOptions, type PromiseClient, type CallSettings } from "./client.js";
export { toServiceError, toRpcStatus, fieldViolationsOf, errorInfoOf, grpcCodeName } from "./errors.js";
export type { CallContext } from "./context.js";
export type { ServiceDefinition } from "./definitions.js";
export { pageRequest, PageTokens, type PageCursor, type PageRequest, type PageScope } from "./paging.js";
