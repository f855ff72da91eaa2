/**
 * Mints a development token for calling the local platform.
 *   pnpm dev:token --region hanbin --role department --department zrzy --subject zrzy-approval-system
 *   pnpm dev:token --region hanbin --role enterprise --credit-code 91610900MA70000010
 * Roles: enterprise steward liaison department admin operator service. Each caller gets its own
 * subject (a department system its own, which the ledger records as the actor); the default is
 * derived from the role and department. The token lives --ttl seconds (default and most: the
 * services' STEWARD_AUTH_MAX_TOKEN_LIFETIME_S, one hour unless set), so mint a new one when it
 * expires.
 */
import { parseArgs } from "node:util";
import { defaultMaxTokenLifetimeSeconds, roles, signDevToken, type Role } from "@steward/platform/auth";

const maxLifetime = Number(process.env.STEWARD_AUTH_MAX_TOKEN_LIFETIME_S ?? defaultMaxTokenLifetimeSeconds);
const { values } = parseArgs({
  options: {
    region: { type: "string", default: "hanbin" },
    role: { type: "string", default: "admin" },
    department: { type: "string" },
    "credit-code": { type: "string" },
    subject: { type: "string" },
    ttl: { type: "string", default: String(maxLifetime) },
    secret: { type: "string", default: process.env.STEWARD_AUTH_SECRET ?? "steward-local-development-secret-0123456789" },
  },
});

const refuse = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

if (!roles.includes(values.role as Role)) refuse(`unknown role ${values.role}; one of ${roles.join(", ")}`);
const role = values.role as Role;
if ((role === "department" || role === "liaison") !== (values.department !== undefined)) {
  refuse(role === "department" || role === "liaison" ? `a ${role} token needs --department` : `--department is for department and liaison tokens only`);
}
if ((role === "enterprise") !== (values["credit-code"] !== undefined)) {
  refuse(role === "enterprise" ? "an enterprise token needs --credit-code (the enterprise's unified social credit code)" : "--credit-code is for enterprise tokens only");
}
const ttl = Number(values.ttl);
if (!Number.isInteger(ttl) || ttl < 1 || ttl > maxLifetime) refuse(`--ttl must be 1-${maxLifetime} seconds (STEWARD_AUTH_MAX_TOKEN_LIFETIME_S); services refuse longer-lived tokens`);

const subject = values.subject ?? (values.department ? `${values.department}-${role}@${values.region}` : values["credit-code"] ? `enterprise:${values["credit-code"]}` : `dev-${role}@${values.region}`);
const token = await signDevToken(
  { secret: values.secret },
  {
    subject,
    region: values.region,
    role,
    ...(values.department ? { department: values.department } : {}),
    ...(values["credit-code"] ? { creditCode: values["credit-code"] } : {}),
  },
  ttl,
);
process.stdout.write(`${token}\n`);
