import { ledgerEnvSchema, ledgerSettings, loadConfig, roundDeadline, runtimeConfig, serviceEnvSchema, z, type Env, type LedgerSettings, type RuntimeConfig } from "@steward/platform/config";

/** Intake keeps a ledger too (projects' and enterprises' history): its checkpoints need the ledger settings. */
const schema = serviceEnvSchema.extend(ledgerEnvSchema.shape).extend({
  /** gRPC address of the region's approval-routing service (cases, the published holiday schedule). */
  STEWARD_ROUTING_ADDRESS: z.string().regex(/^[\w.-]+:\d{1,5}$/, "must be host:port").optional(),
  STEWARD_ROUTING_DEADLINE_MS: z.coerce.number().int().min(100).default(5_000),
  /** The 12345 link's shared secret (Standard Webhooks: "whsec_" + base64 of at least 24 bytes); no link without it. */
  STEWARD_HOTLINE_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, "must be whsec_ followed by the base64 of at least 24 random bytes")
    .optional(),
  /** Where status changes are pushed back to the hotline; required with the secret. */
  STEWARD_HOTLINE_CALLBACK_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  STEWARD_HOTLINE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  STEWARD_HOTLINE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** How often reply clocks are looked at for reminders and escalations. */
  STEWARD_INTAKE_REMINDER_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  /** Past it a reminder round is abandoned and the next one runs (default: two intervals, at least a minute). */
  STEWARD_INTAKE_REMINDER_DEADLINE_MS: roundDeadline,
});

export interface IntakeConfig extends RuntimeConfig {
  ledger: LedgerSettings;
  routing: { address: string; deadlineMs: number } | undefined;
  hotline: { secret: string; callbackUrl: string; maxAttempts: number; timeoutMs: number } | undefined;
  reminderIntervalMs: number;
  /** undefined: the PeriodicTask default from the interval. */
  reminderDeadlineMs: number | undefined;
}

export function readConfig(env?: Env): IntakeConfig {
  const parsed = loadConfig(
    schema.refine((value) => (value.STEWARD_HOTLINE_SECRET === undefined) === (value.STEWARD_HOTLINE_CALLBACK_URL === undefined), {
      path: ["STEWARD_HOTLINE_CALLBACK_URL"],
      message: "set STEWARD_HOTLINE_SECRET and STEWARD_HOTLINE_CALLBACK_URL together (or neither: no 12345 link)",
    }),
    env,
  );
  return {
    ...runtimeConfig("intake", parsed),
    ledger: ledgerSettings(parsed),
    routing: parsed.STEWARD_ROUTING_ADDRESS ? { address: parsed.STEWARD_ROUTING_ADDRESS, deadlineMs: parsed.STEWARD_ROUTING_DEADLINE_MS } : undefined,
    hotline:
      parsed.STEWARD_HOTLINE_SECRET && parsed.STEWARD_HOTLINE_CALLBACK_URL
        ? { secret: parsed.STEWARD_HOTLINE_SECRET, callbackUrl: parsed.STEWARD_HOTLINE_CALLBACK_URL, maxAttempts: parsed.STEWARD_HOTLINE_MAX_ATTEMPTS, timeoutMs: parsed.STEWARD_HOTLINE_TIMEOUT_MS }
        : undefined,
    reminderIntervalMs: parsed.STEWARD_INTAKE_REMINDER_INTERVAL_MS,
    reminderDeadlineMs: parsed.STEWARD_INTAKE_REMINDER_DEADLINE_MS,
  };
}
