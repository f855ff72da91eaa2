import type { Sql } from "postgres";

/**
 * What the service's runtime role may do to each table: only what the code uses. The runtime role
 * (STEWARD_DATABASE_URL's user) owns nothing and is granted exactly these privileges by the
 * migration step, which runs as the schema's owner (STEWARD_MIGRATION_DATABASE_URL): no TRUNCATE,
 * REFERENCES or TRIGGER on anything, no DDL, no temporary tables, CONNECT to its own database only.
 * `update` is also what SELECT … FOR UPDATE and INSERT … ON CONFLICT DO UPDATE need.
 */
export type Privilege = "select" | "insert" | "update" | "delete";
export type TableGrants = Readonly<Record<string, readonly Privilege[]>>;

/**
 * The platform's own tables (migrations/0000_platform_*), as every service uses them. The ledger is
 * append-only: SELECT and INSERT, never UPDATE or DELETE (the triggers refuse those too, but a
 * table owner can switch triggers off; a role that is refused the privilege cannot).
 */
export const platformGrants: TableGrants = {
  outbox: ["select", "insert", "update", "delete"],
  inbox: ["select", "insert"],
  ledger: ["select", "insert"],
  schema_migrations: ["select"],
};

const appendOnly = new Set(["ledger"]);
const privilegeNames = new Set<string>(["select", "insert", "update", "delete"] satisfies Privilege[]);

/** Platform and service grants together, refusing a service that redeclares a platform table or widens the ledger. */
export function runtimeGrantsOf(serviceGrants: TableGrants): TableGrants {
  for (const [table, privileges] of Object.entries(serviceGrants)) {
    const unknown = privileges.filter((privilege) => !privilegeNames.has(privilege));
    if (unknown.length > 0) throw new Error(`grants: ${table}: ${unknown.join(", ")} is not a privilege a service may hold`);
    if (Object.hasOwn(platformGrants, table)) throw new Error(`grants: ${table} is a platform table; its grants are the platform's`);
    if (appendOnly.has(table) && privileges.some((privilege) => privilege === "update" || privilege === "delete")) {
      throw new Error(`grants: ${table} is append-only`);
    }
  }
  return { ...platformGrants, ...serviceGrants };
}

/** Two-key advisory lock ("GRNT", 0): concurrent GRANTs on one object can fail with "tuple concurrently updated". */
const grantLock = [0x47524e54, 0] as const;

/**
 * Makes the runtime role's privileges exactly `grants` (platform tables included), run as the
 * schema's owner right after the migrations: everything revoked first, so a privilege dropped from
 * the declaration disappears; CONNECT and TEMPORARY on the database taken from PUBLIC and CONNECT
 * given to the runtime role alone; CREATE on the schema taken from PUBLIC. Refuses (throws) when a
 * table of the schema has no declaration, so a new table cannot ship without deciding who may
 * touch it, and when the runtime role is the owner itself or a superuser.
 */
export async function applyRuntimeGrants(owner: Sql, runtimeRole: string, serviceGrants: TableGrants): Promise<void> {
  const grants = runtimeGrantsOf(serviceGrants);
  await owner.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${grantLock[0]}::int, ${grantLock[1]}::int)`;
    const [role] = await tx<{ rolsuper: boolean; is_owner: boolean }[]>`
      select r.rolsuper, r.rolname = current_user as is_owner from pg_roles r where r.rolname = ${runtimeRole}`;
    if (!role) throw new Error(`grants: the runtime role ${runtimeRole} does not exist (create it first; README "Database roles")`);
    if (role.rolsuper || role.is_owner) throw new Error(`grants: the runtime role ${runtimeRole} must be neither a superuser nor the schema's owner`);

    const tables = (await tx<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`).map((row) => row.name);
    const undeclared = tables.filter((table) => !Object.hasOwn(grants, table));
    if (undeclared.length > 0) throw new Error(`grants: no runtime grants declared for table ${undeclared.join(", ")} (the service's db/grants.ts)`);
    const missing = Object.keys(grants).filter((table) => !tables.includes(table));
    if (missing.length > 0) throw new Error(`grants: declared for tables that do not exist: ${missing.join(", ")}`);

    const [{ database }] = (await tx<{ database: string }[]>`select current_database() as database`) as unknown as [{ database: string }];
    await tx`revoke all on all tables in schema public from ${tx(runtimeRole)}`;
    await tx`revoke all on all sequences in schema public from ${tx(runtimeRole)}`;
    await tx`revoke create on schema public from public`;
    await tx`grant usage on schema public to ${tx(runtimeRole)}`;
    await tx`revoke connect, temporary on database ${tx(database)} from public`;
    await tx`grant connect on database ${tx(database)} to ${tx(runtimeRole)}`;
    for (const [table, privileges] of Object.entries(grants)) {
      if (privileges.length > 0) await tx`grant ${tx.unsafe(privileges.join(", "))} on table ${tx(table)} to ${tx(runtimeRole)}`;
    }
  });
}

/**
 * Why the connected role is more powerful than a runtime role should be (a superuser, or the owner
 * of a table of the schema, who can switch the ledger's triggers off), or undefined when it is not.
 */
export async function runtimeRoleExcess(sql: Sql): Promise<string | undefined> {
  const [row] = await sql<{ role: string; superuser: boolean; owned: string | null }[]>`
    select current_user as role, r.rolsuper as superuser,
           (select string_agg(tablename, ', ' order by tablename) from pg_tables where schemaname = 'public' and tableowner = current_user) as owned
    from pg_roles r where r.rolname = current_user`;
  if (!row) return undefined;
  if (row.superuser) return `${row.role} is a superuser`;
  if (row.owned) return `${row.role} owns ${row.owned}`;
  return undefined;
}
