import { Client, Metadata, credentials } from "@grpc/grpc-js";
import { createTestDatabase, eventually, spawnService, stack, startNatsServer, startTcpProxy, testAuthSecret, uniqueRegion, type PrivateNatsServer, type ServiceProcess, type TcpProxy, type TestDatabase } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// grpc.health.v1 by hand: HealthCheckRequest{string service = 1}, HealthCheckResponse{enum status = 1}.
const servingStatus: Record<number, string> = { 0: "UNKNOWN", 1: "SERVING", 2: "NOT_SERVING" };

function grpcHealth(port: number): Promise<string> {
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  return new Promise<string>((resolve, reject) => {
    client.makeUnaryRequest(
      "/grpc.health.v1.Health/Check",
      () => Buffer.alloc(0),
      (buffer: Buffer) => (buffer.length >= 2 && buffer[0] === 0x08 ? (servingStatus[buffer[1]!] ?? "?") : "UNKNOWN"),
      {},
      new Metadata(),
      { deadline: Date.now() + 2000 },
      (error, response) => (error ? reject(error) : resolve(response!)),
    );
  }).finally(() => client.close());
}

/**
 * Readiness follows the real state of the service's dependencies: a service whose NATS server is
 * killed, or whose link to Postgres is cut, answers /readyz 503 and gRPC health NOT_SERVING,
 * stays alive (/healthz 200, no exit), and is ready again once the dependency is back. NATS and
 * the Postgres link are the test's own (a private nats-server, a TCP proxy), never the shared stack.
 */
describe("readiness follows Postgres and NATS", () => {
  let nats: PrivateNatsServer;
  let postgresLink: TcpProxy;
  let database: TestDatabase;
  let service: ServiceProcess;

  const readyz = async () => {
    const response = await fetch(`http://127.0.0.1:${service.httpPort}/readyz`);
    return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, boolean> } };
  };
  const healthz = async () => (await fetch(`http://127.0.0.1:${service.httpPort}/healthz`)).status;
  /** Values on /metrics: steward_readiness, nats' component and the connection gauge, which must agree with /readyz. */
  const gauges = async () => {
    const text = await (await fetch(`http://127.0.0.1:${service.httpPort}/metrics`)).text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1]);
    return {
      ready: value(/^steward_readiness\{[^}]*\} (\S+)$/m),
      nats: value(/^steward_readiness_component\{[^}]*steward_component="nats"[^}]*\} (\S+)$/m),
      connected: value(/^steward_nats_connected\{[^}]*\} (\S+)$/m),
    };
  };
  const until = <T>(probe: () => Promise<T | undefined>, what: string) => eventually(probe, what, 30_000);

  beforeAll(async () => {
    nats = await startNatsServer();
    const postgresUrl = new URL(stack.postgresUrl);
    postgresLink = await startTcpProxy({ host: postgresUrl.hostname, port: Number(postgresUrl.port) });
    database = await createTestDatabase("readiness");
    const viaProxy = new URL(database.url);
    viaProxy.port = String(postgresLink.port);
    service = await spawnService("assessment", {
      STEWARD_REGION: uniqueRegion("ready"),
      STEWARD_DATABASE_URL: viaProxy.toString(),
      STEWARD_NATS_URL: nats.url,
      STEWARD_AUTH_SECRET: testAuthSecret,
    });
  });

  afterAll(async () => {
    await service?.stop();
    await postgresLink?.close();
    await nats?.remove();
    await database?.drop();
  });

  it("goes 503 / NOT_SERVING while nats-server is down and comes back when it returns, without restarting", async () => {
    expect((await readyz()).status).toBe(200);
    expect(await grpcHealth(service.grpcPort)).toBe("SERVING");

    await nats.kill();
    const down = await until(async () => {
      const answer = await readyz();
      return answer.status === 503 ? answer : undefined;
    }, "/readyz 503 after the NATS kill");
    expect(down.body.checks).toMatchObject({ nats: false, postgres: true });
    expect(await grpcHealth(service.grpcPort)).toBe("NOT_SERVING");
    expect(await healthz()).toBe(200); // liveness does not follow dependencies
    // One tracking of the connection behind both: the metrics say what /readyz says.
    await until(async () => (JSON.stringify(await gauges()) === JSON.stringify({ ready: 0, nats: 0, connected: 0 }) ? true : undefined), "the metrics showing NATS down");

    await nats.start();
    await until(async () => ((await readyz()).status === 200 ? true : undefined), "/readyz 200 after NATS returned");
    expect(await grpcHealth(service.grpcPort)).toBe("SERVING");
    expect(await gauges()).toEqual({ ready: 1, nats: 1, connected: 1 });
    expect(service.child.exitCode).toBeNull();
  });

  it("goes 503 / NOT_SERVING while its link to Postgres is cut and comes back when it is restored", async () => {
    postgresLink.cut();
    try {
      const down = await until(async () => {
        const answer = await readyz();
        return answer.status === 503 ? answer : undefined;
      }, "/readyz 503 after the Postgres link was cut");
      expect(down.body.checks).toMatchObject({ postgres: false, nats: true });
      expect(await grpcHealth(service.grpcPort)).toBe("NOT_SERVING");
      expect(await healthz()).toBe(200);
    } finally {
      postgresLink.restore();
    }
    await until(async () => ((await readyz()).status === 200 ? true : undefined), "/readyz 200 after the link returned");
    expect(await grpcHealth(service.grpcPort)).toBe("SERVING");
    expect(service.child.exitCode).toBeNull();
  });
});
