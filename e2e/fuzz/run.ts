import { connect as http2Connect, type ClientHttp2Session } from "node:http2";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { Client, Metadata, credentials, status } from "@grpc/grpc-js";
import { jetstreamManager, type JetStreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { streamFor } from "@steward/platform/events";
import { grpcCodeName } from "@steward/platform/grpc";
import { stack } from "@steward/testing";
import fc from "fast-check";
import { serviceNames, type RunningPlatform, type ServiceName } from "../platform.js";
import { httpCases, type HttpCase } from "./arbitraries/http.js";
import type { Known } from "./arbitraries/values.js";
import { requestBytes } from "./arbitraries/wire.js";
import { DatabaseFingerprint, changedTables, type Fingerprint } from "./fingerprint.js";
import { identities } from "./identities.js";
import { discoverTargets, type Target } from "./targets.js";

export interface FuzzOptions {
  /** Generated requests per RPC and per route. */
  runsPerTarget: number;
  /** fast-check seed: the same seed sends the same requests. */
  seed: number;
  /** Requests between two database fingerprints. */
  batchSize?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Frames past the 4 MiB receive limit, per RPC (they cost 4 MiB each). */
  oversizedPerRpc?: number;
  /** Only the targets whose name matches. */
  only?: RegExp;
  log?: (line: string) => void;
}

/** Something the platform must never do, whatever it is sent. */
export interface Violation {
  target: string;
  kind: "internal" | "5xx" | "wrote" | "crashed" | "connection";
  detail: string;
  /** The request, to send again (hex of the frame, or the HTTP request). */
  input?: string;
}

export interface TargetReport {
  target: string;
  kind: Target["kind"];
  calls: number;
  /** By gRPC status name or HTTP status. */
  outcomes: Record<string, number>;
  /** By kind of input: well-formed, truncated, noise, oversized, ... */
  shapes: Record<string, number>;
  /**
   * Batches whose databases were compared before and after and found unchanged, or that held
   * refusals only (a change then is a violation).
   */
  checkedBatches: number;
  /** Refused requests in the checked batches: each is known to have written nothing. */
  refusedChecked: number;
  violations: Violation[];
  /** Seconds spent sending requests, and comparing and waiting on the databases. */
  sendingSeconds: number;
  checkingSeconds: number;
}

export interface FuzzReport {
  region: string;
  seed: number;
  targets: TargetReport[];
  violations: Violation[];
  /** Processes that exited during the run. */
  crashed: string[];
  /** Error-level log records of the services (unexpected errors, unhandled rejections). */
  errorLogs: { service: string; msg: string }[];
  durationMs: number;
}

/** Answers a well-behaved service may give to input it does not like (and OK). */
const acceptable = new Set<number>([
  status.OK,
  status.CANCELLED,
  status.INVALID_ARGUMENT,
  status.NOT_FOUND,
  status.ALREADY_EXISTS,
  status.PERMISSION_DENIED,
  status.RESOURCE_EXHAUSTED,
  status.FAILED_PRECONDITION,
  status.ABORTED,
  status.OUT_OF_RANGE,
  status.UNAUTHENTICATED,
]);

interface Outcome {
  label: string;
  refused: boolean;
  violation?: Omit<Violation, "target">;
}

interface Case {
  shape: string;
  send: () => Promise<Outcome>;
  describe: () => string;
}

const deadlineMs = 30_000;

function unaryCall(client: Client, path: string, bytes: Uint8Array, token: string | undefined): Promise<Outcome> {
  const metadata = new Metadata();
  if (token !== undefined) metadata.set("authorization", `Bearer ${token}`);
  return new Promise((resolve) => {
    client.makeUnaryRequest(path, (value: Uint8Array) => Buffer.from(value), (value: Buffer) => value, bytes, metadata, { deadline: Date.now() + deadlineMs }, (error) => {
      const code = error?.code ?? status.OK;
      resolve(grpcOutcome(code, error?.details ?? ""));
    });
  });
}

/** A server stream: its first message or its end, whichever comes first; then it is cancelled. */
function streamCall(client: Client, path: string, bytes: Uint8Array, token: string | undefined): Promise<Outcome> {
  const metadata = new Metadata();
  if (token !== undefined) metadata.set("authorization", `Bearer ${token}`);
  const call = client.makeServerStreamRequest(path, (value: Uint8Array) => Buffer.from(value), (value: Buffer) => value, bytes, metadata, { deadline: Date.now() + deadlineMs });
  let open: NodeJS.Timeout | undefined;
  return new Promise<Outcome>((resolve) => {
    // A stream with nothing to send yet is open and well: that is an OK, not a hang.
    open = setTimeout(() => resolve(grpcOutcome(status.OK, "")), 500);
    call.on("data", () => resolve(grpcOutcome(status.OK, "")));
    call.on("error", () => {}); // the status says it
    call.on("status", (ended) => resolve(grpcOutcome(ended.code, ended.details)));
  }).finally(() => {
    clearTimeout(open);
    call.cancel();
  });
}

function grpcOutcome(code: number, details: string): Outcome {
  const label = grpcCodeName(code);
  if (acceptable.has(code)) return { label, refused: code !== status.OK };
  return { label, refused: true, violation: { kind: "internal", detail: `${label}: ${details}` } };
}

async function httpCall(baseUrl: string, request: HttpCase): Promise<Outcome> {
  try {
    const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}), signal: AbortSignal.timeout(deadlineMs) });
    await response.arrayBuffer();
    const label = String(response.status);
    if (response.status >= 500) return { label, refused: true, violation: { kind: "5xx", detail: `${response.status}` } };
    return { label, refused: response.status >= 400 };
  } catch (error) {
    // A body past the limit is refused without being read, and the server closes the connection
    // after a short drain (RFC 9110 §15.5.14 allows it): on a busy machine the client may still be
    // sending when it closes and sees a reset instead of the refusal. That is a refusal, not a fault.
    if (request.shape === "oversized") return { label: "connection-closed", refused: true };
    return { label: "connection-error", refused: true, violation: { kind: "connection", detail: String(error) } };
  }
}

