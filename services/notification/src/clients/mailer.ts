import { SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import { attributeNames, contextFromHeaders, type TraceCarrier } from "@steward/platform/telemetry";
import nodemailer, { type Transporter } from "nodemailer";
import { resultOfThrown, type SendResult } from "./provider.js";

export interface MailerOptions {
  /** smtp://host:port or smtps://user:password@host:port */
  url: string;
  from: string;
  timeoutMs: number;
}

/**
 * E-mail over SMTP (nodemailer). The delivery id is the Message-ID, so a message sent twice
 * after a crash is one message to mail clients and to servers that drop duplicate ids.
 *
 * Each send is a CLIENT span under the trace that queued the delivery, like the SMS and webhook
 * POSTs: the mail server's address and port and the protocol, and on failure the SMTP reply code
 * or the error's code as `error.type` — never an address, a subject or the text. The trace
 * context stays ours: nothing of it goes into the message's headers.
 */
export class Mailer {
  private readonly transport: Transporter;
  private readonly server: { address: string; port: number };

  constructor(private readonly options: MailerOptions) {
    const url = new URL(options.url);
    this.server = { address: url.hostname, port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 25) };
    this.transport = nodemailer.createTransport({
      host: this.server.address,
      port: this.server.port,
      secure: url.protocol === "smtps:",
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    });
  }

  async send(message: { deliveryId: string; to: string; subject: string; text: string; trace: TraceCarrier }): Promise<SendResult> {
    const parent = contextFromHeaders((key) => message.trace[key]);
    const span = trace.getTracer("steward.smtp").startSpan(
      "smtp send",
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [attributeNames.networkProtocolName]: "smtp",
          [attributeNames.networkTransport]: "tcp",
          [attributeNames.serverAddress]: this.server.address,
          [attributeNames.serverPort]: this.server.port,
          [attributeNames.channel]: "email",
        },
      },
      parent,
    );
    try {
      const info = await context.with(trace.setSpan(parent, span), () =>
        this.transport.sendMail({
          from: this.options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          messageId: `<${message.deliveryId}@notification.steward>`,
          headers: { "X-Steward-Delivery": message.deliveryId },
        }),
      );
      span.end();
      return { kind: "delivered", providerMessageId: info.messageId };
    } catch (thrown) {
      const { responseCode, code } = thrown as { responseCode?: number; code?: string };
      span.setAttribute(attributeNames.errorType, responseCode !== undefined ? String(responseCode) : (code ?? (thrown as Error).name ?? "Error"));
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      // 5xx SMTP replies are permanent (a mailbox that does not exist); 4xx and network failures are worth retrying.
      if (responseCode !== undefined && responseCode >= 500) return { kind: "permanent", error: `the mail server refused it (${responseCode})` };
      return resultOfThrown(thrown, "the mail server", this.options.timeoutMs);
    }
  }

  close(): void {
    this.transport.close();
  }
}
