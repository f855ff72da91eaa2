/**
 * Exports a region's signed ledger checkpoints (every anchor and checkpoint its stream holds) as
 * JSON lines, for offline verification with `pnpm ledger:verify`.
 *   pnpm ledger:export --region hanbin [--nats nats://127.0.0.1:54222] [--copy-of city] > checkpoints.jsonl
 * --copy-of reads the city's copy instead of the region's own stream (when the region's was lost).
 */
import { parseArgs } from "node:util";
import { LedgerVerifier, checkpointCopyStreamFor, checkpointStreamFor, exportLedgerMessages } from "@steward/platform/ledger";

const { values } = parseArgs({
  options: {
    region: { type: "string" },
    nats: { type: "string", default: process.env.STEWARD_NATS_URL ?? "nats://127.0.0.1:54222" },
    "copy-of": { type: "string" },
  },
});
if (!values.region) {
  process.stderr.write("usage: pnpm ledger:export --region <region> [--nats <url>] [--copy-of <city region>]\n");
  process.exit(2);
}
const stream = values["copy-of"] ? checkpointCopyStreamFor(values["copy-of"]) : checkpointStreamFor(values.region);
// Signatures are checked by the verifier, with the keys the auditor trusts, not here.
const messages = await exportLedgerMessages(values.nats, stream, values.region, new LedgerVerifier([]));
for (const message of messages) process.stdout.write(`${JSON.stringify(message.signed)}\n`);
process.stderr.write(`${messages.length} messages of ${stream} for region ${values.region}\n`);
