import { createTestDatabase, ledgerSigningKeyFile, runServiceCommand, serviceDatabaseEnv, spawnService, stack, testAuthSecret, uniqueRegion, type ServiceProcess, type TestDatabase } from "@steward/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteRegionStreams } from "./streams.js";

/**
 * The deployment contract of issue 13's chart: a pre-install/pre-upgrade Job runs
 * `main --migrate-only` as the schema's owner; the service runs as its runtime role with
 * STEWARD_MIGRATE_ON_START=false and refuses to start on a schema behind its code.
 */
describe("database roles: migrate as the owner, serve as the runtime role", () => {
  const region = uniqueRegion("roles");
  let db: TestDatabase;
  let intake: ServiceProcess | undefined;
  const env = () => ({
    STEWARD_REGION: region,
    ...serviceDatabaseEnv(db),
    STEWARD_MIGRATE_ON_START: "false",
    STEWARD_NATS_URL: stack.natsUrl,
    STEWARD_AUTH_SECRET: testAuthSecret,
    STEWARD_LEDGER_SIGNING_KEY_FILE: ledgerSigningKeyFile(),
    STEWARD_CITY_REGION: region,
  });

  beforeAll(async () => {
    db = await createTestDatabase(`${region}_intake`);
  });

  afterAll(async () => {
    await intake?.stop();
    await db?.drop();
    await deleteRegionStreams([region], region);
  });

  it("refuses to start on a schema that was never migrated, with one line saying what to run", async () => {
    const started = await runServiceCommand("intake", [], env());
    expect(started.code).toBe(78);
    const lines = started.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^schema not current: \d+ migration\(s\) of intake not applied \(0000_platform_01_outbox_inbox, .*0001_projects.*\); run `main --migrate-only` as the schema owner first/);
  });

  it("migrates with --migrate-only as the owner and exits, granting the runtime role exactly its tables", async () => {
    const migrated = await runServiceCommand("intake", ["--migrate-only"], env());
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('"event":"service.migrated"');
    const owner = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      const grants = await owner<{ table_name: string; privileges: string }[]>`
        select table_name, string_agg(privilege_type, ',' order by privilege_type) as privileges
        from information_schema.role_table_grants where grantee = ${db.runtimeRole} group by table_name order by table_name`;
      expect(grants).toEqual([
        { table_name: "complaints", privileges: "INSERT,SELECT,UPDATE" },
        { table_name: "enterprise_credit_bars", privileges: "SELECT" },
        { table_name: "enterprises", privileges: "INSERT,SELECT,UPDATE" },
        { table_name: "hotline_deliveries", privileges: "INSERT,SELECT,UPDATE" },
        { table_name: "hotline_inbound_messages", privileges: "DELETE,INSERT,SELECT,UPDATE" },
        { table_name: "hotline_tickets", privileges: "INSERT,SELECT,UPDATE" },
        { table_name: "inbox", privileges: "INSERT,SELECT" },
        { table_name: "ledger", privileges: "INSERT,SELECT" },
        { table_name: "outbox", privileges: "DELETE,INSERT,SELECT,UPDATE" },
        { table_name: "projects", privileges: "INSERT,SELECT,UPDATE" },
        { table_name: "schema_migrations", privileges: "SELECT" },
        { table_name: "service_requests", privileges: "INSERT,SELECT,UPDATE" },
      ]);
    } finally {
      await owner.end();
    }
  });

  it("then starts without migrating, as the runtime role, and serves", async () => {
    intake = await spawnService("intake", env());
    expect(intake.logs.some((line) => line.event === "service.privileged_role")).toBe(false);
    const response = await fetch(`http://127.0.0.1:${intake.httpPort}/readyz`);
    expect(response.status).toBe(200);
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      const [session] = await sql<{ usename: string }[]>`select usename from pg_stat_activity where datname = ${db.name} and application_name = 'steward-intake' limit 1`;
      expect(session?.usename).toBe(db.runtimeRole);
    } finally {
      await sql.end();
    }
  });
});
