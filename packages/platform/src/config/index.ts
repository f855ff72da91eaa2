import { z } from "zod";
import { samplerNames, type SamplerConfig } from "../telemetry/sampler.js";

/**
 * Reads and validates configuration once, at start. A bad or missing variable stops the process
 * with one line naming it, before anything else starts.
 */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(problems.map((p) => `${p.variable}: ${p.message}`).join("; "));
    this.name = "ConfigError";
  }
}

export type Env = Record<string, string | undefined>;

export function parseConfig<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: issue.path.map(String).join(".") || "(environment)",
      message: issue.message,
    })),
  );
}

/** parseConfig over process.env that exits with status 78 (EX_CONFIG) on a bad variable. */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.output<S> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

const port = z.coerce.number().int().min(0).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a ${protocols.join(" or ")} URL` },
  );

/** A region (tenant) slug: "city" or a county such as "hanbin". */
export const regionSlug = z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, "must be a lowercase region slug such as hanbin");

/** "region=host:port,…" of other regions' services, as a map from region to address. */
export const regionAddresses = z
  .string()
  .default("")
  .transform((text, ctx) => {
    const addresses = new Map<string, string>();
    for (const entry of text.split(",").map((part) => part.trim()).filter(Boolean)) {
      const [region, address] = entry.split("=");
      if (!region || !address || !regionSlug.safeParse(region).success || !/^[\w.-]+:\d{1,5}$/.test(address)) {
        ctx.addIssue({ code: "custom", message: `"${entry}" is not region=host:port` });
        return z.NEVER;
      }
      addresses.set(region, address);
    }
    return addresses;
  });

/** The variables every service reads. Each service extends this with its own. */
export const serviceEnvSchema = z.object({
  STEWARD_REGION: regionSlug,
  STEWARD_GRPC_PORT: port.default(0),
  STEWARD_HTTP_PORT: port.default(0),
  STEWARD_GRPC_HOST: z.string().default("127.0.0.1"),
  STEWARD_HTTP_HOST: z.string().default("127.0.0.1"),
  STEWARD_DATABASE_URL: url(["postgres:", "postgresql:"]),
  /** The role that owns the schema and runs migrations; the service role (STEWARD_DATABASE_URL) when unset. */
  STEWARD_MIGRATION_DATABASE_URL: url(["postgres:", "postgresql:"]).optional(),
  /** Whether the process applies pending migrations at start; false where a deploy step (a Helm hook Job running `--migrate-only`) does it. */
  STEWARD_MIGRATE_ON_START: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
  STEWARD_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  STEWARD_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  STEWARD_DB_IDLE_IN_TX_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  STEWARD_NATS_URL: url(["nats:", "tls:"]),
  /** The NATS user and password where the server requires them (a region's user on a shared cluster); both or neither. */
  STEWARD_NATS_USER: z.string().min(1).optional(),
  STEWARD_NATS_PASSWORD: z.string().min(1).optional(),
  STEWARD_AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  STEWARD_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  STEWARD_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10000),
  OTEL_EXPORTER_OTLP_ENDPOINT: url(["http:", "https:"]).optional(),
  OTEL_SERVICE_NAME: z.string().optional(),
  /** The head sampler, as the OpenTelemetry SDK environment specification names them. */
  OTEL_TRACES_SAMPLER: z.enum(samplerNames).default("parentbased_always_on"),
  /** The share of traces the ratio samplers keep. */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  /** Whether sampled traces include a span per Postgres query (the costliest spans: several per call). */
  STEWARD_TRACE_DB_QUERIES: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
});

export type ServiceEnv = z.output<typeof serviceEnvSchema>;

/** The runtime settings derived from the common variables, in the shape the platform takes. */
export interface RuntimeConfig {
  service: string;
  region: string;
  grpc: { host: string; port: number };
  http: { host: string; port: number };
  database: { url: string; migrationUrl: string; migrateOnStart: boolean; poolMax: number; statementTimeoutMs: number; idleInTransactionTimeoutMs: number };
  nats: { url: string; user?: string | undefined; password?: string | undefined };
  auth: { secret: string };
  logLevel: ServiceEnv["STEWARD_LOG_LEVEL"];
  shutdownGraceMs: number;
  telemetry: { serviceName: string; otlpEndpoint: string | undefined; sampler: SamplerConfig; dbQuerySpans: boolean };
}

export function runtimeConfig(service: string, env: ServiceEnv): RuntimeConfig {
  return {
    service,
    region: env.STEWARD_REGION,
    grpc: { host: env.STEWARD_GRPC_HOST, port: env.STEWARD_GRPC_PORT },
    http: { host: env.STEWARD_HTTP_HOST, port: env.STEWARD_HTTP_PORT },
    database: {
      url: env.STEWARD_DATABASE_URL,
      migrationUrl: env.STEWARD_MIGRATION_DATABASE_URL ?? env.STEWARD_DATABASE_URL,
      migrateOnStart: env.STEWARD_MIGRATE_ON_START,
      poolMax: env.STEWARD_DB_POOL_MAX,
      statementTimeoutMs: env.STEWARD_DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: env.STEWARD_DB_IDLE_IN_TX_TIMEOUT_MS,
    },
    nats: { url: env.STEWARD_NATS_URL, user: env.STEWARD_NATS_USER, password: env.STEWARD_NATS_PASSWORD },
    auth: { secret: env.STEWARD_AUTH_SECRET },
    logLevel: env.STEWARD_LOG_LEVEL,
    shutdownGraceMs: env.STEWARD_SHUTDOWN_GRACE_MS,
    telemetry: {
      serviceName: env.OTEL_SERVICE_NAME ?? `steward-${service}`,
      otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
      sampler: { name: env.OTEL_TRACES_SAMPLER, ratio: env.OTEL_TRACES_SAMPLER_ARG },
      dbQuerySpans: env.STEWARD_TRACE_DB_QUERIES,
    },
  };
}

export { z };