/** A frame past the receive limit: an unknown field of 4 MiB and a bit. */
const oversizedFrame = () => new BinaryWriter().tag(2000, WireType.LengthDelimited).bytes(new Uint8Array(4 * 1024 * 1024 + 1)).finish();

const lengthPrefixed = (length: number, payload: Uint8Array) => {
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32BE(length, 1);
  return Buffer.concat([prefix, payload]);
};

/**
 * gRPC framing broken below the message (sent over raw HTTP/2, as no gRPC client would): a length
 * prefix promising more than the stream holds, a body with no message, two messages for a unary
 * call. grpc-js answers these itself before any of our code runs, with UNIMPLEMENTED ("received
 * no request message"); what matters is that it is not INTERNAL and the process carries on.
 */
const brokenFraming: { shape: string; body: () => Buffer }[] = [
  { shape: "frame-cut-short", body: () => lengthPrefixed(100, new Uint8Array([0x0a, 0x01, 0x61])) },
  { shape: "frame-missing", body: () => Buffer.alloc(0) },
  { shape: "frame-doubled", body: () => Buffer.concat([lengthPrefixed(0, new Uint8Array()), lengthPrefixed(0, new Uint8Array())]) },
];

function rawFrameCall(session: ClientHttp2Session, path: string, body: Buffer, token: string | undefined): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    const request = session.request({ ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers", ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) });
    let code: number | undefined;
    let details = "";
    const read = (headers: Record<string, unknown>) => {
      if (headers["grpc-status"] !== undefined) {
        code = Number(headers["grpc-status"]);
        details = decodeURIComponent(String(headers["grpc-message"] ?? ""));
      }
    };
    request.on("response", read);
    request.on("trailers", read);
    request.on("data", () => {});
    request.setTimeout(deadlineMs, () => request.close());
    request.on("close", () => {
      if (code === undefined) resolve({ label: "no-status", refused: true, violation: { kind: "connection", detail: "the stream ended without a gRPC status" } });
      else if (code === status.UNIMPLEMENTED) resolve({ label: grpcCodeName(code), refused: true });
      else resolve(grpcOutcome(code, details));
    });
    request.on("error", () => {});
    request.end(body);
  });
}

