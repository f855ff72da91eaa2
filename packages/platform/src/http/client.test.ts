import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { context, propagation, trace } from "@opentelemetry/api";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelemetry, withCaseBaggage, type Telemetry } from "../telemetry/index.js";
import { tracedFetch } from "./client.js";

const exporter = new InMemorySpanExporter();
let telemetry: Telemetry;
let server: Server;
let url: string;
const received: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  telemetry = startTelemetry({ serviceName: "http-client-test", region: "hanbin", otlpEndpoint: undefined, spanExporter: exporter });
  server = createServer((request, response) => {
    received.push(request.headers);
    request.resume();
    request.on("end", () => response.writeHead(request.url?.startsWith("/refuse") ? 503 : 204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await telemetry.shutdown();
});

describe("tracedFetch", () => {
  it("sends the CLIENT span's traceparent under a stored parent, without baggage, and records the conventions' attributes", async () => {
    // A context stored with a delivery: a trace of ours, with the case's ids as baggage.
    const carrier: Record<string, string> = {};
    const stored = trace.getTracer("t").startSpan("consume routing.case.completed", {}, withCaseBaggage({ caseId: "case-9" }));
    propagation.inject(withCaseBaggage({ caseId: "case-9" }, trace.setSpan(context.active(), stored)), carrier);
    stored.end();

    const response = await tracedFetch(`${url}/hook?token=secret`, { method: "POST", parent: carrier, body: "{}" });
    expect(response.status).toBe(204);
    await telemetry.flush();
    const span = exporter.getFinishedSpans().find((s) => s.name === "POST")!;
    expect(span.parentSpanContext?.spanId).toBe(stored.spanContext().spanId);
    expect(span.attributes).toMatchObject({
      "http.request.method": "POST",
      "url.full": `${url}/hook`,
      "server.address": "127.0.0.1",
      "http.response.status_code": 204,
      "steward.case_id": "case-9",
    });
    const headers = received.at(-1)!;
    expect(headers.traceparent).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
    expect(headers.baggage).toBeUndefined();
  });

  it("marks a refused request as an error and still resolves with the response", async () => {
    const response = await tracedFetch(`${url}/refuse`, { method: "POST", body: "{}" });
    expect(response.status).toBe(503);
    await telemetry.flush();
    const span = exporter.getFinishedSpans().find((s) => s.attributes["url.full"] === `${url}/refuse`)!;
    expect(span.status.code).toBe(2);
    expect(span.attributes["error.type"]).toBe("503");
  });
});
