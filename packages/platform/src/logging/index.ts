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

/** Keys whose values are personal data wherever they appear in a log record. */
const personalKeys = [
  "phone",
  "contactPhone",
  "contact_phone",
  "mobile",
  "idNumber",
  "id_number",
  "idCard",
  "contactName",
  "contact_name",
  // Intake's complaints and 12345 tickets, enterprise records and signing records.
  "callerPhone",
  "caller_phone",
  "callerName",
  "caller_name",
  "complainantPhone",
  "complainant_phone",
  "complainantName",
  "complainant_name",
  "legalRepresentative",
  "legal_representative",
  "enterpriseSignatory",
  "enterprise_signatory",
  "authorization",
  "token",
];

/**
 * JSON logs with the active trace and span ids. Personal data never reaches a log: known keys are
 * redacted at any depth and free text is scrubbed of phone and ID-card numbers.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service, region: options.region },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      redact: {
        paths: personalKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
        censor: "[redacted]",
      },
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
