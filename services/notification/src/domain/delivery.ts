import { randomUUID } from "node:crypto";
import type { Notice } from "./notices.js";
import { recipientKey, systemKinds, type Recipient } from "./recipients.js";
import { inQuietHours, type Channel, type RulesFile, type Urgency } from "./rules.js";
import { render, type TemplateSet } from "./templates.js";

export type DeliveryStatus = "pending" | "delivered" | "failed" | "held" | "digested" | "skipped";

/**
 * One notice on one channel to one recipient: the claim that makes it happen exactly once. Its id
 * is the idempotency key every provider receives, and (region, source, recipient, channel) is
 * unique, so a redelivered event finds its claims already there.
 */
export interface Delivery {
  id: string;
  region: string;
  sourceId: string;
  eventType: string;
  recipient: Recipient;
  channel: Channel;
  template: string;
  templateVersion: number;
  urgency: Urgency;
  subjectId: string;
  title: string;
  body: string;
  /** The SMS text. */
  shortText: string;
  /** What a webhook receiver gets besides the text: the trigger's fields. */
  data: Record<string, unknown> | undefined;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  /** Held notices: the morning digest they wait for. */
  digestDueAt: Date | undefined;
  digestId: string | undefined;
  lastError: string | undefined;
  createdAt: Date;
  deliveredAt: Date | undefined;
}

/** What notification knows of a recipient when it plans: its channel choice and which addresses it has. */
export interface RecipientProfile {
  channels: readonly Channel[];
  hasPhone: boolean;
  hasEmail: boolean;
}

const people: readonly Channel[] = ["sms", "email", "inbox"];

/**
 * The channels a notice goes out on. People and offices always get the inbox, plus the channels
 * they chose (or their kind's default), narrowed by the rule, that they have an address for — the
 * enterprise's mobile number is intake's and looked up when sending, so SMS is planned for it
 * always. Systems get a webhook when an endpoint is registered (a department system may read its
 * inbox too).
 */
export function channelsFor(notice: Notice, profile: RecipientProfile | undefined, defaults: RulesFile["channels"], endpoints: ReadonlySet<string>): Channel[] {
  const kind = notice.recipient.kind;
  const chosen = profile && profile.channels.length > 0 ? profile.channels : defaults[kind];
  const allowed = (channel: Channel) => notice.channels === undefined || notice.channels.includes(channel);
  if (systemKinds.has(kind)) {
    return chosen.filter((channel) => allowed(channel) && (channel !== "webhook" || endpoints.has(recipientKey(notice.recipient))) && (channel !== "inbox" || kind === "department"));
  }
  const reachable = (channel: Channel) =>
    channel === "inbox" || (channel === "sms" && (kind === "enterprise" || profile?.hasPhone === true)) || (channel === "email" && profile?.hasEmail === true);
  const out = new Set<Channel>(["inbox"]);
  for (const channel of people) if (chosen.includes(channel) && allowed(channel) && reachable(channel)) out.add(channel);
  return [...out];
}

const minuteMs = 60_000;
const dayMs = 86_400_000;
/** Asia/Shanghai keeps UTC+8 all year (no daylight saving): the schedule's only time zone. */
const shanghaiOffsetMs = 8 * 60 * minuteMs;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Minute of the local day in Asia/Shanghai. */
export function localMinuteOfDay(at: Date): number {
  return Math.floor((((at.getTime() + shanghaiOffsetMs) % dayMs) + dayMs) % dayMs / minuteMs);
}

/** The first instant strictly after `after` at which local time is `time` (HH:MM). */
export function nextLocalTime(after: Date, time: string): Date {
  const localMidnight = Math.floor((after.getTime() + shanghaiOffsetMs) / dayMs) * dayMs - shanghaiOffsetMs;
  let at = localMidnight + minutesOf(time) * minuteMs;
  if (at <= after.getTime()) at += dayMs;
  return new Date(at);
}

/** The instant of a local time (HH:MM) on a civil date (YYYY-MM-DD) in Asia/Shanghai. */
export function localInstant(date: string, time: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - shanghaiOffsetMs + minutesOf(time) * minuteMs);
}

/**
 * When a delivery goes: the inbox is written at once; webhooks go at once; SMS and e-mail go at
 * once when urgent, or prompt outside the quiet hours, and are otherwise held for the
 * recipient's next morning digest.
 */
export function dispositionOf(channel: Channel, urgency: Urgency, now: Date, schedule: RulesFile["schedule"]): { status: "pending" | "delivered" | "held"; digestDueAt?: Date } {
  if (channel === "inbox") return { status: "delivered" };
  if (channel === "webhook" || urgency === "urgent") return { status: "pending" };
  if (urgency === "prompt" && !inQuietHours(localMinuteOfDay(now), schedule.quietHours)) return { status: "pending" };
  return { status: "held", digestDueAt: nextLocalTime(now, schedule.digestAt) };
}

/** The deliveries of a notice on its channels, rendered with the template set's current version. */
export function deliveriesOf(notice: Notice, channels: readonly Channel[], region: string, templates: TemplateSet, schedule: RulesFile["schedule"], now: Date): Delivery[] {
  const message = render(templates, notice.template, notice.values);
  return channels.map((channel) => {
    const disposition = dispositionOf(channel, notice.urgency, now, schedule);
    return {
      id: randomUUID(),
      region,
      sourceId: notice.trigger.sourceId,
      eventType: notice.trigger.type,
      recipient: notice.recipient,
      channel,
      template: notice.template,
      templateVersion: templates.version,
      urgency: notice.urgency,
      subjectId: notice.trigger.subjectId,
      title: message.title,
      body: message.body,
      shortText: message.sms,
      data: channel === "webhook" ? { ...notice.trigger.fields } : undefined,
      status: disposition.status,
      attempts: 0,
      nextAttemptAt: now,
      digestDueAt: disposition.digestDueAt,
      digestId: undefined,
      lastError: undefined,
      createdAt: now,
      deliveredAt: disposition.status === "delivered" ? now : undefined,
    };
  });
}

/**
 * Back-off before the next attempt after the n-th failure: exponential from 1 s, capped at
 * 10 minutes, with jitter (a random half to all of it), so receivers that come back are not hit by
 * every sender in the same second.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(1000 * 2 ** Math.max(0, attempts - 1), 600_000);
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
