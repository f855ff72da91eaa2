/**
 * Verifies a region's ledgers offline: database dumps, the exported checkpoints and the public
 * key(s), no running service. Every chain is checked in itself and against its latest signed
 * anchor (truncations and rewrites are named), and the checkpoints against each other.
 *   pg_dump --format=plain --table=ledger "$ROUTING_DB_URL" > routing.sql
 *   pnpm --silent ledger:export --region hanbin > checkpoints.jsonl
 *   pnpm ledger:verify --region hanbin --public-key ledger-signing.pem.pub --checkpoints checkpoints.jsonl \
 *     --dump approval-routing=routing.sql --dump agreement=agreement.sql --dump intake=intake.sql
 * Exits 0 when everything verifies, 1 when anything does not (the report says what), 2 on bad usage.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { LedgerVerifier, ledgerRowsFromDump, verifyRegionOffline, type SignedPayload } from "@steward/platform/ledger";

const { values } = parseArgs({
  options: {
    region: { type: "string" },
    "public-key": { type: "string", multiple: true },
    checkpoints: { type: "string" },
    dump: { type: "string", multiple: true },
    json: { type: "boolean", default: false },
  },
});
const usage = () => {
  process.stderr.write("usage: pnpm ledger:verify --region <r> --public-key <pem> [--public-key …] --checkpoints <jsonl> --dump <ledger>=<pg_dump file> [--dump …] [--json]\n");
  process.exit(2);
};
if (!values.region || !values["public-key"]?.length || !values.checkpoints || !values.dump?.length) usage();

const verifier = LedgerVerifier.fromPem(values["public-key"]!.map((file) => readFileSync(file, "utf8")).join("\n"));
const messages = readFileSync(values.checkpoints!, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as SignedPayload);
const ledgers = values.dump!.map((spec) => {
  const [ledger, file] = spec.split("=");
  if (!ledger || !file) return usage();
  return { ledger, rows: ledgerRowsFromDump(readFileSync(file, "utf8")) };
});

const report = verifyRegionOffline({ region: values.region!, ledgers, messages, verifier });
if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const lines = [`region ${report.region}: ${report.ok ? "verified" : "NOT VERIFIED"} (${messages.length} signed messages, ${report.unverifiedMessages} not signed by a given key)`];
  for (const ledger of report.ledgers) {
    const checkpoint = ledger.latestCheckpoint ? `checkpoint ${ledger.latestCheckpoint.sequence} at ${ledger.latestCheckpoint.takenAt}` : "no checkpoint";
    lines.push(`  ${ledger.ledger}: ${ledger.chains} chains, ${ledger.rows} rows, ${ledger.intactChains} intact; ${checkpoint}; ${ledger.unanchoredRows} rows after their anchors, ${ledger.unanchoredChains} chains not anchored yet`);
    for (const broken of ledger.broken) lines.push(`    ${broken.reason}: ${broken.chainId} at position ${broken.position}`);
    for (const problem of ledger.checkpointProblems) lines.push(`    checkpoints: ${problem}`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}
process.exit(report.ok ? 0 : 1);
