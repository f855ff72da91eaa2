import { loadConfig, runtimeConfig, serviceEnvSchema, type Env, type RuntimeConfig } from "@steward/platform/config";

export type IntakeConfig = RuntimeConfig;

/** Intake reads only the common variables. */
export function readConfig(env?: Env): IntakeConfig {
  return runtimeConfig("intake", loadConfig(serviceEnvSchema, env));
}
