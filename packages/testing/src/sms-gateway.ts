import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";

/** An SMS the stand-in gateway accepted (once per idempotency key). */
export interface SmsMessage {
  messageId: string;
  idempotencyKey: string;
  to: string;
  text: string;
  sign: string;
  acceptedAt: string;
}

export interface SmsGatewayStandIn {
  /** The gateway's base URL (STEWARD_NOTIFICATION_SMS_GATEWAY_URL). */
  url: string;
  apiKey: string;
  /** Messages "sent to phones": one per idempotency key, in order. */
  messages: SmsMessage[];
  /** Every authorised request, retries and duplicates included: key and the status answered. */
  requests: { idempotencyKey: string; status: number }[];
  /** Answers the next `times` requests with `status` (an outage) without sending anything. */
  failNext(times: number, status?: number): void;
  /** Holds the next request unanswered until `release()`; `arrived` resolves once it is held. */
  holdNext(): { arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}

const mobile = /^1[3-9][0-9]{9}$/;

/**
 * A local stand-in for an SMS provider, speaking the gateway contract notification's adapter
 * uses (README, "SMS gateway contract"): POST /v1/messages with a bearer API key and an
 * Idempotency-Key; a key seen before is answered with the first message's id and sends nothing
 * again; an invalid number is 422 (permanent); an outage is 5xx. For tests and the dev stack
 * (scripts/dev/sms-gateway.ts).
 */
export async function startSmsGatewayStandIn(options: { port?: number; apiKey?: string; onMessage?: (message: SmsMessage) => void } = {}): Promise<SmsGatewayStandIn> {
  const apiKey = options.apiKey ?? `sms-${randomUUID()}`;
  const messages: SmsMessage[] = [];
  const byKey = new Map<string, SmsMessage>();
  const requests: SmsGatewayStandIn["requests"] = [];
  const failures: number[] = [];
  const holds: { arrive(): void; released: Promise<void> }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      };
      if (request.method !== "POST" || request.url !== "/v1/messages") return answer(404, { error: "not_found" });
      if (request.headers.authorization !== `Bearer ${apiKey}`) return answer(401, { error: "unauthorized" });
      const key = String(request.headers["idempotency-key"] ?? "");
      const hold = holds.shift();
      if (hold) {
        hold.arrive();
        await hold.released;
      }
      const record = (status: number) => requests.push({ idempotencyKey: key, status });
      const failure = failures.shift();
      if (failure !== undefined) {
        record(failure);
        return answer(failure, { error: "unavailable" });
      }
      if (!key) {
        record(400);
        return answer(400, { error: "idempotency_key_required" });
      }
      const seen = byKey.get(key);
      if (seen) {
        record(200);
        return answer(200, { messageId: seen.messageId, duplicate: true });
      }
      let body: { to?: unknown; text?: unknown; sign?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof body;
      } catch {
        record(400);
        return answer(400, { error: "malformed" });
      }
      if (typeof body.to !== "string" || !mobile.test(body.to)) {
        record(422);
        return answer(422, { error: "invalid_number" });
      }
      if (typeof body.text !== "string" || body.text === "") {
        record(422);
        return answer(422, { error: "empty_text" });
      }
      const message: SmsMessage = { messageId: randomUUID(), idempotencyKey: key, to: body.to, text: body.text, sign: String(body.sign ?? ""), acceptedAt: new Date().toISOString() };
      byKey.set(key, message);
      messages.push(message);
      options.onMessage?.(message);
      record(202);
      answer(202, { messageId: message.messageId });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    messages,
    requests,
    failNext(times, status = 503) {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    holdNext() {
      let arrive!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ arrive, released });
      return { arrived, release };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
