import { status, type ServiceError } from "@grpc/grpc-js";
import { connect } from "@nats-io/transport-node";
import { routingV1 } from "@steward/proto";
import { createTestDatabase, stack, type TestDatabase } from "@steward/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenVerifier, signDevToken } from "../auth/index.js";
import { createDatabase, transaction, type Sql } from "../db/index.js";
import { createClient } from "../grpc/client.js";
import { GrpcServer } from "../grpc/server.js";
import { createHttpApp } from "../http/app.js";
import { createLogger } from "../logging/index.js";
import { isDependencyUnavailable } from "./index.js";

const region = "hanbin";
const keys = { secret: "unavailable-test-secret-0123456789abcdef" };
const logger = createLogger({ service: "unavailable-test", region, level: "silent" });
const testService = { getCase: routingV1.RoutingServiceService.getCase };

/**
 * A request that loses its database or NATS connection is retryable: gRPC clients get UNAVAILABLE
 * (which they retry, with the same request id) and HTTP clients 503 with Retry-After, never
 * INTERNAL / 500. The connections are really lost here: the backend is terminated, NATS closed.
 */
describe("a lost dependency connection reaches clients as retryable", () => {
  let db: TestDatabase;
  let sql: Sql;
  let killer: postgres.Sql;
  let server: GrpcServer;
  let address: string;

  /** Runs a transaction whose backend is terminated while a statement is in flight. */
  const transactionLosingItsBackend = () =>
    transaction(sql, async (tx) => {
      const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      const sleeping = tx`select pg_sleep(3)`;
      await new Promise((resolve) => setTimeout(resolve, 200));
      await killer`select pg_terminate_backend(${row!.pid})`;
      await sleeping;
      return row!.pid;
    });

  /** A NATS request on a connection that has been closed. */
  const natsRequestAfterClose = async () => {
    const connection = await connect({ servers: stack.natsUrl });
    await connection.close();
    await connection.request("steward.nobody", "ping", { timeout: 500 });
  };

  beforeAll(async () => {
    db = await createTestDatabase("unavailable");
    sql = createDatabase({ url: db.url, poolMax: 2, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 5000, applicationName: "steward-unavailable-test" });
    killer = postgres(stack.postgresUrl, { max: 1, onnotice: () => {} });
    server = new GrpcServer({ region, logger, tokens: new TokenVerifier(keys) });
    server.add(testService, {
      async getCase(request) {
        if (request.id === "lose-database") await transactionLosingItsBackend();
        if (request.id === "lose-nats") await natsRequestAfterClose();
        return { case: routingV1.Case.fromPartial({ id: request.id, region }) };
      },
    });
    address = `127.0.0.1:${await server.listen("127.0.0.1", 0)}`;
  });

  afterAll(async () => {
    await server?.shutdown(0);
    await sql?.end({ timeout: 1 });
    await killer?.end();
    await db?.drop();
  });

  it("answers a gRPC call whose database connection died with UNAVAILABLE", async () => {
    const client = createClient(testService, { address, token: () => signDevToken(keys, { subject: "svc:test", region, role: "service" }), defaultDeadlineMs: 10_000 });
    try {
      const error = (await client.getCase({ id: "lose-database" }).catch((e: ServiceError) => e)) as ServiceError;
      expect(status[error.code]).toBe("UNAVAILABLE");
      const natsError = (await client.getCase({ id: "lose-nats" }).catch((e: ServiceError) => e)) as ServiceError;
      expect(status[natsError.code]).toBe("UNAVAILABLE");
      // The same call succeeds once the dependency is back: the pool reconnects by itself.
      expect((await client.getCase({ id: "fine" })).case?.id).toBe("fine");
    } finally {
      client.close();
    }
  });

  it("answers an HTTP request whose database connection died with 503 problem+json and Retry-After", async () => {
    const app = createHttpApp({ logger, readiness: { report: () => ({ ready: true, draining: false, components: {} }) }, prometheusText: async () => "" });
    app.get("/work", async (c) => c.json({ pid: await transactionLosingItsBackend() }));
    const response = await app.request("/work");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(((await response.json()) as { title: string }).title).toBe("Service unavailable");
  });

  it("tells refusals and bugs apart from lost connections", () => {
    expect(isDependencyUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDependencyUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDependencyUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDependencyUnavailable(new Error("request failed", { cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }) }))).toBe(true);
  });
});
