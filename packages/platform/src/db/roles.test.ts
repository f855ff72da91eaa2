import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@steward/testing";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendLedger } from "../ledger/index.js";
import { migrate, pendingMigrations, runtimeRoleExcess, type TableGrants } from "./index.js";

/** A service of one table, to grant its runtime role exactly what it uses. */
const serviceGrants: TableGrants = { things: ["select", "insert"] };

let dir: string;
let db: TestDatabase;
let other: TestDatabase;
let runtime: Sql;
let owner: Sql;

/** The SQLSTATE a statement fails with, or "ok". */
async function outcome(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "steward-roles-"));
  writeFileSync(join(dir, "0001_things.sql"), "-- Up Migration\nCREATE TABLE things (id int PRIMARY KEY, name text NOT NULL);\n-- Down Migration\nDROP TABLE things;\n");
  [db, other] = await Promise.all([createTestDatabase("roles"), createTestDatabase("roles_other")]);
  await migrate({ databaseUrl: db.url, dir, runtime: { role: db.runtimeRole, grants: serviceGrants } });
  await migrate({ databaseUrl: other.url, dir, runtime: { role: other.runtimeRole, grants: serviceGrants } });
  runtime = postgres(db.runtimeUrl, { max: 2, onnotice: () => {} });
  owner = postgres(db.url, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await runtime?.end({ timeout: 5 });
  await owner?.end({ timeout: 5 });
  await Promise.all([db?.drop(), other?.drop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe("the runtime role a service connects as", () => {
  it("does what the service uses: reads and appends the ledger, writes its own table, records events", async () => {
    await runtime.begin((tx) => appendLedger(tx, [{ region: "hanbin", chainId: "case:1", actor: "user:1", action: "item.routed" }]));
    expect(await outcome(runtime`insert into things values (1, 'a')`)).toBe("ok");
    expect(await outcome(runtime`select * from things`)).toBe("ok");
    expect(await outcome(runtime`insert into outbox (event_id, region, subject, event_type, payload) values (gen_random_uuid(), 'hanbin', 's', 't', '\\x00')`)).toBe("ok");
    expect(await outcome(runtime`select name from schema_migrations`)).toBe("ok");
    expect(await runtimeRoleExcess(runtime)).toBeUndefined();
  });

  it("is refused UPDATE, DELETE and TRUNCATE on the ledger by privilege, not by a trigger it could switch off", async () => {
    // 42501 insufficient_privilege raised before any trigger runs: the role lacks the privilege itself.
    expect(await outcome(runtime`update ledger set reason = 'rewritten'`)).toBe("42501");
    expect(await outcome(runtime`delete from ledger`)).toBe("42501");
    expect(await outcome(runtime`truncate ledger`)).toBe("42501");
    const [row] = await owner<{ reason: string; n: number }[]>`select max(reason) as reason, count(*)::int as n from ledger`;
    expect(row).toEqual({ reason: "", n: 1 });
  });

  it("is refused every DDL: switching triggers off, altering, dropping, creating tables or temporary tables", async () => {
    expect(await outcome(runtime`alter table ledger disable trigger user`)).toBe("42501");
    expect(await outcome(runtime`alter table things add column extra text`)).toBe("42501");
    expect(await outcome(runtime`drop table things`)).toBe("42501");
    expect(await outcome(runtime`create table sneaky (id int)`)).toBe("42501");
    expect(await outcome(runtime`create temporary table sneaky (id int)`)).toBe("42501");
    expect(await outcome(runtime`create schema sneaky`)).toBe("42501");
    expect(await outcome(runtime`create function sneaky() returns int language sql as 'select 1'`)).toBe("42501");
  });

  it("is refused what it does not use: UPDATE or DELETE on a table granted SELECT and INSERT, writing schema_migrations", async () => {
    expect(await outcome(runtime`update things set name = 'b'`)).toBe("42501");
    expect(await outcome(runtime`delete from things`)).toBe("42501");
    expect(await outcome(runtime`truncate things`)).toBe("42501");
    expect(await outcome(runtime`insert into schema_migrations (name, run_on) values ('0099_fake', now())`)).toBe("42501");
    expect(await outcome(runtime`update inbox set event_type = 'x'`)).toBe("42501");
  });

  it("connects to its own database only", async () => {
    const elsewhere = postgres(other.url.replace(other.ownerRole, db.runtimeRole), { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      expect(await outcome(elsewhere`select 1`)).toBe("42501");
    } finally {
      await elsewhere.end({ timeout: 1 });
    }
    // And another service's runtime role cannot connect to this one.
    const intruder = postgres(db.url.replace(db.ownerRole, other.runtimeRole), { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      expect(await outcome(intruder`select 1`)).toBe("42501");
    } finally {
      await intruder.end({ timeout: 1 });
    }
  });

  it("sees no migration pending once the owner migrated, and every one pending on a database never migrated for it", async () => {
    expect(await pendingMigrations(runtime, dir)).toEqual([]);
    const fresh = await createTestDatabase("roles_fresh");
    const stranger = postgres(fresh.url, { max: 1, onnotice: () => {} });
    try {
      const pending = await pendingMigrations(stranger, dir);
      expect(pending).toEqual(expect.arrayContaining(["0000_platform_02_ledger", "0001_things"]));
    } finally {
      await stranger.end({ timeout: 1 });
      await fresh.drop();
    }
    writeFileSync(join(dir, "0002_more.sql"), "-- Up Migration\nCREATE INDEX things_name ON things (name);\n-- Down Migration\nDROP INDEX things_name;\n");
    try {
      expect(await pendingMigrations(runtime, dir)).toEqual(["0002_more"]);
    } finally {
      rmSync(join(dir, "0002_more.sql"));
    }
  });

  it("names the owner's excess powers when a service connects as the owner", async () => {
    expect(await runtimeRoleExcess(owner)).toBe(`${db.ownerRole} owns inbox, ledger, outbox, schema_migrations, things`);
  });
});

describe("the grants the migration step applies", () => {
  it("refuses a table without a declaration, and a declaration that widens the ledger", async () => {
    const extra = mkdtempSync(join(tmpdir(), "steward-roles-extra-"));
    const undeclared = await createTestDatabase("roles_undeclared");
    try {
      writeFileSync(join(extra, "0001_things.sql"), "-- Up Migration\nCREATE TABLE things (id int);\nCREATE TABLE forgotten (id int);\n-- Down Migration\n");
      await expect(migrate({ databaseUrl: undeclared.url, dir: extra, runtime: { role: undeclared.runtimeRole, grants: serviceGrants } })).rejects.toThrow(
        "grants: no runtime grants declared for table forgotten (the service's db/grants.ts)",
      );
      await expect(migrate({ databaseUrl: undeclared.url, dir: extra, runtime: { role: undeclared.runtimeRole, grants: { ...serviceGrants, forgotten: [], ledger: ["update"] } } })).rejects.toThrow(
        "grants: ledger is a platform table; its grants are the platform's",
      );
    } finally {
      rmSync(extra, { recursive: true, force: true });
      await undeclared.drop();
    }
  });

  it("takes back a privilege dropped from the declaration", async () => {
    const narrowed: TableGrants = { things: ["select"] };
    await migrate({ databaseUrl: db.url, dir, runtime: { role: db.runtimeRole, grants: narrowed } });
    try {
      expect(await outcome(runtime`insert into things values (2, 'b')`)).toBe("42501");
      expect(await outcome(runtime`select * from things`)).toBe("ok");
    } finally {
      await migrate({ databaseUrl: db.url, dir, runtime: { role: db.runtimeRole, grants: serviceGrants } });
    }
  });

  it("refuses to grant to the owner itself", async () => {
    await expect(migrate({ databaseUrl: db.url, dir, runtime: { role: db.ownerRole, grants: serviceGrants } })).rejects.toThrow(/must be neither a superuser nor the schema's owner/);
  });
});
