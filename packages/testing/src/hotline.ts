import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { Webhook } from "standardwebhooks";

/** A status change intake pushed back, as the stand-in verified and recorded it. */
export interface HotlinePush {
  id: string;
  body: { type: string; ticketNo: string; status: string; coordinator: string; dueAt: string; answer?: string; answeredAt?: string };
}

export interface HotlineStandIn {
  /** Where intake pushes status changes (STEWARD_HOTLINE_CALLBACK_URL). */
  callbackUrl: string;
  /** The link's shared secret (STEWARD_HOTLINE_SECRET). */
  secret: string;
  /** Pushes received with a good signature, in order; a retried one (same id) is kept once. */
  received: HotlinePush[];
  /** Pushes refused for their signature. */
  refused: number;
  /** Every verified attempt in arrival order (retries included), with the status answered. */
  attempts: { id: string; timestamp: string; signature: string; answered: number }[];
  /** Answers the next `times` verified pushes with `status` (an outage), without recording them. */
  failNext(times: number, status?: number): void;
  /**
   * Holds the next verified push unanswered until `release()`; `arrived` resolves when it is
   * being held (so a test can look at the sender meanwhile).
   */
  holdNext(): { arrived: Promise<void>; release(): void };
  /** Sends a message to intake's webhook as the hotline does: signed, under a fresh message id. */
  send(intakeUrl: string, message: { type: "ticket.created" | "ticket.closed"; ticket: Record<string, unknown> }, id?: string): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A local stand-in for the 12345 hotline system, speaking the link's signed HTTP both ways
 * (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature over "id.timestamp.body"):
 * it sends tickets to intake and verifies and records intake's status pushes. For tests and the
 * dev stack (scripts/dev/hotline.ts).
 */
export async function startHotlineStandIn(options: { port?: number; secret?: string } = {}): Promise<HotlineStandIn> {
  const secret = options.secret ?? `whsec_${randomBytes(32).toString("base64")}`;
  const webhook = new Webhook(secret);
  const received: HotlinePush[] = [];
  const state = { refused: 0 };
  const attempts: HotlineStandIn["attempts"] = [];
  const failures: number[] = [];
  const holds: { arrive(): void; released: Promise<void> }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = (name: string) => String(request.headers[name] ?? "");
      let verified: HotlinePush["body"];
      try {
        verified = webhook.verify(body, { "webhook-id": header("webhook-id"), "webhook-timestamp": header("webhook-timestamp"), "webhook-signature": header("webhook-signature") }) as HotlinePush["body"];
      } catch {
        state.refused++;
        response.writeHead(401).end();
        return;
      }
      const hold = holds.shift();
      if (hold) {
        hold.arrive();
        await hold.released;
      }
      const failure = failures.shift();
      const answered = failure ?? 204;
      attempts.push({ id: header("webhook-id"), timestamp: header("webhook-timestamp"), signature: header("webhook-signature"), answered });
      if (failure === undefined && !received.some((push) => push.id === header("webhook-id"))) received.push({ id: header("webhook-id"), body: verified });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    callbackUrl: `http://127.0.0.1:${port}/status`,
    secret,
    received,
    get refused() {
      return state.refused;
    },
    attempts,
    failNext(times, status = 503) {
      for (let index = 0; index < times; index++) failures.push(status);
    },
    holdNext() {
      let arrive!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ arrive, released });
      return { arrived, release };
    },
    async send(intakeUrl, message, id = randomUUID()) {
      const body = JSON.stringify(message);
      const at = new Date();
      return fetch(`${intakeUrl}/webhooks/hotline`, {
        method: "POST",
        headers: { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": webhook.sign(id, at, body) },
        body,
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections of the sender would hold the server open.
        server.closeAllConnections();
      }),
  };
}
