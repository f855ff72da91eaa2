/**
 * `db.query.summary` and `db.operation.name` of a SQL statement, as the OpenTelemetry database
 * conventions define them: the operations and the tables they touch, in order ("SELECT case_items",
 * "UPDATE outbox SELECT outbox"), never a literal or a parameter. Statements come from postgres.js
 * already parameterised ($1, $2 …); literals are dropped anyway, so a value written into the text by
 * hand cannot leak either.
 */
export interface QuerySummary {
  summary: string;
  operation: string;
}

const operations = new Set([
  "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "LISTEN", "UNLISTEN",
  "NOTIFY", "CALL", "TRUNCATE", "CREATE", "ALTER", "DROP", "SET", "SHOW", "LOCK", "COPY", "PREPARE", "EXECUTE", "VACUUM", "ANALYZE",
]);
/** Keywords after which the next name is a table the operation touches. */
const targetIntroducers = new Set(["FROM", "JOIN", "INTO", "UPDATE", "TABLE"]);
/** Words that can sit between an introducer and the table. */
const skippable = new Set(["ONLY", "LATERAL", "IF", "EXISTS", "NOT"]);
/** Words before UPDATE that make it part of the statement (a row lock, an upsert), not an operation. */
const rowLockOrUpsert = new Set(["DO", "FOR", "KEY"]);
const maxLength = 255;

/** Comments, string literals and dollar-quoted bodies removed; quoted identifiers unquoted. */
function strip(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, " ")
    .replace(/'(?:[^']|'')*'/g, " ")
    .replace(/"((?:[^"]|"")*)"/g, (_, name: string) => name.replace(/""/g, '"'));
}

const tokenPattern = /[A-Za-z_][A-Za-z0-9_$.]*|\(/g;

export function summarizeQuery(sql: string): QuerySummary {
  const tokens = strip(sql).match(tokenPattern) ?? [];
  const parts: string[] = [];
  let operation = "";
  let expectTarget = false;
  /** After FROM or JOIN a name followed by "(" is a function; after INTO it is a table and its columns. */
  let functionsAllowed = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === "(") {
      expectTarget = false;
      continue;
    }
    const word = token.toUpperCase();
    if (expectTarget) {
      if (skippable.has(word)) continue;
      expectTarget = false;
      // A function in FROM (jsonb_to_recordset(…)) is not a table.
      if (!(functionsAllowed && tokens[i + 1] === "(") && !operations.has(word)) {
        parts.push(token);
        continue;
      }
    }
    if (operations.has(word)) {
      // INSERT … ON CONFLICT DO UPDATE and SELECT … FOR [NO KEY] UPDATE: the same statement, not
      // a second UPDATE of a table.
      if (word === "UPDATE" && rowLockOrUpsert.has(tokens[i - 1]?.toUpperCase() ?? "")) continue;
      if (word === "SET" && operation !== "") continue;
      parts.push(word);
      if (!operation) operation = word;
      if (word === "UPDATE") {
        expectTarget = true;
        functionsAllowed = false;
      }
      continue;
    }
    if (targetIntroducers.has(word)) {
      expectTarget = true;
      functionsAllowed = word === "FROM" || word === "JOIN";
    }
  }
  let summary = parts.join(" ");
  if (summary.length > maxLength) summary = summary.slice(0, summary.lastIndexOf(" ", maxLength));
  return { summary: summary || "SQL", operation: operation || "SQL" };
}

/**
 * summarizeQuery with a cache: postgres.js sends the same text for every call from one place in the
 * code, so a process summarises each statement once. Bounded, because a multi-row INSERT's text
 * varies with its row count.
 */
export class QuerySummaries {
  private readonly cache = new Map<string, QuerySummary>();

  constructor(private readonly limit = 2000) {}

  of(sql: string): QuerySummary {
    let known = this.cache.get(sql);
    if (!known) {
      if (this.cache.size >= this.limit) this.cache.clear();
      known = summarizeQuery(sql);
      this.cache.set(sql, known);
    }
    return known;
  }
}
