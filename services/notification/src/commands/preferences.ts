import { randomBytes } from "node:crypto";
import { fail, invalidArgument, ok, permissionDenied, type FieldViolation, type Result } from "@steward/platform/errors";
import { saveEndpoint, type WebhookEndpoint } from "../db/endpoints.js";
import { findPreferences, savePreferences, type StoredPreferences } from "../db/preferences.js";
import { isOwnRecipient, mayManage, recipientKey, systemKinds, type Caller, type Recipient } from "../domain/recipients.js";
import type { Channel } from "../domain/rules.js";
import type { NotificationDeps } from "./deps.js";

const mobile = /^1[3-9][0-9]{9}$/;
const email = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;

export interface PreferencesInput {
  phone: string;
  email: string;
  channels: Channel[];
}

/** A person's contact points and channel choice; the enterprise's mobile number stays intake's. */
export async function setPreferencesCommand(deps: NotificationDeps, caller: Caller, recipient: Recipient, input: PreferencesInput): Promise<Result<StoredPreferences>> {
  if (!mayManage(caller, recipient)) return fail(permissionDenied("a person sets their own preferences; admins those of anyone in the region", "NOT_OWN_PREFERENCES"));
  const violations: FieldViolation[] = [];
  if (systemKinds.has(recipient.kind)) violations.push({ field: "recipient.kind", description: "systems are reached by their webhook endpoint (RegisterWebhookEndpoint), not preferences" });
  if (recipient.kind === "enterprise" && input.phone !== "") violations.push({ field: "phone", description: "the enterprise's mobile number is its contact's in intake; change it there" });
  else if (input.phone !== "" && !mobile.test(input.phone)) violations.push({ field: "phone", description: "must be a mainland mobile number (11 digits)" });
  if (input.email !== "" && !email.test(input.email)) violations.push({ field: "email", description: "must be an e-mail address" });
  input.channels.forEach((channel, index) => {
    if (channel === "webhook") violations.push({ field: `channels[${index}]`, description: "people are not reached by webhook" });
  });
  if (input.channels.includes("email") && input.email === "") violations.push({ field: "email", description: "is needed to choose e-mail" });
  if (input.channels.includes("sms") && input.phone === "" && recipient.kind !== "enterprise") violations.push({ field: "phone", description: "is needed to choose SMS" });
  if (violations.length > 0) return fail(invalidArgument(violations));
  const saved = await savePreferences(
    deps.sql,
    deps.region,
    { recipient: recipientKey(recipient), phone: input.phone || undefined, email: input.email || undefined, channels: [...new Set(input.channels)], updatedBy: caller.subject },
    deps.now(),
  );
  return ok(saved);
}

const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
const maskEmail = (address: string) => `${address.slice(0, 1)}***${address.slice(address.indexOf("@"))}`;

/** Preferences as the caller may see them: addresses in full for the recipient and admins, masked for operators. */
export async function preferencesFor(deps: NotificationDeps, caller: Caller, recipient: Recipient): Promise<Result<StoredPreferences | undefined>> {
  if (!mayManage(caller, recipient) && caller.role !== "operator") return fail(permissionDenied("a person reads their own preferences; admins and operators those of the region", "NOT_OWN_PREFERENCES"));
  const stored = await findPreferences(deps.sql, deps.region, recipientKey(recipient));
  if (!stored || caller.role === "admin" || isOwnRecipient(caller, recipient)) return ok(stored);
  return ok({ ...stored, phone: stored.phone && maskPhone(stored.phone), email: stored.email && maskEmail(stored.email) });
}

/** Registers the endpoint of a department system or the 12345 system, with a fresh signing secret answered once. */
export async function registerEndpointCommand(deps: NotificationDeps, caller: Caller, recipient: Recipient, url: string): Promise<Result<{ endpoint: WebhookEndpoint; secret: string }>> {
  const violations: FieldViolation[] = [];
  if (!systemKinds.has(recipient.kind)) violations.push({ field: "recipient.kind", description: "must be a department system or the 12345 system" });
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || url.length > 2000) violations.push({ field: "url", description: "must be an http(s) URL" });
  if (violations.length > 0) return fail(invalidArgument(violations));
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const endpoint = await saveEndpoint(deps.sql, deps.region, { recipient: recipientKey(recipient), url, secret, registeredBy: caller.subject }, deps.now());
  return ok({ endpoint, secret });
}
