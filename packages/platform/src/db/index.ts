import postgres, { type Sql, type TransactionSql } from "postgres";
import { createObservableGauge, stewardMeter } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions } from "../telemetry/names.js";
import { instrumentPool } from "./instrument.js";

export type { Sql, TransactionSql };
export { migrate, pendingMigrations, type MigrateOptions } from "./migrate.js";
export { applyRuntimeGrants, platformGrants, runtimeGrantsOf, runtimeRoleExcess, type Privilege, type TableGrants } from "./grants.js";
export { WriteSet } from "./write-set.js";
export { reserveConnection } from "./reserve.js";

export interface DatabaseOptions {
  url: string;
  poolMax: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  applicationName: string;
  /** A span per query inside sampled traces (default true; STEWARD_TRACE_DB_QUERIES). */
  querySpans?: boolean;
}

/**
 * One connection pool per process. Every session carries a statement timeout and an idle-in-
 * transaction timeout so that a stuck query or a forgotten transaction cannot hold locks for ever.
 * Queries are traced and the pool's usage is exported (db.client.connection.*): see instrument.ts.
 */
export function createDatabase(options: DatabaseOptions): Sql {
  const pool = postgres(options.url, {
    max: options.poolMax,
    idle_timeout: 60,
    connect_timeout: 10,
    // A query issued while its connection waits to dial again waits with it. postgres.js backs
    // off up to 20 s between attempts, so with Postgres down or unreachable requests hung until
    // their callers' deadlines; capped at 1 s, they fail within about a second (ECONNREFUSED,
    // UNAVAILABLE to the caller) and the pool finds Postgres within a second of its return.
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
    prepare: true,
    onnotice: () => {},
    // A `date` is a civil date (a deadline's day in Asia/Shanghai), not an instant: keep it as the
    // "YYYY-MM-DD" text Postgres sends, so no time zone can move it by a day.
    types: { civilDate: { to: 1082, from: [1082], serialize: (value: string) => value, parse: (value: string) => value } },
    connection: {
      application_name: options.applicationName,
      statement_timeout: options.statementTimeoutMs,
      idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs,
      TimeZone: "UTC",
    },
  });
  const url = new URL(options.url);
  const { sql, usage } = instrumentPool(pool, {
    poolName: options.applicationName,
    database: decodeURIComponent(url.pathname.slice(1)),
    serverAddress: url.hostname,
    serverPort: Number(url.port || 5432),
    querySpans: options.querySpans ?? true,
  });
  exportPoolMetrics(options.applicationName, options.poolMax, usage);
  return sql;
}

function exportPoolMetrics(poolName: string, max: number, usage: () => { used: number; pending: number }): void {
  const meter = stewardMeter();
  const gauges = {
    used: createObservableGauge(metricDefinitions.dbConnections, meter),
    max: createObservableGauge(metricDefinitions.dbConnectionsMax, meter),
    pending: createObservableGauge(metricDefinitions.dbPendingRequests, meter),
  };
  const pool = { [attributeNames.dbPoolName]: poolName };
  meter.addBatchObservableCallback((result) => {
    const now = usage();
    result.observe(gauges.used, now.used, { ...pool, [attributeNames.dbConnectionState]: "used" });
    result.observe(gauges.max, max, pool);
    result.observe(gauges.pending, now.pending, pool);
  }, Object.values(gauges));
}

const retryableCodes = new Set(["40001", "40P01"]);

/**
 * Runs `work` in one transaction, retrying serialization failures and deadlocks (which Postgres
 * asks clients to retry) a bounded number of times. Everything `work` writes commits or none does.
 */
export async function transaction<T>(sql: Sql, work: (tx: TransactionSql) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await sql.begin((tx) => work(tx))) as T;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= attempts || !code || !retryableCodes.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
    }
  }
}

class RollbackForResult extends Error {
  constructor(readonly result: { ok: false }) {
    super("rolled back for a failed result");
  }
}

/**
 * Like `transaction`, for work that returns a Result: a failed Result rolls the transaction back,
 * so a refused command never leaves half its writes behind.
 */
export async function transactionResult<R extends { ok: boolean }>(sql: Sql, work: (tx: TransactionSql) => Promise<R>): Promise<R> {
  try {
    return await transaction(sql, async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new RollbackForResult(result as R & { ok: false });
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackForResult) return error.result as R;
    throw error;
  }
}

/** True when the database answers a trivial query within the timeout, for /readyz. */
export async function databaseReady(sql: Sql, timeoutMs = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sql`select 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
