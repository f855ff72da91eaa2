/**
 * The stand-in 12345 hotline system for development (packages/testing's stand-in, the same signed
 * HTTP both ways): it takes intake's status pushes on loopback, verifies their signature and appends
 * each to a JSON-lines file, so a developer sees what the hotline would have heard.
 *   tsx scripts/dev/hotline.ts <port> <file>      (the link's secret in STEWARD_HOTLINE_SECRET)
 */
import { appendFileSync } from "node:fs";
import { startHotlineStandIn } from "@steward/testing";

const port = Number(process.argv[2] ?? 8198);
const file = process.argv[3] ?? ".data/hotline-pushes.jsonl";
const secret = process.env.STEWARD_HOTLINE_SECRET;
if (!secret) throw new Error("STEWARD_HOTLINE_SECRET is required");

const hotline = await startHotlineStandIn({ port, secret });
let written = 0;
setInterval(() => {
  for (; written < hotline.received.length; written++) appendFileSync(file, `${JSON.stringify({ receivedAt: new Date().toISOString(), ...hotline.received[written] })}\n`);
}, 500).unref();
process.on("SIGTERM", () => void hotline.close().then(() => process.exit(0)));
process.stdout.write(`stand-in 12345 hotline on ${hotline.callbackUrl}, writing ${file}\n`);
