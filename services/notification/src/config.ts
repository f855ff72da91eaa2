import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig, roundDeadline, runtimeConfig, serviceEnvSchema, z, type Env, type RuntimeConfig } from "@steward/platform/config";
import { digestTemplate, digestTrigger } from "./domain/digest.js";
import { compileRules, rulesFileSchema, RulesError, type CompiledRules } from "./domain/rules.js";
import { templateSetSchema } from "./domain/templates.js";
import { triggerSchemas } from "./events/triggers.js";

const address = z.string().regex(/^[\w.-]+:\d{1,5}$/, "must be host:port");
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

const schema = serviceEnvSchema
  .extend({
    /** The rules (event → recipients, urgency, template) and the zh-CN templates; checked together at start. */
    STEWARD_NOTIFICATION_RULES_FILE: z.string().default(fileURLToPath(new URL("../rules/notification-rules.json", import.meta.url))),
    STEWARD_NOTIFICATION_TEMPLATES_FILE: z.string().default(fileURLToPath(new URL("../templates/zh-CN.json", import.meta.url))),
    STEWARD_NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    STEWARD_NOTIFICATION_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
    /** How often reminders, digests, second invitations, overdue rectifications and parked events are looked at. */
    STEWARD_NOTIFICATION_ROUND_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
    /** Past it those rounds are abandoned and the next runs (default: two intervals, at least a minute). */
    STEWARD_NOTIFICATION_ROUND_DEADLINE_MS: roundDeadline,
    /** The SMS gateway (README, "SMS gateway contract"); no SMS without it. */
    STEWARD_NOTIFICATION_SMS_GATEWAY_URL: httpUrl.optional(),
    STEWARD_NOTIFICATION_SMS_API_KEY: z.string().min(8, "must be at least 8 characters").optional(),
    STEWARD_NOTIFICATION_SMS_SIGN: z.string().min(1).max(16).default("项目管家"),
    /** The mail server (smtp:// or smtps://, credentials in the URL); no e-mail without it. */
    STEWARD_NOTIFICATION_SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    STEWARD_NOTIFICATION_MAIL_FROM: z.string().min(3).default("项目管家 <notify@steward.local>"),
    /** Where enterprises open their rating links (the notification HTTP API as they reach it). */
    STEWARD_NOTIFICATION_PUBLIC_URL: httpUrl.default("http://127.0.0.1:8103"),
    /** The region's approval-routing (holiday schedule, catalogue names, a case's project) and intake (the enterprise's contact). */
    STEWARD_ROUTING_ADDRESS: address.optional(),
    STEWARD_INTAKE_ADDRESS: address.optional(),
    STEWARD_ROUTING_DEADLINE_MS: z.coerce.number().int().min(100).default(5000),
    /**
     * How long an event that finds notification's consumer idle waits for others to share its
     * transaction (the platform consumer's batchWindowMs): CPU per event against latency.
     */
    STEWARD_NOTIFICATION_BATCH_WINDOW_MS: z.coerce.number().int().min(0).max(1000).default(50),
  })
  .refine((env) => (env.STEWARD_NOTIFICATION_SMS_GATEWAY_URL === undefined) === (env.STEWARD_NOTIFICATION_SMS_API_KEY === undefined), {
    path: ["STEWARD_NOTIFICATION_SMS_API_KEY"],
    message: "set STEWARD_NOTIFICATION_SMS_GATEWAY_URL and STEWARD_NOTIFICATION_SMS_API_KEY together (or neither: no SMS)",
  });

export interface NotificationConfig extends RuntimeConfig {
  rules: CompiledRules;
  delivery: { maxAttempts: number; timeoutMs: number };
  roundIntervalMs: number;
  /** undefined: the PeriodicTask default from the interval. */
  roundDeadlineMs: number | undefined;
  batchWindowMs: number;
  sms: { url: string; apiKey: string; sign: string } | undefined;
  mail: { url: string; from: string } | undefined;
  publicUrl: string;
  routing: { address: string; deadlineMs: number } | undefined;
  intake: { address: string; deadlineMs: number } | undefined;
}

