import { fileURLToPath } from "node:url";
import { loadConfig, runtimeConfig, serviceEnvSchema, z, type Env, type RuntimeConfig } from "@steward/platform/config";

const schema = serviceEnvSchema.extend({
  /** The item catalogue data file loaded at start. */
  STEWARD_CATALOGUE_FILE: z.string().min(1).default(fileURLToPath(new URL("../catalogue/ankang.json", import.meta.url))),
});

export interface RoutingConfig extends RuntimeConfig {
  catalogueFile: string;
}

export function readConfig(env?: Env): RoutingConfig {
  const parsed = loadConfig(schema, env);
  return { ...runtimeConfig("approval-routing", parsed), catalogueFile: parsed.STEWARD_CATALOGUE_FILE };
}
