import { readFileSync } from "node:fs";
import { z } from "zod";
import { LedgerSigner, LedgerVerifier } from "../ledger/signing.js";
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
/**
 * A periodic job's round deadline in milliseconds (PeriodicTask), when set: past it the round is
 * abandoned. Unset, the task derives it from its interval (two intervals, at least a minute).
 */
export const roundDeadline = z.coerce.number().int().min(100).max(86_400_000).optional();

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
  /** Longest lifetime (exp − iat) a token may have; tokens without exp, or living longer, are refused. */
  STEWARD_AUTH_MAX_TOKEN_LIFETIME_S: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(3600),
  /** Clock difference tolerated between token issuers and this process. */
  STEWARD_AUTH_CLOCK_SKEW_S: z.coerce.number().int().min(0).max(300).default(30),
  /** Key material of page tokens (HMAC); derived from STEWARD_AUTH_SECRET when unset. Every replica needs the same. */
  STEWARD_PAGE_TOKEN_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  STEWARD_HTTP_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(64 * 1024),
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
  http: { host: string; port: number; maxBodyBytes: number };
  database: { url: string; migrationUrl: string; migrateOnStart: boolean; poolMax: number; statementTimeoutMs: number; idleInTransactionTimeoutMs: number };
  nats: { url: string; user?: string | undefined; password?: string | undefined };
  auth: { secret: string; maxLifetimeSeconds: number; clockSkewSeconds: number };
  /** The secret page tokens are signed with (a key is derived from it). */
  pageTokenSecret: string;
  logLevel: ServiceEnv["STEWARD_LOG_LEVEL"];
  shutdownGraceMs: number;
  telemetry: { serviceName: string; otlpEndpoint: string | undefined; sampler: SamplerConfig; dbQuerySpans: boolean };
}

export function runtimeConfig(service: string, env: ServiceEnv): RuntimeConfig {
  return {
    service,
    region: env.STEWARD_REGION,
    grpc: { host: env.STEWARD_GRPC_HOST, port: env.STEWARD_GRPC_PORT },
    http: { host: env.STEWARD_HTTP_HOST, port: env.STEWARD_HTTP_PORT, maxBodyBytes: env.STEWARD_HTTP_MAX_BODY_BYTES },
    database: {
      url: env.STEWARD_DATABASE_URL,
      migrationUrl: env.STEWARD_MIGRATION_DATABASE_URL ?? env.STEWARD_DATABASE_URL,
      migrateOnStart: env.STEWARD_MIGRATE_ON_START,
      poolMax: env.STEWARD_DB_POOL_MAX,
      statementTimeoutMs: env.STEWARD_DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: env.STEWARD_DB_IDLE_IN_TX_TIMEOUT_MS,
    },
    nats: { url: env.STEWARD_NATS_URL, user: env.STEWARD_NATS_USER, password: env.STEWARD_NATS_PASSWORD },
    auth: { secret: env.STEWARD_AUTH_SECRET, maxLifetimeSeconds: env.STEWARD_AUTH_MAX_TOKEN_LIFETIME_S, clockSkewSeconds: env.STEWARD_AUTH_CLOCK_SKEW_S },
    // HKDF with its own context keeps the page-token key apart from the token-signing key.
    pageTokenSecret: env.STEWARD_PAGE_TOKEN_SECRET ?? env.STEWARD_AUTH_SECRET,
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

/** A file's text, or an issue naming the variable (never the file's content). */
const fileText = (what: string) =>
  z.string().min(1).transform((path, context) => {
    try {
      return readFileSync(path, "utf8");
    } catch (error) {
      context.addIssue({ code: "custom", message: `cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}` });
      return z.NEVER;
    }
  });

/**
 * The variables of a service whose database holds a ledger (approval-routing, agreement): the key
 * that signs its checkpoints, mounted from a secret the database does not hold, and how often.
 */
export const ledgerEnvSchema = z.object({
  /** Ed25519 private key (PKCS#8 PEM) that signs the ledger's checkpoints; a mounted secret file. */
  STEWARD_LEDGER_SIGNING_KEY_FILE: fileText("the ledger signing key").transform((pem, context) => {
    try {
      return LedgerSigner.fromPem(pem);
    } catch {
      context.addIssue({ code: "custom", message: "must be an Ed25519 private key in PEM (PKCS#8)" });
      return z.NEVER;
    }
  }),
  /** Earlier public keys (PEM, one or more) whose checkpoints still verify after a key rotation. */
  STEWARD_LEDGER_TRUSTED_KEYS_FILE: fileText("the trusted ledger keys")
    .refine((pem) => {
      try {
        return LedgerVerifier.fromPem(pem).keyIds.length > 0;
      } catch {
        return false;
      }
    }, "must hold Ed25519 public keys in PEM")
    .optional(),
  /** How often every chain head is anchored: the window in which tampering with new rows goes unseen. */
  STEWARD_LEDGER_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** How long one checkpoint round may run before it is abandoned (default: two intervals, at least a minute). */
  STEWARD_LEDGER_CHECKPOINT_DEADLINE_MS: roundDeadline,
  /** The region that keeps every region's copy of the checkpoints (and decides city items). */
  STEWARD_CITY_REGION: regionSlug.default("city"),
});

/** The checkpoint settings of a service with a ledger. */
export interface LedgerSettings {
  signer: LedgerSigner;
  /** The signer's public key and the trusted earlier ones. */
  verifier: LedgerVerifier;
  checkpointIntervalMs: number;
  /** Past it a checkpoint round is abandoned (PeriodicTask); undefined: the default from the interval. */
  checkpointDeadlineMs?: number;
  cityRegion: string;
}

export function ledgerSettings(env: z.output<typeof ledgerEnvSchema>): LedgerSettings {
  const signer = env.STEWARD_LEDGER_SIGNING_KEY_FILE;
  const verifier = LedgerVerifier.fromPem(`${signer.publicKeyPem()}\n${env.STEWARD_LEDGER_TRUSTED_KEYS_FILE ?? ""}`);
  return { signer, verifier, checkpointIntervalMs: env.STEWARD_LEDGER_CHECKPOINT_INTERVAL_MS, checkpointDeadlineMs: env.STEWARD_LEDGER_CHECKPOINT_DEADLINE_MS, cityRegion: env.STEWARD_CITY_REGION };
}

export { z };
