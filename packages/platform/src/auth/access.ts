import { type Result, fail, ok, permissionDenied } from "../errors/index.js";
import { grpcAccess, httpAccess, type AccessRule, type PublicRule, type Scope } from "./access-table.js";
import type { Principal } from "./tokens.js";

export type { AccessRule, PublicRule, Scope } from "./access-table.js";

/** The rule of a gRPC method (full path), or undefined when the table does not declare it. */
export function grpcRule(method: string): AccessRule | PublicRule | undefined {
  return Object.hasOwn(grpcAccess, method) ? grpcAccess[method] : undefined;
}

/** The rule of an HTTP route ("GET /v1/projects/:id") of a service, or undefined when undeclared. */
export function httpRule(service: string, route: string): AccessRule | PublicRule | undefined {
  const routes = Object.hasOwn(httpAccess, service) ? httpAccess[service]! : {};
  return Object.hasOwn(routes, route) ? routes[route] : undefined;
}

/**
 * Default deny: the scope the table grants this caller for the action, or PERMISSION_DENIED when
 * the action is undeclared or the caller's role is not allowed. Called before any handler runs.
 */
export function authorizeAction(rule: AccessRule | PublicRule | undefined, principal: Principal, action: string): Result<Scope> {
  if (!rule || rule.action === "public") {
    // A public action never reaches here with a principal; an undeclared one is refused.
    return fail(permissionDenied(`${action} is not in the access table`, "ACTION_NOT_DECLARED"));
  }
  const scope = Object.hasOwn(rule.allow, principal.role) ? rule.allow[principal.role] : undefined;
  if (!scope) return fail(permissionDenied(`role ${principal.role} may not call ${action}`, "ROLE_NOT_ALLOWED", { role: principal.role }));
  return ok(scope);
}

/** What a caller reaches with a scope, as handlers filter by it: undefined means the whole region. */
export interface Ownership {
  creditCode?: string;
  department?: string;
}

/**
 * The owner filter a handler applies under `scope`: the caller's credit code for `enterprise`,
 * its department for `department`, nothing more for `region`. The token's claims are checked to
 * fit the role when it is verified, so the owner is always known.
 */
export function ownershipOf(scope: Scope, principal: Principal): Ownership {
  const owner = scope === "enterprise" ? principal.creditCode : scope === "department" ? principal.department : "";
  if (owner === undefined) throw new Error(`a ${principal.role} principal without the claim its ${scope} scope needs`);
  if (scope === "enterprise") return { creditCode: owner };
  if (scope === "department") return { department: owner };
  return {};
}
