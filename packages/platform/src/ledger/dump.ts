import type { LedgerDetails, LedgerRow } from "./chain.js";

/**
 * Reads the ledger rows out of a plain-format pg_dump (`pg_dump --format=plain`, the whole database
 * or `--table=ledger`), without a database: the COPY block of the ledger table, in PostgreSQL's
 * COPY text format, turned into rows exactly as the hashes cover them. What an auditor verifies
 * offline, with the checkpoints and the public key.
 */
export function ledgerRowsFromDump(dump: string): LedgerRow[] {
  const lines = dump.split("\n");
  const start = lines.findIndex((line) => /^COPY (?:"?public"?\.)?"?ledger"? \(/.test(line));
  if (start < 0) throw new Error("the dump holds no COPY block of the ledger table (dump with --format=plain)");
  const columns = /\((.*)\) FROM stdin;$/.exec(lines[start]!)?.[1]?.split(",").map((column) => column.trim().replace(/^"|"$/g, ""));
  if (!columns) throw new Error(`unreadable COPY header: ${lines[start]}`);
  const rows: LedgerRow[] = [];
  for (let index = start + 1; index < lines.length && lines[index] !== "\\."; index++) {
    const fields = lines[index]!.split("\t").map(copyField);
    const value = (column: string): string => {
      const field = fields[columns.indexOf(column)];
      if (field === undefined || field === null) throw new Error(`ledger row ${index - start}: ${column} is missing`);
      return field;
    };
    rows.push({
      seq: value("seq"),
      region: value("region"),
      chainId: value("chain_id"),
      position: Number(value("position")),
      actor: value("actor"),
      action: value("action"),
      subject: value("subject"),
      from: value("from_state"),
      to: value("to_state"),
      reason: value("reason"),
      details: JSON.parse(value("details")) as LedgerDetails,
      recordedAt: utcMicroseconds(value("recorded_at")),
      prevHash: value("prev_hash"),
      hash: value("hash"),
    });
  }
  return rows;
}

/** One field of COPY's text format: \N is NULL; backslash escapes as PostgreSQL writes them. */
function copyField(raw: string): string | null {
  if (raw === "\\N") return null;
  return raw.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_match, escape: string) => {
    if (escape.startsWith("x")) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" }[escape] ?? escape;
  });
}

/**
 * A timestamptz as pg_dump wrote it, in whatever time zone the dump ran ("2026-03-01
 * 16:15:30.1234+08"), as the ledger hashes it: UTC with exactly six fractional digits
 * ("2026-03-01T08:15:30.123400Z"). Microseconds are carried as digits, never through a Date.
 */
export function utcMicroseconds(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?|Z)?$/.exec(text);
  if (!match) throw new Error(`unreadable timestamp ${text}`);
  const [, year, month, day, hour, minute, second, fraction = "", sign, offsetHours = "0", offsetMinutes = "0", offsetSeconds = "0"] = match;
  const offset = (sign === "-" ? -1 : 1) * (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60 + Number(offsetSeconds));
  const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)) - offset * 1000);
  return `${utc.toISOString().slice(0, 19)}.${fraction.padEnd(6, "0")}Z`;
}
