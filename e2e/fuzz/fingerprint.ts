import postgres from "postgres";

/** Per table: its row count and newest row version (max xmin), which any insert, update or delete moves. */
export type Fingerprint = Map<string, string>;

/**
 * Reads the fingerprint of every table of one service's database, in one statement: what a
 * refused request must leave exactly as it was.
 */
export class DatabaseFingerprint {
  private readonly sql: postgres.Sql;
  private query: string | undefined;

  constructor(
    readonly service: string,
    url: string,
  ) {
    this.sql = postgres(url, { max: 1, onnotice: () => {} });
  }

  async read(): Promise<Fingerprint> {
    if (!this.query) {
      const tables = await this.sql<{ name: string }[]>`
        select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;
      this.query = tables
        .map(({ name }) => `select '${name}' as name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as state from "${name}"`)
        .join(" union all ");
    }
    const rows = await this.sql.unsafe<{ name: string; state: string }[]>(this.query);
    return new Map(rows.map((row) => [`${this.service}.${row.name}`, row.state]));
  }

  /** Outbox rows not yet published: events still on their way to the bus. */
  async unpublished(): Promise<number> {
    const [row] = await this.sql<{ n: number }[]>`select count(*)::int as n from outbox where published_at is null`;
    return row!.n;
  }

  close(): Promise<void> {
    return this.sql.end({ timeout: 5 });
  }
}

/** The tables whose fingerprint differs between two readings. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after.keys()].filter((table) => before.get(table) !== after.get(table)).sort();
}
