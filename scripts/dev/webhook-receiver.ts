/**
 * A local webhook receiver for development: accepts notification deliveries on loopback and
 * appends each to a JSON-lines file, so a developer can see what would have been sent.
 *   tsx scripts/dev/webhook-receiver.ts <port> <file>
 */
import { appendFileSync } from "node:fs";
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 8199);
const file = process.argv[3] ?? ".data/webhook-deliveries.jsonl";

createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    if (request.method !== "POST") {
      response.writeHead(405).end();
      return;
    }
    appendFileSync(file, `${JSON.stringify({ receivedAt: new Date().toISOString(), idempotencyKey: request.headers["idempotency-key"], body: safeJson(body) })}\n`);
    response.writeHead(204).end();
  });
}).listen(port, "127.0.0.1", () => process.stdout.write(`webhook receiver on http://127.0.0.1:${port}, writing ${file}\n`));

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
