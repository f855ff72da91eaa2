import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";
import postgres, { type Sql } from "postgres";
import { applyRuntimeGrants, type TableGrants } from "./grants.js";

/** The platform's own tables (outbox, inbox, ledger) every service database carries; named 0000_platform_NN_* so they run before any service migration. */
const platformMigrations = fileURLToPath(new URL("../../migrations", import.meta.url));

const migrationsTable = "schema_migrations";

export interface MigrateOptions {
  /** The schema owner's connection (STEWARD_MIGRATION_DATABASE_URL). */
  databaseUrl: string;
  /** The service's migrations folder: SQL files with "-- Up Migration" / "-- Down Migration". */
  dir: string;
  /**
   * The role the service runs as (STEWARD_DATABASE_URL's user) and what it may touch: granted
   * exactly that after the migrations (see ./grants.ts). Omitted when the service runs as the owner.
   */
  runtime?: { role: string; grants: TableGrants };
  log?: (message: string) => void;
}

/**
 * Applies pending migrations, platform ones first, then the runtime role's grants. node-pg-migrate
 * holds a Postgres advisory lock for the run, so replicas starting together migrate once and the
 * rest wait.
 */
export async function migrate(options: MigrateOptions): Promise<void> {
  await runner({
    databaseUrl: options.databaseUrl,
    dir: [`${platformMigrations}/*.sql`, `${options.dir}/*.sql`],
    useGlob: true,
    direction: "up",
    migrationsTable,
    // Platform and service migrations interleave by name; a platform migration added later
    // sorts before service ones that already ran and must still apply.
    checkOrder: false,
    singleTransaction: true,
    advisoryLockMode: "wait",
    log: options.log ?? (() => {}),
    verbose: false,
  });
  if (!options.runtime) return;
  const owner = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await applyRuntimeGrants(owner, options.runtime.role, options.runtime.grants);
  } finally {
    await owner.end({ timeout: 5 });
  }
}

/** The migrations this build carries (platform's and the service's), by name as schema_migrations records them. */
function migrationNames(dir: string): string[] {
  const names = (folder: string) => readdirSync(folder).filter((file) => file.endsWith(".sql")).map((file) => file.slice(0, -".sql".length));
  return [...names(platformMigrations), ...names(dir)].sort();
}

/**
 * The migrations of this build not yet applied to the database, read as the runtime role (which
 * may only SELECT schema_migrations). A database never migrated, or one whose grants were never
 * applied for this role, has every migration pending.
 */
export async function pendingMigrations(sql: Sql, dir: string): Promise<string[]> {
  const expected = migrationNames(dir);
  let applied: Set<string>;
  try {
    applied = new Set((await sql<{ name: string }[]>`select name from ${sql(migrationsTable)}`).map((row) => row.name));
  } catch (error) {
    // undefined_table, or insufficient_privilege: nothing this role can see was migrated for it.
    const code = (error as { code?: string }).code;
    if (code === "42P01" || code === "42501") return expected;
    throw error;
  }
  return expected.filter((name) => !applied.has(name));
}
