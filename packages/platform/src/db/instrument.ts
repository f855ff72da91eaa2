import { SpanKind, SpanStatusCode, context, trace, type Attributes, type Span } from "@opentelemetry/api";
import type { Sql, TransactionSql } from "postgres";
import { attributeNames } from "../telemetry/names.js";
import { QuerySummaries } from "./query-summary.js";

export interface InstrumentOptions {
  /** Pool name on metrics (the application name, e.g. steward-approval-routing). */
  poolName: string;
  /** The database's name, server and port, for span attributes. */
  database: string;
  serverAddress: string;
  serverPort: number;
  /** One span per query inside sampled traces (STEWARD_TRACE_DB_QUERIES). */
  querySpans: boolean;
}

/** The pool's state, computed when metrics are collected. */
export interface PoolUsage {
  /** Connections held by a transaction or running a query. */
  used: number;
  /** Queries and transactions waiting for a connection. */
  pending: number;
}

/**
 * The parts of a postgres.js Query this module touches. postgres.js has no hooks and no
 * OpenTelemetry instrumentation, so executions are observed where every one passes: `handle()`,
 * which the query's then/catch/finally/execute/forEach call once before it is sent. A Query that is
 * never handled is a fragment inside a larger statement and is neither traced nor counted.
 */
interface ObservedQuery extends Promise<unknown> {
  handle(): Promise<void>;
  executed: boolean;
  /** The text sent to Postgres, set when the query is built (parameters as $1, $2 …). */
  string?: string;
  /** The connection's backend key, set when the query is handed to a connection. */
  state: object | null;
  [scopeKey]?: Scope;
}

const scopeKey = Symbol("steward.db.scope");

interface Scope {
  instrumentation: Instrumentation;
  /** Queries of a transaction run on its reserved connection, counted as the transaction. */
  inTransaction: boolean;
}

const tracer = () => trace.getTracer("steward.db");

let originalHandle: ((this: ObservedQuery) => Promise<void>) | undefined;

function instrumentedHandle(this: ObservedQuery): Promise<void> {
  if (!this.executed) this[scopeKey]!.instrumentation.started(this, this[scopeKey]!.inTransaction);
  return originalHandle!.call(this);
}

function isQuery(value: unknown): value is ObservedQuery {
  return value instanceof Promise && typeof (value as Partial<ObservedQuery>).handle === "function";
}

class Instrumentation {
  /** Queries outside transactions, from hand-off to the pool until they settle. */
  private readonly inFlight = new Set<ObservedQuery>();
  private transactionsWaiting = 0;
  private transactionsOpen = 0;
  private readonly summaries = new QuerySummaries();
  private readonly baseAttributes: Attributes;

  constructor(private readonly options: InstrumentOptions) {
    this.baseAttributes = {
      [attributeNames.dbSystemName]: "postgresql",
      [attributeNames.dbSystem]: "postgresql",
      [attributeNames.dbNamespace]: options.database,
      [attributeNames.serverAddress]: options.serverAddress,
      [attributeNames.serverPort]: options.serverPort,
    };
  }

  usage(): PoolUsage {
    const connections = new Set<object>();
    let pending = this.transactionsWaiting;
    for (const query of this.inFlight) {
      if (query.state) connections.add(query.state);
      else pending++;
    }
    return { used: this.transactionsOpen + connections.size, pending };
  }

  /** Called once per executed query, in the context of the code that awaits it. */
  started(query: ObservedQuery, inTransaction: boolean): void {
    if (!inTransaction) this.inFlight.add(query);
    const span = this.startSpan();
    if (!span && inTransaction) return;
    const settled = (error?: unknown) => {
      if (!inTransaction) this.inFlight.delete(query);
      if (span) this.endSpan(span, query, error);
    };
    // The Query's own then() would hand it over again; Promise's does not (its species is Promise).
    Promise.prototype.then.call(query, () => settled(), (error: unknown) => settled(error ?? new Error("query failed")));
  }

