import { fileURLToPath } from "node:url";
import { ledgerEnvSchema, ledgerSettings, loadConfig, regionAddresses, roundDeadline, runtimeConfig, serviceEnvSchema, z, type Env, type LedgerSettings, type RuntimeConfig } from "@steward/platform/config";
import type { ClockSettings } from "./domain/clock.js";

/** STEWARD_CITY_REGION (ledger settings) is also the region whose departments decide items of city jurisdiction (纵向联动). */
const schema = serviceEnvSchema.extend(ledgerEnvSchema.shape).extend({
  /** The item catalogue data file loaded at start. */
  STEWARD_CATALOGUE_FILE: z.string().min(1).default(fileURLToPath(new URL("../catalogue/ankang.json", import.meta.url))),
  /** The routing rules of the law (一次性告知 and acceptance windows, the bar after a false commitment), with sources. */
  STEWARD_ROUTING_RULES_FILE: z.string().min(1).default(fileURLToPath(new URL("../rules/ankang.json", import.meta.url))),
  /** gRPC addresses of other regions' routing services: "city=10.0.0.5:9112,hanbin=…". */
  STEWARD_REGION_ROUTING_ADDRESSES: regionAddresses,
  /** 电子监察: the yellow light one working day before a committed deadline or a verification's due date. */
  STEWARD_ROUTING_WARN_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(1),
  /** 容缺: a suspended item is returned after 15 working days, a common local rule (DOMAIN-FACTS). */
  STEWARD_ROUTING_RETURN_AFTER_WORKING_DAYS: z.coerce.number().int().min(1).max(120).default(15),
  /** 核准: consulted departments answer within 7 working days or are deemed to agree (DOMAIN-FACTS). */
  STEWARD_ROUTING_CONSULTATION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  STEWARD_ROUTING_CLOCK_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** Past it a clock round is abandoned and the next one runs (default: two intervals, at least a minute). */
  STEWARD_ROUTING_CLOCK_DEADLINE_MS: roundDeadline,
  STEWARD_ROUTING_WATCH_POLL_MS: z.coerce.number().int().min(50).default(5_000),
  STEWARD_ROUTING_LINKAGE_INTERVAL_MS: z.coerce.number().int().min(50).default(1_000),
  STEWARD_ROUTING_LINKAGE_DEADLINE_MS: roundDeadline,
  STEWARD_ROUTING_CATALOGUE_SYNC_MS: z.coerce.number().int().min(50).default(60_000),
  /** Group commit: the most department commands one transaction takes (1 = each in its own). */
  STEWARD_ROUTING_GROUP_COMMIT_MAX: z.coerce.number().int().min(1).max(1000).default(100),
});

export interface RoutingConfig extends RuntimeConfig {
  ledger: LedgerSettings;
  catalogueFile: string;
  rulesFile: string;
  cityRegion: string;
  regionRoutingAddresses: Map<string, string>;
  clock: ClockSettings;
  clockIntervalMs: number;
  /** undefined: the PeriodicTask default from the interval. */
  clockDeadlineMs: number | undefined;
  watchPollMs: number;
  linkageIntervalMs: number;
  linkageDeadlineMs: number | undefined;
  catalogueSyncMs: number;
  groupCommitMax: number;
}

export function readConfig(env?: Env): RoutingConfig {
  const parsed = loadConfig(schema, env);
  return {
    ...runtimeConfig("approval-routing", parsed),
    ledger: ledgerSettings(parsed),
    catalogueFile: parsed.STEWARD_CATALOGUE_FILE,
    rulesFile: parsed.STEWARD_ROUTING_RULES_FILE,
    cityRegion: parsed.STEWARD_CITY_REGION,
    regionRoutingAddresses: parsed.STEWARD_REGION_ROUTING_ADDRESSES,
    clock: {
      warnWorkingDaysBefore: parsed.STEWARD_ROUTING_WARN_WORKING_DAYS,
      returnAfterWorkingDays: parsed.STEWARD_ROUTING_RETURN_AFTER_WORKING_DAYS,
      consultationWorkingDays: parsed.STEWARD_ROUTING_CONSULTATION_WORKING_DAYS,
    },
    clockIntervalMs: parsed.STEWARD_ROUTING_CLOCK_INTERVAL_MS,
    clockDeadlineMs: parsed.STEWARD_ROUTING_CLOCK_DEADLINE_MS,
    watchPollMs: parsed.STEWARD_ROUTING_WATCH_POLL_MS,
    linkageIntervalMs: parsed.STEWARD_ROUTING_LINKAGE_INTERVAL_MS,
    linkageDeadlineMs: parsed.STEWARD_ROUTING_LINKAGE_DEADLINE_MS,
    catalogueSyncMs: parsed.STEWARD_ROUTING_CATALOGUE_SYNC_MS,
    groupCommitMax: parsed.STEWARD_ROUTING_GROUP_COMMIT_MAX,
  };
}
