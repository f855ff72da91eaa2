import type { MiddlewareHandler } from "hono";

const hasBody = (request: Request): boolean => {
  const length = request.headers.get("content-length");
  return (length !== null && length !== "0") || request.headers.has("transfer-encoding");
};

/**
 * A request refused before its body was read (no token, a role the table refuses, a body that is
 * not JSON) leaves that body on the connection: the server drains it for a short while and then
 * destroys the socket, and a keep-alive client that sent its next request on the same connection
 * meanwhile sees it reset — a lost request it did nothing wrong with (on a busy machine, one in
 * ten thousand in the fuzz run). The answer says `Connection: close` instead, so the client opens
 * a new connection for what it sends next (RFC 9112 §9.6).
 */
export function closeAfterUnreadBody(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (hasBody(c.req.raw) && !c.req.raw.bodyUsed) c.header("connection", "close");
  };
}