  /** A span only under a sampled span of ours: a probe's or a poll's query starts no trace. */
  private startSpan(): Span | undefined {
    if (!this.options.querySpans) return undefined;
    const parent = trace.getActiveSpan();
    if (!parent?.isRecording()) return undefined;
    return tracer().startSpan("postgresql", { kind: SpanKind.CLIENT, attributes: this.baseAttributes }, context.active());
  }

  private endSpan(span: Span, query: ObservedQuery, error: unknown): void {
    if (query.string) {
      const { summary, operation } = this.summaries.of(query.string);
      span.updateName(summary);
      span.setAttribute(attributeNames.dbQuerySummary, summary);
      span.setAttribute(attributeNames.dbOperationName, operation);
    }
    if (error) {
      const code = (error as { code?: unknown }).code;
      const type = typeof code === "string" ? code : ((error as Error).name ?? "Error");
      span.setAttribute(attributeNames.errorType, type);
      if (typeof code === "string") span.setAttribute(attributeNames.dbResponseStatusCode, code);
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  }

  /** The pool (or a transaction, or a savepoint) with every query it creates observed. */
  wrap<T extends Sql | TransactionSql>(target: T, inTransaction: boolean): T {
    const scope: Scope = { instrumentation: this, inTransaction };
    const observe = <R>(result: R): R => {
      if (isQuery(result)) {
        originalHandle ??= Object.getPrototypeOf(result).handle as typeof originalHandle;
        result[scopeKey] = scope;
        result.handle = instrumentedHandle;
      }
      return result;
    };
    const wrapCallback =
      (callback: (tx: TransactionSql) => unknown) =>
      (tx: TransactionSql): unknown =>
        callback(this.wrap(tx, true));
    return new Proxy(target, {
      apply: (fn, thisArg, args) => observe(Reflect.apply(fn as (...a: unknown[]) => unknown, thisArg, args)),
      get: (object, key) => {
        const value = Reflect.get(object, key, object) as unknown;
        if (typeof value !== "function") return value;
        if (key === "begin") return (...args: unknown[]) => this.begin(value as (...a: unknown[]) => Promise<unknown>, object, args, wrapCallback);
        if (key === "savepoint") {
          return (...args: unknown[]) => {
            const callback = args.pop() as (tx: TransactionSql) => unknown;
            return (value as (...a: unknown[]) => unknown).call(object, ...args, wrapCallback(callback));
          };
        }
        if (key === "unsafe" || key === "file") return (...args: unknown[]) => observe((value as (...a: unknown[]) => unknown).apply(object, args));
        return value;
      },
    });
  }

  /**
   * sql.begin: the transaction waits for a connection until its callback runs, and holds that
   * connection until it settles.
   */
  private begin(
    begin: (...a: unknown[]) => Promise<unknown>,
    pool: object,
    args: unknown[],
    wrapCallback: (callback: (tx: TransactionSql) => unknown) => (tx: TransactionSql) => unknown,
  ): Promise<unknown> {
    const callback = wrapCallback(args.pop() as (tx: TransactionSql) => unknown);
    let entered = false;
    this.transactionsWaiting++;
    const run = (tx: TransactionSql) => {
      if (!entered) {
        entered = true;
        this.transactionsWaiting--;
        this.transactionsOpen++;
      }
      return callback(tx);
    };
    return begin.call(pool, ...args, run).finally(() => {
      if (entered) this.transactionsOpen--;
      else this.transactionsWaiting--;
    });
  }
}

/**
 * Observes a postgres.js pool: a CLIENT span per query inside sampled traces, with the
 * semantic-convention attributes (db.system.name, db.namespace, db.operation.name,
 * db.query.summary — never the text's parameters, never the text itself), and the pool's usage for
 * the db.client.connection.* metrics. Returns the pool to use instead of the one given.
 */
export function instrumentPool(sql: Sql, options: InstrumentOptions): { sql: Sql; usage: () => PoolUsage } {
  const instrumentation = new Instrumentation(options);
  return { sql: instrumentation.wrap(sql, false), usage: () => instrumentation.usage() };
}