/** Waits until nothing is in flight: every outbox published, every consumer caught up, the databases still. */
class Quiet {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly stream: string,
    private readonly databases: DatabaseFingerprint[],
  ) {}

  static async open(region: string, databases: DatabaseFingerprint[]): Promise<Quiet> {
    const connection = await connect({ servers: stack.natsUrl });
    return new Quiet(connection, await jetstreamManager(connection), streamFor(region), databases);
  }

  async fingerprint(): Promise<Fingerprint> {
    const readings = await Promise.all(this.databases.map((database) => database.read()));
    return new Map(readings.flatMap((reading) => [...reading]));
  }

  /** True once quiet, false when `timeoutMs` passed first. */
  async settle(timeoutMs = 20_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let previous: Fingerprint | undefined;
    let stableReads = 0;
    while (Date.now() < deadline) {
      const unpublished = (await Promise.all(this.databases.map((database) => database.unpublished()))).reduce((a, b) => a + b, 0);
      let pending = 0;
      for await (const consumer of this.jsm.consumers.list(this.stream)) pending += consumer.num_pending + consumer.num_ack_pending;
      const current = await this.fingerprint();
      const still = previous !== undefined && changedTables(previous, current).length === 0;
      stableReads = unpublished === 0 && pending === 0 && still ? stableReads + 1 : 0;
      if (stableReads >= 2) return true;
      previous = current;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

async function inParallel<T, R>(items: T[], concurrency: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index]!);
      }
    }),
  );
  return results;
}

/**
 * Fuzzes every RPC and route of the contract against the running platform. For each target it
 * sends `runsPerTarget` generated requests in batches; a batch in which every request was refused
 * must leave every table of every service's database as it found it. It never stops at the first
 * problem: it counts outcomes per target, collects violations (INTERNAL or another status no
 * handler should give, HTTP 5xx, a write by a refused batch, a dropped connection) and checks the
 * processes are alive after each target.
 */
export async function runFuzz(platform: RunningPlatform, known: Known, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 16;
  const targets = (await discoverTargets(platform)).filter((target) => !options.only || options.only.test(target.name));
  const who = await identities(platform.region);
  const databases = serviceNames.map((name) => new DatabaseFingerprint(name, platform.databases[name].url));
  const quiet = await Quiet.open(platform.region, databases);
  const clients = new Map<ServiceName, Client>(serviceNames.map((name) => [name, new Client(`127.0.0.1:${platform.services[name].grpcPort}`, credentials.createInsecure(), { "grpc.max_send_message_length": -1 })]));
  const sessions = new Map<ServiceName, ClientHttp2Session>(serviceNames.map((name) => [name, http2Connect(`http://127.0.0.1:${platform.services[name].grpcPort}`)]));
  for (const session of sessions.values()) session.on("error", () => {});
  const reports: TargetReport[] = [];
  const crashed = new Set<string>();
  // Whether nothing is in flight: true after a batch that changed nothing, else settle first.
  let settled = await quiet.settle();
  try {
    for (const [index, target] of targets.entries()) {
      const report: TargetReport = { target: target.name, kind: target.kind, calls: 0, outcomes: {}, shapes: {}, checkedBatches: 0, refusedChecked: 0, violations: [], sendingSeconds: 0, checkingSeconds: 0 };
      const timed = async <T>(key: "sendingSeconds" | "checkingSeconds", work: () => Promise<T>): Promise<T> => {
        const start = performance.now();
        try {
          return await work();
        } finally {
          report[key] += (performance.now() - start) / 1000;
        }
      };
      const cases = casesFor(target, known, who.token, platform, { clients, sessions }, { runs: options.runsPerTarget, batchSize, seed: options.seed + index, oversized: options.oversizedPerRpc ?? 1 });
      for (let index = 0; index < cases.batches; index++) {
        const batch = cases.batch(index);
        const before = settled ? await timed("checkingSeconds", () => quiet.fingerprint()) : undefined;
        const outcomes = await timed("sendingSeconds", () => inParallel(batch, concurrency, (item) => item.send()));
        outcomes.forEach((outcome, at) => {
          report.calls++;
          report.outcomes[outcome.label] = (report.outcomes[outcome.label] ?? 0) + 1;
          report.shapes[batch[at]!.shape] = (report.shapes[batch[at]!.shape] ?? 0) + 1;
          if (outcome.violation) report.violations.push({ target: target.name, ...outcome.violation, input: batch[at]!.describe() });
        });
        const refused = outcomes.filter((outcome) => outcome.refused).length;
        const changed = before ? changedTables(before, await timed("checkingSeconds", () => quiet.fingerprint())) : undefined;
        if (changed?.length === 0) {
          // Nothing was written at all, so nothing by the refused requests among them.
          report.checkedBatches++;
          report.refusedChecked += refused;
          settled = true;
          continue;
        }
        if (changed && refused === outcomes.length) {
          report.violations.push({ target: target.name, kind: "wrote", detail: `a batch of refused requests changed ${changed.join(", ")}`, input: batch.map((item) => item.describe()).join("\n") });
        }
        // Accepted requests wrote (or we could not tell): let what they set going run its course.
        settled = await timed("checkingSeconds", () => quiet.settle());
      }
      for (const name of serviceNames) {
        if (platform.services[name].child.exitCode !== null && !crashed.has(name)) {
          crashed.add(name);
          report.violations.push({ target: target.name, kind: "crashed", detail: `${name} exited with ${platform.services[name].child.exitCode}` });
        }
      }
      reports.push(report);
      log(formatTarget(report));
    }
  } finally {
    for (const client of clients.values()) client.close();
    for (const session of sessions.values()) session.close();
    await quiet.close();
    await Promise.all(databases.map((database) => database.close()));
  }
  const errorLogs = serviceNames.flatMap((service) =>
    platform.services[service].logs.filter((record) => record.level === "error" || record.level === "fatal").map((record) => ({ service, msg: String(record.msg ?? record.raw ?? "") })),
  );
  return { region: platform.region, seed: options.seed, targets: reports, violations: reports.flatMap((report) => report.violations), crashed: [...crashed], errorLogs, durationMs: performance.now() - started };
}

