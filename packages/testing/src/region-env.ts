import { ledgerSigningKeyFile, serviceDatabaseEnv, stack, testAuthSecret, type TestDatabase } from "./stack.js";

export type PlatformServiceName = "intake" | "agreement" | "approval-routing" | "notification" | "assessment";

export interface RegionServiceEnvOptions {
  /** The region under test; it is its own city (STEWARD_CITY_REGION), so nothing of another region's runs leaks into it. */
  region: string;
  /** The service's own database; it runs as the runtime role, migrated by the owner. */
  database: TestDatabase;
  /** gRPC host:port of the region's services already known, for the services that call them. */
  addresses?: Partial<Record<PlatformServiceName, string>>;
}

/**
 * The variables one service of a test platform needs to do its whole job for `region`, in one place
 * for every harness that starts services (end-to-end platform, fault suite, load driver): a harness
 * that wires a service by hand misses what the service came to need later — assessment counting
 * nothing because it sourced the regions file's counties instead of the region under test, so the
 * fault suite's "assessment's count = routing's" compared 0 with 441.
 */
export function regionServiceEnv(name: PlatformServiceName, options: RegionServiceEnvOptions): Record<string, string> {
  const { region, database, addresses = {} } = options;
  const env: Record<string, string> = {
    STEWARD_REGION: region,
    ...serviceDatabaseEnv(database),
    STEWARD_NATS_URL: stack.natsUrl,
    STEWARD_AUTH_SECRET: testAuthSecret,
    STEWARD_LEDGER_SIGNING_KEY_FILE: ledgerSigningKeyFile(),
    STEWARD_CITY_REGION: region,
    STEWARD_LOG_LEVEL: "info",
  };
  const routing = addresses["approval-routing"];
  switch (name) {
    case "assessment":
      // As the city, assessment would source every region of the regions file; the region under
      // test counts its own events only.
      env.STEWARD_ASSESSMENT_SOURCE_REGIONS = region;
      // It reads cases and their ledgers from routing (the console's case page, referrals' evidence).
      if (routing) env.STEWARD_REGION_ROUTING_ADDRESSES = `${region}=${routing}`;
      break;
    case "notification":
      if (routing) env.STEWARD_ROUTING_ADDRESS = routing;
      if (addresses.intake) env.STEWARD_INTAKE_ADDRESS = addresses.intake;
      break;
    case "agreement":
    case "intake":
      if (routing) env.STEWARD_ROUTING_ADDRESS = routing;
      break;
    case "approval-routing":
      break;
  }
  return env;
}
