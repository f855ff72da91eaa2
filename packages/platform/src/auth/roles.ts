import { type Result, fail, ok } from "../errors/index.js";
import type { Principal, Role } from "./tokens.js";

/**
 * A role check inside a handler. The access table (./access-table.ts) already refuses every role
 * it does not list before a handler runs; this stays for checks that depend on more than the
 * method, e.g. a role allowed one variant of a request but not another.
 */
export function requireRole(principal: Principal, ...allowed: Role[]): Result<Principal> {
  if (!allowed.includes(principal.role)) {
    return fail({ code: "permission_denied", message: `role ${principal.role} may not do this`, reason: "ROLE_NOT_PERMITTED" });
  }
  return ok(principal);
}