/** A target's requests, made a batch at a time (10,000 made at once would hold gigabytes of bodies). */
interface CaseSource {
  batches: number;
  batch(index: number): Case[];
}

function casesFor(
  target: Target,
  known: Known,
  token: fc.Arbitrary<string | undefined>,
  platform: RunningPlatform,
  connections: { clients: Map<ServiceName, Client>; sessions: Map<ServiceName, ClientHttp2Session> },
  plan: { runs: number; batchSize: number; seed: number; oversized: number },
): CaseSource {
  const generated = Math.ceil(plan.runs / plan.batchSize);
  /** The index-th batch of `arbitrary`, the same for the same seed. */
  const sample = <T>(arbitrary: fc.Arbitrary<T>, index: number) => fc.sample(arbitrary, { numRuns: Math.min(plan.batchSize, plan.runs - index * plan.batchSize), seed: plan.seed * 1_000_003 + index });
  if (target.kind === "route") {
    const baseUrl = `http://127.0.0.1:${platform.services[target.process].httpPort}`;
    const requests = httpCases(target.operation, known, token);
    return {
      batches: generated,
      batch: (index) =>
        sample(requests, index).map((request) => ({
          shape: request.shape,
          send: () => httpCall(baseUrl, request),
          describe: () => `${request.method} ${request.path} ${JSON.stringify(request.headers)} ${request.body?.slice(0, 2000) ?? ""}`,
        })),
    };
  }
  const client = connections.clients.get(target.process)!;
  const session = connections.sessions.get(target.process)!;
  const path = `/${target.method.parent.typeName}/${target.method.name}`;
  const call = target.method.methodKind === "server_streaming" ? streamCall : unaryCall;
  const requests = fc.tuple(requestBytes(target.method.input, known), token);
  // Past the generated batches, one of frames past the size limit and framing broken below the message.
  const extras = (): Case[] => {
    const [bearer] = fc.sample(token, { numRuns: 1, seed: plan.seed });
    return [
      ...Array.from({ length: plan.oversized }, (): Case => ({ shape: "oversized", send: () => call(client, path, oversizedFrame(), bearer), describe: () => `${path} <4 MiB + 1 byte>` })),
      ...brokenFraming.map((framing): Case => ({ shape: framing.shape, send: () => rawFrameCall(session, path, framing.body(), bearer), describe: () => `${path} ${framing.shape}` })),
    ];
  };
  return {
    batches: generated + 1,
    batch: (index) =>
      index === generated
        ? extras()
        : sample(requests, index).map(([{ bytes, shape }, bearer]) => ({ shape, send: () => call(client, path, bytes, bearer), describe: () => `${path} ${Buffer.from(bytes).toString("hex").slice(0, 4000)}` })),
  };
}

/** One line per target: calls, outcomes by status, the checked batches, violations. */
export function formatTarget(report: TargetReport): string {
  const outcomes = Object.entries(report.outcomes)
    .sort(([, a], [, b]) => b - a)
    .map(([label, count]) => `${label} ${count}`)
    .join(", ");
  const timing = `${report.sendingSeconds.toFixed(0)} s sending, ${report.checkingSeconds.toFixed(0)} s checking`;
  return `${report.target.padEnd(58)} ${String(report.calls).padStart(6)} calls | ${outcomes} | ${report.refusedChecked} refused in ${report.checkedBatches} checked batches | ${report.violations.length} violations | ${timing}`;
}
