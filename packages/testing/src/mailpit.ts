import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort, repositoryRoot } from "./stack.js";

/** A message as mailpit's API lists it. */
export interface MailpitMessage {
  ID: string;
  MessageID: string;
  Subject: string;
  To: { Address: string; Name: string }[];
  From: { Address: string; Name: string };
  Snippet: string;
}

export interface Mailpit {
  /** Where to send (smtp://127.0.0.1:<port>). */
  smtpUrl: string;
  /** mailpit's HTTP API, e.g. `${apiUrl}/api/v1/messages`. */
  apiUrl: string;
  /** Every message received, newest first (up to 1,000). */
  messages(): Promise<MailpitMessage[]>;
  /** A message's plain-text body. */
  text(id: string): Promise<string>;
  stop(): Promise<void>;
}

/** The mailpit binary scripts/stack.sh builds (go install at the pinned version, cached in .tools/bin). */
export const mailpitBinary = `${repositoryRoot}.tools/bin/mailpit`;

export interface MailpitOptions {
  /** A regular expression: recipients that do not match it are refused with a 5xx SMTP reply. */
  allowedRecipients?: string;
}

/**
 * Starts a real SMTP server (mailpit) on free loopback ports, keeping messages in memory, and
 * resolves once its API answers. Every test that sends e-mail gets its own.
 */
export async function startMailpit(options: MailpitOptions = {}): Promise<Mailpit> {
  if (!existsSync(mailpitBinary)) throw new Error(`${mailpitBinary} is missing: run scripts/stack.sh up (it builds mailpit once)`);
  const [smtpPort, httpPort] = [await freePort(), await freePort()];
  const args = ["--smtp", `127.0.0.1:${smtpPort}`, "--listen", `127.0.0.1:${httpPort}`, "--max", "0", "--quiet", "--disable-version-check", "--smtp-auth-accept-any", "--smtp-auth-allow-insecure"];
  if (options.allowedRecipients) args.push("--smtp-allowed-recipients", options.allowedRecipients);
  const child: ChildProcess = spawn(mailpitBinary, args, {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const apiUrl = `http://127.0.0.1:${httpPort}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mailpit exited with ${child.exitCode}: ${stderr}`);
    const up = await fetch(`${apiUrl}/api/v1/info`).then((response) => response.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`mailpit did not answer on ${apiUrl}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    apiUrl,
    async messages() {
      const response = await fetch(`${apiUrl}/api/v1/messages?limit=1000`);
      const body = (await response.json()) as { messages: MailpitMessage[] };
      return body.messages;
    },
    async text(id) {
      const response = await fetch(`${apiUrl}/api/v1/message/${id}`);
      return ((await response.json()) as { Text: string }).Text;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
