/**
 * What a run against a deployment must leave behind, read from the routing database afterwards:
 * no duplicate ledger rows (duplicates.ts), and every decision the server acknowledged during the
 * run (main.ts --acknowledged-out) recorded — the item approved and its approval in the ledger.
 * Prints one TAP-like line per check and exits 1 when one failed (scripts/k8s/rehearse.sh).
 *
 *   node --import tsx load-tests/driver/verify.ts --database-url postgres://… --region hanbin [--acknowledged ids.json] [--label "…"]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { countDuplicates } from "./duplicates.ts";

const { values } = parseArgs({ options: { "database-url": { type: "string" }, region: { type: "string" }, acknowledged: { type: "string" }, label: { type: "string", default: "" } } });
const databaseUrl = values["database-url"];
const region = values.region;
if (!databaseUrl || !region) throw new Error("--database-url and --region are required");
const label = values.label ? `${values.label}: ` : "";

let failed = 0;
const report = (ok: boolean, line: string) => {
  if (!ok) failed++;
  process.stdout.write(`${ok ? "ok" : "not ok"} - ${label}${line}\n`);
};

const duplicates = await countDuplicates(databaseUrl, region);
const twice = duplicates.routedTwice + duplicates.warnedTwice + duplicates.overdueTwice + duplicates.completedTwice;
report(
  twice === 0 && duplicates.itemsRouted > 0,
  `no duplicate ledger rows (${duplicates.itemsRouted} items routed, ${duplicates.casesCompleted} cases completed, ${duplicates.ledgerRows} rows; twice: routed ${duplicates.routedTwice}, warned ${duplicates.warnedTwice}, overdue ${duplicates.overdueTwice}, completed ${duplicates.completedTwice})`,
);

if (values.acknowledged) {
  const ids = [...new Set(JSON.parse(readFileSync(values.acknowledged, "utf8")) as string[])];
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ approved: number; ledgered: number }[]>`
      select (select count(*) from case_items where region = ${region} and id = any(${ids}::uuid[]) and state = 'approved')::int as approved,
             (select count(distinct subject) from ledger where region = ${region} and action = 'item.approve' and subject = any(${ids}))::int as ledgered`;
    report(
      ids.length > 0 && row!.approved === ids.length && row!.ledgered === ids.length,
      `every acknowledged decision is recorded (${ids.length} acknowledged; ${row!.approved} items approved, ${row!.ledgered} with their ledger row)`,
    );
  } finally {
    await sql.end();
  }
}
process.exit(failed > 0 ? 1 : 0);
