import { tracedFetch } from "@steward/platform/http";
import type { TraceCarrier } from "@steward/platform/telemetry";
import { resultOfStatus, resultOfThrown, type SendResult } from "./provider.js";

export interface SmsGatewayOptions {
  /** Base URL of the gateway; messages are POSTed to `${url}/v1/messages`. */
  url: string;
  apiKey: string;
  /** The registered signature (签名) the provider prefixes, e.g. 项目管家. */
  sign: string;
  timeoutMs: number;
}

/**
 * The SMS provider adapter: the HTTP gateway contract (README, "SMS gateway contract") that a
 * provider's own API is put behind. The delivery id is the Idempotency-Key, so a retried attempt
 * (a crash between the gateway's answer and our record of it) never sends a second message.
 * Each POST is a CLIENT span under the trace that queued the delivery.
 */
export class SmsGateway {
  constructor(private readonly options: SmsGatewayOptions) {}

  async send(message: { idempotencyKey: string; to: string; text: string; trace: TraceCarrier }): Promise<SendResult> {
    try {
      const response = await tracedFetch(`${this.options.url}/v1/messages`, {
        method: "POST",
        parent: message.trace,
        headers: { "content-type": "application/json", authorization: `Bearer ${this.options.apiKey}`, "idempotency-key": message.idempotencyKey },
        body: JSON.stringify({ to: message.to, text: message.text, sign: this.options.sign }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const answer = (await response.json().catch(() => ({}))) as { messageId?: unknown };
      const result = resultOfStatus(response.status, "the SMS gateway");
      return result.kind === "delivered" && typeof answer.messageId === "string" ? { ...result, providerMessageId: answer.messageId } : result;
    } catch (thrown) {
      return resultOfThrown(thrown, "the SMS gateway", this.options.timeoutMs);
    }
  }
}