/** Reads the rules and templates files and checks them against every trigger's fields. */
export function loadRules(rulesFile: string, templatesFile: string): CompiledRules {
  const read = (variable: string, file: string) => {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as unknown;
    } catch (error) {
      throw new ConfigError([{ variable, message: `cannot read ${file}: ${(error as Error).message}` }]);
    }
  };
  const rules = rulesFileSchema.safeParse(read("STEWARD_NOTIFICATION_RULES_FILE", rulesFile));
  if (!rules.success) throw new ConfigError(rules.error.issues.map((issue) => ({ variable: "STEWARD_NOTIFICATION_RULES_FILE", message: `${issue.path.join(".")}: ${issue.message}` })));
  const templates = templateSetSchema.safeParse(read("STEWARD_NOTIFICATION_TEMPLATES_FILE", templatesFile));
  if (!templates.success) throw new ConfigError(templates.error.issues.map((issue) => ({ variable: "STEWARD_NOTIFICATION_TEMPLATES_FILE", message: `${issue.path.join(".")}: ${issue.message}` })));
  try {
    return compileRules(rules.data, templates.data, triggerSchemas(), [{ template: digestTemplate, trigger: digestTrigger.type }]);
  } catch (error) {
    if (error instanceof RulesError) throw new ConfigError(error.problems.map((message) => ({ variable: "STEWARD_NOTIFICATION_RULES_FILE", message })));
    throw error;
  }
}

export function readConfig(env?: Env): NotificationConfig {
  const parsed = loadConfig(schema, env);
  let rules: CompiledRules;
  try {
    rules = loadRules(parsed.STEWARD_NOTIFICATION_RULES_FILE, parsed.STEWARD_NOTIFICATION_TEMPLATES_FILE);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`configuration error: ${error.message}\n`);
    process.exit(78);
  }
  const deadlineMs = parsed.STEWARD_ROUTING_DEADLINE_MS;
  return {
    ...runtimeConfig("notification", parsed),
    rules,
    delivery: { maxAttempts: parsed.STEWARD_NOTIFICATION_MAX_ATTEMPTS, timeoutMs: parsed.STEWARD_NOTIFICATION_TIMEOUT_MS },
    roundIntervalMs: parsed.STEWARD_NOTIFICATION_ROUND_INTERVAL_MS,
    roundDeadlineMs: parsed.STEWARD_NOTIFICATION_ROUND_DEADLINE_MS,
    batchWindowMs: parsed.STEWARD_NOTIFICATION_BATCH_WINDOW_MS,
    sms: parsed.STEWARD_NOTIFICATION_SMS_GATEWAY_URL && parsed.STEWARD_NOTIFICATION_SMS_API_KEY ? { url: parsed.STEWARD_NOTIFICATION_SMS_GATEWAY_URL, apiKey: parsed.STEWARD_NOTIFICATION_SMS_API_KEY, sign: parsed.STEWARD_NOTIFICATION_SMS_SIGN } : undefined,
    mail: parsed.STEWARD_NOTIFICATION_SMTP_URL ? { url: parsed.STEWARD_NOTIFICATION_SMTP_URL, from: parsed.STEWARD_NOTIFICATION_MAIL_FROM } : undefined,
    publicUrl: parsed.STEWARD_NOTIFICATION_PUBLIC_URL.replace(/\/+$/, ""),
    routing: parsed.STEWARD_ROUTING_ADDRESS ? { address: parsed.STEWARD_ROUTING_ADDRESS, deadlineMs } : undefined,
    intake: parsed.STEWARD_INTAKE_ADDRESS ? { address: parsed.STEWARD_INTAKE_ADDRESS, deadlineMs } : undefined,
  };
}
