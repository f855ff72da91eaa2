import { ledgerEnvSchema, ledgerSettings, loadConfig, runtimeConfig, serviceEnvSchema, z, type Env, type LedgerSettings, type RuntimeConfig } from "@steward/platform/config";

const schema = serviceEnvSchema.extend(ledgerEnvSchema.shape).extend({
  /** gRPC address of the region's approval-routing service, which takes approved plans. */
  STEWARD_ROUTING_ADDRESS: z.string().regex(/^[\w.-]+:\d{1,5}$/, "must be host:port"),
  STEWARD_ROUTING_DEADLINE_MS: z.coerce.number().int().min(100).default(5_000),
});

export interface AgreementConfig extends RuntimeConfig {
  ledger: LedgerSettings;
  routing: { address: string; deadlineMs: number };
}

export function readConfig(env?: Env): AgreementConfig {
  const parsed = loadConfig(schema, env);
  return { ...runtimeConfig("agreement", parsed), ledger: ledgerSettings(parsed), routing: { address: parsed.STEWARD_ROUTING_ADDRESS, deadlineMs: parsed.STEWARD_ROUTING_DEADLINE_MS } };
}
