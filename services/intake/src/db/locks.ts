import type { TransactionSql } from "postgres";

/** Two-key advisory locks ("INTK", key) stay apart from the ledger's and node-pg-migrate's. */
const namespace = 0x494e544b;

/**
 * Serialises the transactions that act on one key (e.g. an enterprise's credit code) until they
 * commit: registrations of one enterprise then see each other, so duplicates are found, not raced.
 */
export async function lockKey(tx: TransactionSql, key: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(${namespace}::int, hashtext(${key}::text))`;
}
