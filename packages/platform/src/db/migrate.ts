import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";

/** The platform's own tables (outbox, inbox, ledger) every service database carries; named 0000_platform_NN_* so they run before any service migration. */
const platformMigrations = fileURLToPath(new URL("../../migrations", import.meta.url));

export interface MigrateOptions {
  databaseUrl: string;
  /** The service's migrations folder: SQL files with "-- Up Migration" / "-- Down Migration". */
  dir: string;
  log?: (message: string) => void;
}

/**
 * Applies pending migrations, platform ones first. node-pg-migrate holds a Postgres advisory lock
 * for the run, so replicas starting together migrate once and the rest wait.
 */
export async function migrate(options: MigrateOptions): Promise<void> {
  await runner({
    databaseUrl: options.databaseUrl,
    dir: [`${platformMigrations}/*.sql`, `${options.dir}/*.sql`],
    useGlob: true,
    direction: "up",
    migrationsTable: "schema_migrations",
    // Platform and service migrations interleave by name; a platform migration added later
    // sorts before service ones that already ran and must still apply.
    checkOrder: false,
    singleTransaction: true,
    advisoryLockMode: "wait",
    log: options.log ?? (() => {}),
    verbose: false,
  });
}
