import type { ReservedSql, Sql } from "postgres";
import { untilAborted } from "../lifecycle/abort.js";

/**
 * A connection of the pool for the caller alone (session state: an advisory lock), or the
 * signal's reason once it aborts while the pool has none to give; one that arrives after the
 * abort goes straight back to the pool, so an abandoned round never keeps a connection.
 */
export function reserveConnection(sql: Sql, signal?: AbortSignal): Promise<ReservedSql> {
  return untilAborted(sql.reserve(), signal, (connection) => connection.release());
}
