/**
 * The stand-in SMS gateway for development (packages/testing's stand-in, speaking the gateway
 * contract of the README's "Notification" section): it takes notification's messages on loopback
 * and appends each accepted one to a JSON-lines file, so a developer sees what phones would get.
 *   tsx scripts/dev/sms-gateway.ts <port> <file>      (the API key in STEWARD_NOTIFICATION_SMS_API_KEY)
 */
import { appendFileSync } from "node:fs";
import { startSmsGatewayStandIn } from "@steward/testing";

const port = Number(process.argv[2] ?? 8197);
const file = process.argv[3] ?? ".data/sms-messages.jsonl";
const apiKey = process.env.STEWARD_NOTIFICATION_SMS_API_KEY;
if (!apiKey) throw new Error("STEWARD_NOTIFICATION_SMS_API_KEY is required");

const gateway = await startSmsGatewayStandIn({ port, apiKey, onMessage: (message) => appendFileSync(file, `${JSON.stringify(message)}\n`) });
process.on("SIGTERM", () => void gateway.close().then(() => process.exit(0)));
process.stdout.write(`stand-in SMS gateway on ${gateway.url}, writing ${file}\n`);
