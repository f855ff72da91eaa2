/**
 * How the load driver and the fault suite receive notices at a webhook of their own: notification
 * runs its bundled rules plus one that sends every completed case to the 12345 system (urgent, so
 * quiet hours hold nothing back), and the receiver is registered as that system's endpoint. One
 * completed case is then one signed POST (per delivery id) to the receiver — the
 * decision → notification path end to end, claims, dispatcher and all.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signDevToken } from "@steward/platform/auth";
import { createClient } from "@steward/platform/grpc";
import { notificationV1 } from "@steward/proto";
import { repositoryRoot, testAuthSecret } from "@steward/testing";

/** The recipient key the rule's deliveries carry (in the POST body and the deliveries table). */
export const hotlineRecipient = "hotline:";

/** notification's bundled rules with the one more; `file` is for STEWARD_NOTIFICATION_RULES_FILE. */
export function caseCompletedToHotlineRules(): { file: string; remove(): void } {
  const rules = JSON.parse(readFileSync(`${repositoryRoot}services/notification/rules/notification-rules.json`, "utf8")) as { rules: unknown[] };
  rules.rules.push({ id: "load-case-completed-hotline", on: "routing.case.completed", notify: [{ recipient: "hotline", template: "case-completed.steward", urgency: "urgent" }] });
  const dir = mkdtempSync(join(tmpdir(), "steward-load-rules-"));
  const file = join(dir, "rules.json");
  writeFileSync(file, JSON.stringify(rules));
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Registers `url` as the 12345 system's endpoint with the region's notification service. */
export async function registerHotlineEndpoint(region: string, grpcPort: number, url: string): Promise<void> {
  const token = await signDevToken({ secret: testAuthSecret }, { subject: "load-admin", region, role: "admin" });
  const client = createClient(notificationV1.NotificationServiceService, { address: `127.0.0.1:${grpcPort}`, token: () => token, defaultDeadlineMs: 10_000 });
  try {
    await client.registerWebhookEndpoint({ recipient: { kind: notificationV1.RecipientKind.RECIPIENT_KIND_HOTLINE, id: "" }, url });
  } finally {
    client.close();
  }
}
