import type { PageCursor } from "@steward/platform/grpc";
import type { Fragment, Sql, TransactionSql } from "postgres";
import type { Contact, CreditBar, Enterprise } from "../domain/enterprise.js";

interface EnterpriseRow {
  id: string;
  region: string;
  credit_code: string;
  name: string;
  legal_representative: string | null;
  address: string | null;
  contacts: Contact[];
  credit_bars: CreditBar[] | null;
  registered_by: string;
  registered_at: Date;
  updated_at: Date;
  version: number;
}

const toEnterprise = (row: EnterpriseRow): Enterprise => ({
  id: row.id,
  region: row.region,
  creditCode: row.credit_code,
  name: row.name,
  ...(row.legal_representative ? { legalRepresentative: row.legal_representative } : {}),
  ...(row.address ? { address: row.address } : {}),
  contacts: row.contacts,
  creditBars: row.credit_bars ?? [],
  registeredBy: row.registered_by,
  registeredAt: row.registered_at,
  updatedAt: row.updated_at,
  version: row.version,
});

type Db = Sql | TransactionSql;

/** The enterprise with its bars still in force (barred_until today or later, Asia/Shanghai). */
const selectEnterprise = (sql: Db) => sql`
  select e.*, (
    select json_agg(json_build_object('mode', b.mode, 'barredUntil', b.barred_until::text, 'reason', b.reason) order by b.barred_until)
    from enterprise_credit_bars b
    where b.region = e.region and b.credit_code = e.credit_code and b.barred_until >= (now() at time zone 'Asia/Shanghai')::date
  ) as credit_bars
  from enterprises e`;

export async function findEnterprise(sql: Db, region: string, id: string): Promise<Enterprise | undefined> {
  const [row] = await sql<EnterpriseRow[]>`${selectEnterprise(sql)} where e.region = ${region} and e.id = ${id}`;
  return row ? toEnterprise(row) : undefined;
}

export async function findEnterpriseByCreditCode(sql: Db, region: string, creditCode: string): Promise<Enterprise | undefined> {
  const [row] = await sql<EnterpriseRow[]>`${selectEnterprise(sql)} where e.region = ${region} and e.credit_code = ${creditCode}`;
  return row ? toEnterprise(row) : undefined;
}

export interface EnterpriseFilter {
  /** Part of the name or the credit code. */
  q?: string;
  /** An enterprise sees itself only. */
  creditCode?: string;
  after: PageCursor | undefined;
  limit: number;
}

export async function listEnterprises(sql: Sql, region: string, filter: EnterpriseFilter): Promise<{ enterprises: Enterprise[]; next: PageCursor | undefined }> {
  const rows = await sql<EnterpriseRow[]>`
    ${selectEnterprise(sql)}
    where e.region = ${region}
      ${filter.creditCode ? sql`and e.credit_code = ${filter.creditCode}` : sql``}
      ${filter.q ? sql`and (e.name like ${`%${escapeLike(filter.q)}%`} or e.credit_code = ${filter.q})` : sql``}
      ${filter.after ? sql`and (e.registered_at, e.id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by e.registered_at, e.id
    limit ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit).map(toEnterprise);
  const last = page[page.length - 1];
  return { enterprises: page, next: rows.length > filter.limit && last ? { at: last.registeredAt, id: last.id } : undefined };
}

export function insertEnterpriseSql(tx: TransactionSql, enterprise: Enterprise): Fragment {
  return tx`
    insert into enterprises (id, region, credit_code, name, legal_representative, address, contacts, registered_by, registered_at, updated_at, version)
    values (${enterprise.id}, ${enterprise.region}, ${enterprise.creditCode}, ${enterprise.name}, ${enterprise.legalRepresentative ?? null},
            ${enterprise.address ?? null}, ${tx.json(enterprise.contacts as never)}, ${enterprise.registeredBy}, ${enterprise.registeredAt},
            ${enterprise.updatedAt}, ${enterprise.version})`;
}

export function updateEnterpriseSql(tx: TransactionSql, enterprise: Enterprise): Fragment {
  return tx`
    update enterprises set name = ${enterprise.name}, legal_representative = ${enterprise.legalRepresentative ?? null},
      address = ${enterprise.address ?? null}, contacts = ${tx.json(enterprise.contacts as never)}, updated_at = ${enterprise.updatedAt},
      version = ${enterprise.version}
    where region = ${enterprise.region} and id = ${enterprise.id}`;
}

/** Locks the enterprise's row for the rest of the transaction. */
export async function lockEnterprise(tx: TransactionSql, region: string, id: string): Promise<void> {
  await tx`select 1 from enterprises where region = ${region} and id = ${id} for update`;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
