/**
 * The steward's webhook as the fault suite sees it: it counts notices by Idempotency-Key (a POST
 * repeated after a crash carries the same key and is one notice), and can hold one POST unanswered
 * while the suite kills the notification service, so the kill falls between the POST and the
 * service recording it delivered.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Notice {
  key: string;
  subjectId: string;
  template: string;
  /** POSTs that carried this key (more than one after a crash or a lost answer). */
  posts: number;
}

export class WebhookReceiver {
  readonly notices = new Map<string, Notice>();
  /** POSTs without an Idempotency-Key: each would be a notice the receiver cannot deduplicate. */
  unkeyed = 0;
  /** performance.now() of every POST, in order. */
  readonly postTimes: number[] = [];
  private interceptNext: ((key: string) => Promise<void>) | undefined;
  private server: Server | undefined;
  url = "";

  async listen(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => void this.receive(request.headers["idempotency-key"], Buffer.concat(chunks), response));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/deliveries`;
  }

  /** The next POST is counted, then `action` runs before it is answered (it kills the sender). */
  interceptNextPost(action: (key: string) => Promise<void>): void {
    this.interceptNext = action;
  }

  /** Resolves with the time of the first POST after `since` (performance.now()), or undefined at the timeout. */
  async firstPostAfter(since: number, timeoutMs: number): Promise<number | undefined> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const found = this.postTimes.find((at) => at > since);
      if (found !== undefined) return found;
      if (performance.now() > until) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  get repeatedPosts(): number {
    let repeated = 0;
    for (const notice of this.notices.values()) repeated += notice.posts - 1;
    return repeated;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async receive(keyHeader: string | string[] | undefined, body: Buffer, response: import("node:http").ServerResponse): Promise<void> {
    this.postTimes.push(performance.now());
    const key = typeof keyHeader === "string" ? keyHeader : undefined;
    let parsed: { subjectId?: string; template?: string } = {};
    try {
      parsed = JSON.parse(body.toString("utf8")) as typeof parsed;
    } catch {
      // counted below as what it is
    }
    if (!key) this.unkeyed++;
    else {
      const notice = this.notices.get(key) ?? { key, subjectId: parsed.subjectId ?? "", template: parsed.template ?? "", posts: 0 };
      notice.posts++;
      this.notices.set(key, notice);
    }
    const intercept = this.interceptNext;
    if (intercept && key) {
      this.interceptNext = undefined;
      await intercept(key);
      response.destroy(); // the sender is gone; nobody reads an answer
      return;
    }
    response.writeHead(204).end();
  }
}
