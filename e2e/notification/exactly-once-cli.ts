/**
 * pnpm notify:exactly-once [--events N] [--redelivered 0.05] [--kills K]: the exactly-once run
 * bigger than the test's (default 10^5 events, 3 kills), printing its figures. Needs the local
 * stack (scripts/stack.sh up); bounded by --timeout-s (default 1800).
 */
import { parseArgs } from "node:util";
import { runExactlyOnce } from "./exactly-once.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "100000" },
    redelivered: { type: "string", default: "0.05" },
    kills: { type: "string", default: "3" },
    "timeout-s": { type: "string", default: "1800" },
  },
});
const figures = await runExactlyOnce({
  events: Number(values.events),
  redeliveredShare: Number(values.redelivered),
  kills: Number(values.kills),
  timeoutMs: Number(values["timeout-s"]) * 1000,
  log: (line) => process.stdout.write(`  ${line}\n`),
});
const rows: [string, string | number][] = [
  ["events published", figures.events],
  ["of them redelivered (another Nats-Msg-Id)", figures.redelivered],
  ["messages JetStream stored", figures.storedMessages],
  ["notification processes killed mid-batch", figures.kills],
  ["delivery claims", figures.deliveries],
  ["(event, recipient, channel) claimed other than once", figures.claimsNotOne],
  ["SMS sent to phones (one per idempotency key)", figures.smsSent],
  ["SMS requests the gateway answered (retries and repeats included)", figures.smsRequests],
  ["webhooks received, distinct ids", figures.webhooksDistinct],
  ["webhook requests (a kill between POST and record repeats an id)", figures.webhookRequests],
  ["deliveries left unsent", figures.unsent],
  ["consumed in (s)", figures.consumeSeconds.toFixed(1)],
  ["events consumed per second", (figures.events / figures.consumeSeconds).toFixed(0)],
  ["whole run (s)", figures.totalSeconds.toFixed(1)],
];
for (const [what, value] of rows) process.stdout.write(`${what.padEnd(68)} ${value}\n`);
const ok = figures.claimsNotOne === 0 && figures.unsent === 0 && figures.smsSent === figures.events && figures.webhooksDistinct === figures.events && figures.deliveries === 5 * figures.events;
process.stdout.write(ok ? "exactly once: yes\n" : "exactly once: NO\n");
process.exit(ok ? 0 : 1);
