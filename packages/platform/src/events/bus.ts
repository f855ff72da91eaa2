import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/nats-core";
import { connect } from "@nats-io/transport-node";
import type { Logger } from "pino";
import { regionSubjects, streamFor } from "./subjects.js";

export interface Bus {
  connection: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  region: string;
  stream: string;
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
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === "disconnect" || status.type === "reconnect" || status.type === "error") {
        options.logger.warn({ nats: status.type }, "nats connection status");
      }
    }
  })();
  const jsm = await jetstreamManager(connection);
  const stream = streamFor(options.region);
  await ensureStream(jsm, stream, regionSubjects(options.region));
  return {
    connection,
    js: jetstream(connection),
    jsm,
    region: options.region,
    stream,
    async close() {
      await connection.drain().catch(() => connection.close());
    },
  };
}

async function ensureStream(jsm: JetStreamManager, name: string, subjects: string): Promise<void> {
  const config = {
    name,
    subjects: [subjects],
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

/** True when the NATS connection is up, for /readyz. */
export function busReady(bus: Bus): boolean {
  return !bus.connection.isClosed() && !bus.connection.isDraining();
}
