import { grpcAccess, httpAccess, type AccessRule, type PublicRule } from "./access-table.js";
import { roles } from "./tokens.js";

const scopeMark = { region: "region", enterprise: "own enterprise", department: "own department" } as const;

function row(action: string, rule: AccessRule | PublicRule): string {
  const cells = rule.action === "public" ? roles.map(() => "public") : roles.map((role) => (rule.allow[role] ? scopeMark[rule.allow[role]] : "—"));
  return `| \`${action}\` | ${rule.action} | ${cells.join(" | ")} |`;
}

/**
 * The access table as the Markdown table docs/SECURITY.md shows (a test keeps the two equal):
 * one row per RPC and HTTP route, one column per role, each cell the scope the role reaches or —.
 */
export function renderAccessTable(): string {
  const header = [`| action | kind | ${roles.join(" | ")} |`, `|---|---|${roles.map(() => "---").join("|")}|`];
  const grpcRows = Object.entries(grpcAccess).map(([method, rule]) => row(method.slice(1), rule));
  const httpRows = Object.entries(httpAccess).flatMap(([service, routes]) => Object.entries(routes).map(([route, rule]) => row(`${service} ${route}`, rule)));
  return `${[...header, ...grpcRows, ...httpRows].join("\n")}\n`;
}
