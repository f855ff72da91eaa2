/**
 * Writes the role × action table (packages/platform/src/auth/access-table.ts) into
 * docs/SECURITY.md between its access-table markers; a test fails when the two differ.
 *   pnpm access:table
 */
import { readFileSync, writeFileSync } from "node:fs";
import { renderAccessTable } from "@steward/platform/auth";

const path = new URL("../../docs/SECURITY.md", import.meta.url);
const doc = readFileSync(path, "utf8");
const markers = /(<!-- access-table:begin -->\n)[\s\S]*?(<!-- access-table:end -->)/;
if (!markers.test(doc)) {
  process.stderr.write("docs/SECURITY.md has no <!-- access-table:begin --> … <!-- access-table:end --> section\n");
  process.exit(1);
}
writeFileSync(path, doc.replace(markers, (_match, begin: string, end: string) => `${begin}${renderAccessTable()}${end}`));
process.stdout.write("docs/SECURITY.md: access table written\n");
