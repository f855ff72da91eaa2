import { createServer, type AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { routingV1 } from "@steward/proto";
import { describe, expect, it } from "vitest";
import { TokenVerifier, signDevToken } from "../auth/index.js";
import { createLogger } from "../logging/index.js";
import { createClient } from "./client.js";
import { GrpcServer } from "./server.js";

const region = "hanbin";
const keys = { secret: "client-reconnect-test-secret-0123456789ab" };
const logger = createLogger({ service: "client-test", region, level: "silent" });
const testService = { getCase: routingV1.RoutingServiceService.getCase };

/**
 * Issue 9, finding 5: after approval routing had been down a while, agreement kept failing for most
 * of a minute once it was back — grpc-js backs off reconnecting by 1 s × 1.6ⁿ up to 120 s, and a
 * call made while the channel waits out its backoff fails at once. After six failed connection
 * attempts grpc-js's own backoff waits 8.4 s at the least before the next; capped at 2 s, the
 * client finds the returned server within a few seconds.
 */
describe("a gRPC client whose server was gone for a while", () => {
  it("reaches the server again within seconds of its return, however often it had failed to connect", async () => {
    // The stopped server: its port drops every connection at once, counting the client's attempts.
    let attempts = 0;
    const stopped = createServer((socket) => {
      attempts++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => stopped.listen(0, "127.0.0.1", resolve));
    const port = (stopped.address() as AddressInfo).port;
    const client = createClient(testService, {
      address: `127.0.0.1:${port}`,
      token: () => signDevToken(keys, { subject: "svc:test", region, role: "service" }),
      defaultDeadlineMs: 300,
    });
    const call = () => client.getCase({ id: "back" }).then(
      () => true,
      () => false,
    );
    const server = new GrpcServer({ region, logger, tokens: new TokenVerifier(keys) });
    server.add(testService, {
      async getCase(request) {
        return { case: routingV1.Case.fromPartial({ id: request.id, region }) };
      },
    });
    try {
      // A caller that keeps trying while the server is down (bounded: at most 600 calls).
      for (let i = 0; i < 600 && attempts < 6; i++) {
        expect(await call()).toBe(false);
        await sleep(100);
      }
      expect(attempts).toBeGreaterThanOrEqual(6);

      await new Promise<void>((resolve) => stopped.close(() => resolve()));
      await server.listen("127.0.0.1", port);
      // The caller's next 5 s: the cap (2 s, plus grpc-js's 20 % jitter) fits in it twice over;
      // grpc-js's default backoff at this point (≥ 8.4 s) does not.
      const until = Date.now() + 5000;
      let answered = false;
      while (!answered && Date.now() < until) {
        answered = await call();
        if (!answered) await sleep(100);
      }
      expect(answered).toBe(true);
    } finally {
      client.close();
      stopped.close();
      await server.shutdown(0);
    }
  }, 60_000);
});
