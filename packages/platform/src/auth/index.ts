export {
  roles,
  signDevToken,
  TokenVerifier,
  bearerToken,
  authorizeRegion,
  defaultMaxTokenLifetimeSeconds,
  defaultClockSkewSeconds,
  type Role,
  type Principal,
  type TokenSettings,
} from "./tokens.js";
export { grpcRule, httpRule, authorizeAction, ownershipOf, type AccessRule, type PublicRule, type Scope, type Ownership } from "./access.js";
export { grpcAccess, httpAccess } from "./access-table.js";
export { requireRole } from "./roles.js";
export { renderAccessTable } from "./access-render.js";
