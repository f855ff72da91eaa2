import { Writable } from "node:stream";
import { trace } from "@opentelemetry/api";
import { pino, type Logger, type LevelWithSilent } from "pino";
import { scrubPersonalData } from "./scrub.js";

export type { Logger };
export { RateLimitedLog, type RateLimitOptions } from "./rate-limit.js";

export interface LoggerOptions {
  service: string;
  region: string;
  level: LevelWithSilent;
  /** Where to write; standard output unless a test captures it. */
  destination?: pino.DestinationStream;
}

/**
 * JSON logs with the active trace and span ids. Personal data never reaches a log: known keys are
 * redacted at any depth and free text is scrubbed of phone and ID-card numbers (`scrubPersonalData`,
 * on every record, on the bindings of every child logger, and on string arguments).
 */
export function createLogger(options: LoggerOptions): Logger {
  const logger = pino(
    {
      level: options.level,
      base: { service: options.service, region: options.region },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      formatters: {
        level: (label) => ({ level: label }),
        log: (record) => scrubPersonalData(record) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === "string" ? scrubPersonalData(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      mixin() {
        const span = trace.getActiveSpan();
        if (!span) return {};
        const { traceId, spanId } = span.spanContext();
        return { trace_id: traceId, span_id: spanId };
      },
    },
    options.destination,
  );
  // A child's bindings are written with every line it logs but pass no formatter of ours (pino
  // resets the bindings formatter for children): they are scrubbed once, when the child is made.
  // Set on the root, the wrapper is what every child and grandchild inherits.
  // (Called on the child's parent as `this`, so a grandchild keeps its parent's bindings.)
  const child = logger.child;
  const scrubbingChild: typeof child = function (this: unknown, bindings, childOptions) {
    // pino's own child, untouched but for the bindings; its generic result type passes through.
    return Reflect.apply(child, this, [scrubPersonalData(bindings), childOptions]) as never;
  };
  logger.child = scrubbingChild;
  return logger;
}

/** A logger that keeps every record it writes, parsed, in `lines`: what tests read operators' logs from. */
export function memoryLogger(options: Omit<LoggerOptions, "destination">): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ ...options, destination }), lines };
}
