import { loadConfig, runtimeConfig, serviceEnvSchema, z, type Env, type RuntimeConfig } from "@steward/platform/config";

const schema = serviceEnvSchema.extend({
  /** Where webhook deliveries are POSTed (the local receiver in development). */
  STEWARD_NOTIFICATION_WEBHOOK_URL: z.url({ protocol: /^https?$/ }),
  STEWARD_NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  STEWARD_NOTIFICATION_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
});

export interface NotificationConfig extends RuntimeConfig {
  webhook: { url: string; maxAttempts: number; timeoutMs: number };
}

export function readConfig(env?: Env): NotificationConfig {
  const parsed = loadConfig(schema, env);
  return {
    ...runtimeConfig("notification", parsed),
    webhook: {
      url: parsed.STEWARD_NOTIFICATION_WEBHOOK_URL,
      maxAttempts: parsed.STEWARD_NOTIFICATION_MAX_ATTEMPTS,
      timeoutMs: parsed.STEWARD_NOTIFICATION_TIMEOUT_MS,
    },
  };
}
