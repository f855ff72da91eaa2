/**
 * Decision -> notification-delivered latency: an in-process webhook receiver (registered with the
 * notification service as an endpoint that a timing rule sends every completed case to, see
 * stack.ts) timestamps each case-completed delivery, whose subjectId is the case id, and pairs it
 * with the time the case's last DecideItem answered.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export class NotificationTracker {
  private readonly decidedAt = new Map<string, number>();
  private readonly deliveredAt = new Map<string, number>();
  private readonly seen = new Set<string>();
  private readonly ignored = new Set<string>();
  delivered = 0;
  duplicates = 0;
  /** Deliveries for cases this run did not decide (or did not finish deciding). */
  unmatched = 0;

  /** Receives each decision -> delivery latency in ms; the run that measures sets it. */
  onLatency: (ms: number) => void = () => {};

  /** The case's last decision answered at `at` (performance.now()). */
  decided(caseId: string, at: number): void {
    const delivered = this.deliveredAt.get(caseId);
    if (delivered === undefined) {
      this.decidedAt.set(caseId, at);
      return;
    }
    this.deliveredAt.delete(caseId);
    this.onLatency(Math.max(0, delivered - at));
  }

  /** Starts a new measurement: what the previous one still waits for is no longer counted. */
  reset(): void {
    for (const caseId of this.decidedAt.keys()) this.ignored.add(caseId);
    this.decidedAt.clear();
    this.deliveredAt.clear();
    this.delivered = 0;
    this.duplicates = 0;
    this.unmatched = 0;
  }

  /** A case outside the measurement (warm-up, or finished after the run): its delivery is not counted. */
  ignore(caseId: string): void {
    this.ignored.add(caseId);
    this.deliveredAt.delete(caseId);
  }

  /** The webhook received the case's delivery at `at` (performance.now()). */
  received(caseId: string, deliveryId: string, at: number): void {
    if (this.ignored.has(caseId)) return;
    if (this.seen.has(deliveryId)) {
      this.duplicates++;
      return;
    }
    this.seen.add(deliveryId);
    this.delivered++;
    const decided = this.decidedAt.get(caseId);
    if (decided === undefined) {
      this.deliveredAt.set(caseId, at);
      return;
    }
    this.decidedAt.delete(caseId);
    this.onLatency(at - decided);
  }

  /** Cases decided whose delivery has not arrived. */
  get pending(): number {
    return this.decidedAt.size;
  }

  /** Waits, bounded, until every decided case's delivery arrived. */
  async settle(timeoutMs: number): Promise<void> {
    const until = performance.now() + timeoutMs;
    while (this.pending > 0 && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    this.unmatched = this.deliveredAt.size;
  }
}

export interface WebhookReceiver {
  url: string;
  close(): Promise<void>;
}

/** The timing webhook as the notification service posts to it (signed; not verified here); answers 200 at once. */
export function webhookReceiver(tracker: NotificationTracker): Promise<WebhookReceiver> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const at = performance.now();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id?: string; type?: string; subjectId?: string };
        if (body.type === "routing.case.completed" && body.subjectId) tracker.received(body.subjectId, body.id ?? body.subjectId, at);
      } catch {
        // Not a delivery: answer anyway, so nothing retries it.
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/deliveries`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}
