/**
 * Mints a development token for calling the local platform.
 *   pnpm dev:token --region hanbin --role department --department zrzy
 *   pnpm dev:token --region hanbin --role enterprise --credit-code 91610900MA70000010
 * Roles: enterprise steward liaison department admin operator service.
 */
import { parseArgs } from "node:util";
import { roles, signDevToken, type Role } from "@steward/platform/auth";

const { values } = parseArgs({
  options: {
    region: { type: "string", default: "hanbin" },
    role: { type: "string", default: "admin" },
    department: { type: "string" },
    "credit-code": { type: "string" },
    subject: { type: "string", default: "dev-user" },
    ttl: { type: "string", default: "86400" },
    secret: { type: "string", default: process.env.STEWARD_AUTH_SECRET ?? "steward-local-development-secret-0123456789" },
  },
});

if (!roles.includes(values.role as Role)) {
  process.stderr.write(`unknown role ${values.role}; one of ${roles.join(", ")}\n`);
  process.exit(2);
}
const token = await signDevToken(
  { secret: values.secret },
  { subject: values.subject, region: values.region, role: values.role as Role, ...(values.department ? { department: values.department } : {}), ...(values["credit-code"] ? { creditCode: values["credit-code"] } : {}) },
  Number(values.ttl),
);
process.stdout.write(`${token}\n`);
