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
 */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly options: MailerOptions) {
    const url = new URL(options.url);
    this.transport = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 25),
      secure: url.protocol === "smtps:",
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    });
  }

  async send(message: { deliveryId: string; to: string; subject: string; text: string }): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.deliveryId}@notification.steward>`,
        headers: { "X-Steward-Delivery": message.deliveryId },
      });
      return { kind: "delivered", providerMessageId: info.messageId };
    } catch (thrown) {
      const code = (thrown as { responseCode?: number }).responseCode;
      // 5xx SMTP replies are permanent (a mailbox that does not exist); 4xx and network failures are worth retrying.
      if (code !== undefined && code >= 500) return { kind: "permanent", error: `the mail server refused it (${code})` };
      return resultOfThrown(thrown, "the mail server", this.options.timeoutMs);
    }
  }

  close(): void {
    this.transport.close();
  }
}
