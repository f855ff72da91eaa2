import { loadConfig, runtimeConfig, serviceEnvSchema, type Env, type RuntimeConfig } from "@steward/platform/config";

export type AssessmentConfig = RuntimeConfig;

export function readConfig(env?: Env): AssessmentConfig {
  return runtimeConfig("assessment", loadConfig(serviceEnvSchema, env));
}
