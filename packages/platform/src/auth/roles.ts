import { type Result, fail, ok, permissionDenied } from "../errors/index.js";
import type { Principal, Role } from "./tokens.js";

/**
 * A role check inside a handler. The access table (./access-table.ts) already refuses every role
 * it does not list before a handler runs; this stays for checks that depend on more than the
 * method, e.g. a role allowed one variant of a request but not another.
 */
export function requireRole(principal: Principal, ...allowed: Role[]): Result<Principal> {
  if (!allowed.includes(principal.role)) {
    return fail(permissionDenied(`role ${principal.role} may not do this`, "ROLE_NOT_ALLOWED", { role: principal.role }));
  }
  return ok(principal);
}
