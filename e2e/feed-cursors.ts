import type postgres from "postgres";

/** (xid, seq) of a cursor, to compare positions; the cursor is opaque to real clients. */
function position(cursor: string): [bigint, bigint] {
  const [xid, seq] = Buffer.from(cursor, "base64url").toString().split(":");
  return [BigInt(xid!), BigInt(seq!)];
}

/** Whether cursor `a` is after cursor `b` in the feed. */
export function isAfter(a: string, b: string): boolean {
  const [ax, as] = position(a);
  const [bx, bs] = position(b);
  return ax > bx || (ax === bx && as > bs);
}

/** The cursors of a department's feed as the routing database holds it, in feed order (xid8, then seq, as numbers). */
export async function feedCursors(sql: postgres.Sql, region: string, department: string): Promise<string[]> {
  const rows = await sql<{ cursor: string }[]>`
    select encode(convert_to(xid::text || ':' || seq::text, 'UTF8'), 'base64') as cursor from assignment_changes
    where region = ${region} and department_code = ${department}
    order by assignment_changes.xid, assignment_changes.seq`;
  return rows.map((row) => Buffer.from(row.cursor, "base64").toString("base64url"));
}
