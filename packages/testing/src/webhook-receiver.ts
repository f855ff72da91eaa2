import { createServer, type Server } from "node:http";
import { Webhook } from "standardwebhooks";

/** A signed POST the receiver verified. */
export interface ReceivedWebhook {
  id: string;
  idempotencyKey: string;
  path: string;
  body: Record<string, unknown>;
  /** The W3C traceparent the POST carried ("" when none). */
  traceparent: string;
}

export interface WebhookReceiverStandIn {
  url: string;
  /** Verified deliveries, in arrival order, retries and duplicates included. */
  received: ReceivedWebhook[];
  /** Requests refused for a missing or bad signature. */
  refused: number;
  /** The secret to verify with (notification answers it once, on registration). */
  useSecret(secret: string): void;
  /** Answers the next `times` verified requests with `status`, without recording them. */
  failNext(times: number, status?: number): void;
  /** Answers every verified request with `status` until `failAlways(undefined)`. */
  failAlways(status: number | undefined): void;
  /** Delays answers by `ms` (a slow receiver, for timeouts). */
  delay(ms: number): void;
  close(): Promise<void>;
}

export interface WebhookReceiverOptions {
  port?: number;
  /** The address to listen on: 127.0.0.1 by default; the cluster rehearsal's pods reach the node's bridge address. */
  host?: string;
  onReceived?: (webhook: ReceivedWebhook) => void;
}

/**
 * A department system's (or the 12345 system's) webhook endpoint: verifies the Standard Webhooks
 * signature (HMAC-SHA256 over "webhook-id.webhook-timestamp.body") with the registered secret and
 * records what arrived. For tests and the dev stack.
 */
export async function startWebhookReceiver(options: WebhookReceiverOptions = {}): Promise<WebhookReceiverStandIn> {
  const host = options.host ?? "127.0.0.1";
  let verifier: Webhook | undefined;
  const received: ReceivedWebhook[] = [];
  const state = { refused: 0, failAlways: undefined as number | undefined, delayMs: 0 };
  const failures: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = (name: string) => String(request.headers[name] ?? "");
      let verified: Record<string, unknown>;
      try {
        if (!verifier) throw new Error("no secret");
        verified = verifier.verify(body, { "webhook-id": header("webhook-id"), "webhook-timestamp": header("webhook-timestamp"), "webhook-signature": header("webhook-signature") }) as Record<string, unknown>;
      } catch {
        state.refused++;
        response.writeHead(401).end();
        return;
      }
      if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      const failure = failures.shift() ?? state.failAlways;
      if (failure !== undefined) {
        response.writeHead(failure).end();
        return;
      }
      const webhook = { id: header("webhook-id"), idempotencyKey: header("idempotency-key"), path: request.url ?? "/", body: verified, traceparent: header("traceparent") };
      received.push(webhook);
      options.onReceived?.(webhook);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${host}:${port}/webhook`,
    received,
    get refused() {
      return state.refused;
    },
    useSecret(secret) {
      verifier = new Webhook(secret);
    },
    failNext(times, status = 503) {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    failAlways(status) {
      state.failAlways = status;
    },
    delay(ms) {
      state.delayMs = ms;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
