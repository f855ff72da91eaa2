import { fileURLToPath } from "node:url";
import { loadConfig, regionAddresses, regionSlug, runtimeConfig, serviceEnvSchema, z, type Env, type RuntimeConfig } from "@steward/platform/config";

const regionList = z
  .string()
  .default("")
  .transform((text, ctx) => {
    const regions = text.split(",").map((part) => part.trim()).filter(Boolean);
    for (const region of regions) {
      if (!regionSlug.safeParse(region).success) {
        ctx.addIssue({ code: "custom", message: `"${region}" is not a region slug` });
        return z.NEVER;
      }
    }
    return regions;
  });

const schema = serviceEnvSchema.extend({
  /** The city's regions, loaded at start. */
  STEWARD_REGIONS_FILE: z.string().min(1).default(fileURLToPath(new URL("../../../deploy/regions/ankang.json", import.meta.url))),
  /** The versioned scoring rules of the quarterly bulletin. */
  STEWARD_SCORING_RULES_FILE: z.string().min(1).default(fileURLToPath(new URL("../rules/scoring.json", import.meta.url))),
  /** The region that is the city itself (it sees every county). */
  STEWARD_CITY_REGION: regionSlug.default("city"),
  /**
   * The regions whose streams assessment's history stream sources; empty: the city sources every
   * region of the regions file, a county its own.
   */
  STEWARD_ASSESSMENT_SOURCE_REGIONS: regionList,
  /** How long the history stream keeps events (days; 0 keeps them for ever, the default: figures are rebuilt from it). */
  STEWARD_ASSESSMENT_HISTORY_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  /** gRPC addresses of the routing services the console reads cases from: "hanbin=127.0.0.1:9102,…". */
  STEWARD_REGION_ROUTING_ADDRESSES: regionAddresses,
  STEWARD_ROUTING_DEADLINE_MS: z.coerce.number().int().min(100).default(5000),
  /**
   * How long an event that finds the projection's consumer idle waits for others to share its
   * transaction (the platform consumer's batchWindowMs). The figures are read by the day and the
   * quarter, so the projection trades a fraction of a second for fewer transactions.
   */
  STEWARD_ASSESSMENT_BATCH_WINDOW_MS: z.coerce.number().int().min(0).max(5000).default(200),
  /** Development sign-in on the console (choose a role and region); never in production. */
  STEWARD_CONSOLE_DEV_SIGN_IN: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
  /** How often the wall-screen view reloads itself, in seconds. */
  STEWARD_CONSOLE_WALL_REFRESH_S: z.coerce.number().int().min(5).max(3600).default(60),
});

export interface AssessmentConfig extends RuntimeConfig {
  regionsFile: string;
  scoringRulesFile: string;
  cityRegion: string;
  sourceRegions: string[];
  historyMaxAgeDays: number;
  routingAddresses: Map<string, string>;
  routingDeadlineMs: number;
  batchWindowMs: number;
  console: { devSignIn: boolean; wallRefreshSeconds: number };
}

export function readConfig(env?: Env): AssessmentConfig {
  const parsed = loadConfig(schema, env);
  return {
    ...runtimeConfig("assessment", parsed),
    regionsFile: parsed.STEWARD_REGIONS_FILE,
    scoringRulesFile: parsed.STEWARD_SCORING_RULES_FILE,
    cityRegion: parsed.STEWARD_CITY_REGION,
    sourceRegions: parsed.STEWARD_ASSESSMENT_SOURCE_REGIONS,
    historyMaxAgeDays: parsed.STEWARD_ASSESSMENT_HISTORY_MAX_AGE_DAYS,
    routingAddresses: parsed.STEWARD_REGION_ROUTING_ADDRESSES,
    routingDeadlineMs: parsed.STEWARD_ROUTING_DEADLINE_MS,
    batchWindowMs: parsed.STEWARD_ASSESSMENT_BATCH_WINDOW_MS,
    console: { devSignIn: parsed.STEWARD_CONSOLE_DEV_SIGN_IN, wallRefreshSeconds: parsed.STEWARD_CONSOLE_WALL_REFRESH_S },
  };
}
