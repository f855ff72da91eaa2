import { fileURLToPath } from "node:url";
import { loadConfig, runtimeConfig, serviceEnvSchema, z, type Env, type RuntimeConfig } from "@steward/platform/config";

const schema = serviceEnvSchema.extend({
  /** The city's regions, loaded at start. */
  STEWARD_REGIONS_FILE: z.string().min(1).default(fileURLToPath(new URL("../../../deploy/regions/ankang.json", import.meta.url))),
});

export interface AssessmentConfig extends RuntimeConfig {
  regionsFile: string;
}

export function readConfig(env?: Env): AssessmentConfig {
  const parsed = loadConfig(schema, env);
  return { ...runtimeConfig("assessment", parsed), regionsFile: parsed.STEWARD_REGIONS_FILE };
}
