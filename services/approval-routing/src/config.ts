import { fileURLToPath } from "node:url";
import { ledgerEnvSchema, ledgerSettings, loadConfig, regionSlug, runtimeConfig, serviceEnvSchema, z, type Env, type LedgerSettings, type RuntimeConfig } from "@steward/platform/config";
import type { ClockSettings } from "./domain/clock.js";

const regionAddresses = z
  .string()
  .default("")
  .transform((text, ctx) => {
    const addresses = new Map<string, string>();
    for (const entry of text.split(",").map((part) => part.trim()).filter(Boolean)) {
      const [region, address] = entry.split("=");
      if (!region || !address || !regionSlug.safeParse(region).success || !/^[\w.-]+:\d{1,5}$/.test(address)) {
        ctx.addIssue({ code: "custom", message: `"${entry}" is not region=host:port` });
        return z.NEVER;
      }
      addresses.set(region, address);
    }
    return addresses;
  });

/** STEWARD_CITY_REGION (ledger settings) is also the region whose departments decide items of city jurisdiction (纵向联动). */
const schema = serviceEnvSchema.extend(ledgerEnvSchema.shape).extend({
  /** The item catalogue data file loaded at start. */
  STEWARD_CATALOGUE_FILE: z.string().min(1).default(fileURLToPath(new URL("../catalogue/ankang.json", import.meta.url))),
  /** gRPC addresses of other regions' routing services: "city=10.0.0.5:9112,hanbin=…". */
  STEWARD_REGION_ROUTING_ADDRESSES: regionAddresses,
  STEWARD_ROUTING_WARN_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(1),
  STEWARD_ROUTING_RETURN_AFTER_WORKING_DAYS: z.coerce.number().int().min(1).max(120).default(15),
  STEWARD_ROUTING_CONSULTATION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  STEWARD_ROUTING_CLOCK_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  STEWARD_ROUTING_WATCH_POLL_MS: z.coerce.number().int().min(50).default(5_000),
  STEWARD_ROUTING_LINKAGE_INTERVAL_MS: z.coerce.number().int().min(50).default(1_000),
  STEWARD_ROUTING_CATALOGUE_SYNC_MS: z.coerce.number().int().min(50).default(60_000),
});

export interface RoutingConfig extends RuntimeConfig {
  ledger: LedgerSettings;
  catalogueFile: string;
  cityRegion: string;
  regionRoutingAddresses: Map<string, string>;
  clock: ClockSettings;
  clockIntervalMs: number;
  watchPollMs: number;
  linkageIntervalMs: number;
  catalogueSyncMs: number;
}

export function readConfig(env?: Env): RoutingConfig {
  const parsed = loadConfig(schema, env);
  return {
    ...runtimeConfig("approval-routing", parsed),
    ledger: ledgerSettings(parsed),
    catalogueFile: parsed.STEWARD_CATALOGUE_FILE,
    cityRegion: parsed.STEWARD_CITY_REGION,
    regionRoutingAddresses: parsed.STEWARD_REGION_ROUTING_ADDRESSES,
    clock: {
      warnWorkingDaysBefore: parsed.STEWARD_ROUTING_WARN_WORKING_DAYS,
      returnAfterWorkingDays: parsed.STEWARD_ROUTING_RETURN_AFTER_WORKING_DAYS,
      consultationWorkingDays: parsed.STEWARD_ROUTING_CONSULTATION_WORKING_DAYS,
    },
    clockIntervalMs: parsed.STEWARD_ROUTING_CLOCK_INTERVAL_MS,
    watchPollMs: parsed.STEWARD_ROUTING_WATCH_POLL_MS,
    linkageIntervalMs: parsed.STEWARD_ROUTING_LINKAGE_INTERVAL_MS,
    catalogueSyncMs: parsed.STEWARD_ROUTING_CATALOGUE_SYNC_MS,
  };
}
