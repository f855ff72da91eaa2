import { loadConfig, runtimeConfig, serviceEnvSchema, type Env, type RuntimeConfig } from "@steward/platform/config";

export type AgreementConfig = RuntimeConfig;

export function readConfig(env?: Env): AgreementConfig {
  return runtimeConfig("agreement", loadConfig(serviceEnvSchema, env));
}
