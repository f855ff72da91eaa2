import { StorageType, jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/nats-core";
import { connect } from "@nats-io/transport-node";
import type { Logger } from "pino";
import { RateLimitedLog } from "../logging/rate-limit.js";
import { createCounter, createGauge } from "../telemetry/instruments.js";
import { metricDefinitions as m } from "../telemetry/names.js";
import { regionSubjects, streamFor } from "./subjects.js";

export interface Bus {
  connection: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  region: string;
  stream: string;
  /**
   * False from a disconnect until the client has reconnected. nats.js redials for ever, so
   * `connection.isClosed()` stays false while the server is down: this is what tells.
   */
  readonly connected: boolean;
  /** Called at once when the connection drops (readiness need not wait for its next probe). */
  onDisconnect(listener: (detail: string) => void): void;
  close(): Promise<void>;
}

export interface BusOptions {
  url: string;
  /** Credentials, where the server requires a user. */
  user?: string | undefined;
  password?: string | undefined;
  name: string;
  region: string;
  logger: Logger;
}

/**
 * Connects to NATS (reconnecting for ever) and makes sure the region's stream exists. The
 * duplicate window is what turns the outbox's at-least-once publishing into exactly-once storage.
 */
export async function connectBus(options: BusOptions): Promise<Bus> {
  const connection = await connect({
    servers: options.url,
    name: options.name,
    ...(options.user ? { user: options.user, pass: options.password } : {}),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
  const state = watchConnection(connection, options.logger);
  const jsm = await jetstreamManager(connection);
  const stream = streamFor(options.region);
  await ensureStream(jsm, stream, regionSubjects(options.region));
  return {
    connection,
    js: jetstream(connection),
    jsm,
    region: options.region,
    stream,
    get connected() {
      return state.connected;
    },
    onDisconnect(listener) {
      state.disconnectListeners.push(listener);
    },
    async close() {
      await connection.drain().catch(() => connection.close());
    },
  };
}

interface ConnectionState {
  connected: boolean;
  disconnectListeners: ((detail: string) => void)[];
}

/**
 * The one place the connection's state is followed: `Bus.connected` and its disconnect listeners
 * (readiness), the metrics (steward.nats.connected, .disconnects, .reconnects) and warnings.
 * nats.js redials for ever, so a lost server shows here, not as an error anywhere.
 */
function watchConnection(connection: NatsConnection, logger: Logger): ConnectionState {
  const state: ConnectionState = { connected: true, disconnectListeners: [] };
  const connected = createGauge(m.natsConnected);
  const disconnects = createCounter(m.natsDisconnects);
  const reconnects = createCounter(m.natsReconnects);
  const log = new RateLimitedLog(logger);
  connected.record(1);
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === "disconnect") {
        state.connected = false;
        connected.record(0);
        disconnects.add(1);
        for (const listener of state.disconnectListeners) listener(`disconnected from ${status.server}`);
      } else if (status.type === "reconnect") {
        state.connected = true;
        connected.record(1);
        reconnects.add(1);
      }
      if (status.type === "disconnect" || status.type === "reconnect" || status.type === "error") log.warn(`nats ${status.type}`, { nats: status.type }, "nats connection status");
    }
  })();
  return state;
}

async function ensureStream(jsm: JetStreamManager, name: string, subjects: string): Promise<void> {
  const config = {
    name,
    subjects: [subjects],
    storage: StorageType.File, // fsynced on every write by the server (deploy/nats/nats-server.conf)
    duplicate_window: 2 * 60 * 1_000_000_000, // nanoseconds
    max_age: 30 * 24 * 60 * 60 * 1_000_000_000,
  };
  try {
    await jsm.streams.info(name);
    await jsm.streams.update(name, config);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await jsm.streams.add(config);
    } catch (addError) {
      // Another process created it between our look and our add.
      if (!String(addError).includes("already in use")) throw addError;
    }
  }
}

export function isNotFound(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return /not found/i.test(text);
}

/**
 * True when the NATS connection is up and JetStream answers a round trip (an account info
 * request): a reconnected client whose server has not yet recovered its streams is not ready.
 */
export async function busReady(bus: Bus): Promise<boolean> {
  if (!bus.connected || bus.connection.isClosed() || bus.connection.isDraining()) return false;
  await bus.jsm.getAccountInfo();
  return true;
}
