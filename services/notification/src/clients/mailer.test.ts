import { SpanKind, SpanStatusCode, context, propagation, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { startTelemetry, withCaseBaggage, type Telemetry, type TraceCarrier } from "@steward/platform/telemetry";
import { freePort, startMailpit, type Mailpit } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Mailer } from "./mailer.js";

const exporter = new InMemorySpanExporter();
let telemetry: Telemetry;
let mailpit: Mailpit;
let mailer: Mailer;

beforeAll(async () => {
  telemetry = startTelemetry({ serviceName: "mailer-test", region: "hanbin", otlpEndpoint: undefined, spanExporter: exporter });
  // Only the county's own addresses are taken: anything else is refused for good (5xx), as a mail server refuses an unknown mailbox.
  mailpit = await startMailpit({ allowedRecipients: "@hanbin\\.gov\\.cn$" });
  mailer = new Mailer({ url: mailpit.smtpUrl, from: "项目管家 <notify@steward.local>", timeoutMs: 5000 });
});

afterAll(async () => {
  mailer?.close();
  await mailpit?.stop();
  await telemetry?.shutdown();
});

/** A trace context as a delivery row keeps it: a consumer span of the case, with its ids as baggage. */
function storedTrace(caseId: string): { carrier: TraceCarrier; spanId: string; traceId: string } {
  const carrier: TraceCarrier = {};
  const stored = trace.getTracer("t").startSpan("consume routing.item.overdue", {}, withCaseBaggage({ caseId }));
  propagation.inject(withCaseBaggage({ caseId }, trace.setSpan(context.active(), stored)), carrier);
  stored.end();
  return { carrier, ...stored.spanContext() };
}

async function spanOf(parentSpanId: string): Promise<ReadableSpan> {
  await telemetry.flush();
  const spans = exporter.getFinishedSpans().filter((span) => span.name === "smtp send" && span.parentSpanContext?.spanId === parentSpanId);
  expect(spans).toHaveLength(1);
  return spans[0]!;
}

describe("the mailer's spans", () => {
  it("sends each e-mail in a CLIENT span under the delivery's trace, with the server and protocol but no address, subject or text", async () => {
    const stored = storedTrace("case-mail-1");
    const result = await mailer.send({ deliveryId: "d-mail-1", to: "duty@hanbin.gov.cn", subject: "红灯超期：自然资源局", text: "请协调。", trace: stored.carrier });
    expect(result.kind).toBe("delivered");

    const span = await spanOf(stored.spanId);
    const smtp = new URL(mailpit.smtpUrl);
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.spanContext().traceId).toBe(stored.traceId);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.attributes).toEqual({
      "network.protocol.name": "smtp",
      "network.transport": "tcp",
      "server.address": smtp.hostname,
      "server.port": Number(smtp.port),
      "steward.notification.channel": "email",
      "steward.case_id": "case-mail-1",
    });
    expect(JSON.stringify(span.attributes)).not.toMatch(/hanbin\.gov\.cn|红灯|请协调|notify@/);

    // The trace context stays ours: the message carries none of it.
    const [message] = (await mailpit.messages()).filter((m) => m.MessageID === "d-mail-1@notification.steward");
    const headers = (await (await fetch(`${mailpit.apiUrl}/api/v1/message/${message!.ID}/headers`)).json()) as Record<string, string[]>;
    const names = Object.keys(headers).map((name) => name.toLowerCase());
    expect(names).toContain("x-steward-delivery");
    expect(names.filter((name) => name === "traceparent" || name === "tracestate" || name === "baggage")).toEqual([]);
  });

  it("marks a refused message as an error with the SMTP reply code, and gives it up for good", async () => {
    const stored = storedTrace("case-mail-2");
    const result = await mailer.send({ deliveryId: "d-mail-2", to: "someone@example.com", subject: "s", text: "t", trace: stored.carrier });
    expect(result).toMatchObject({ kind: "permanent", error: expect.stringMatching(/^the mail server refused it \(5\d\d\)$/) });

    const span = await spanOf(stored.spanId);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes["error.type"]).toMatch(/^5\d\d$/);
    expect(JSON.stringify(span.attributes)).not.toContain("example.com");
  });

  it("marks an unreachable mail server as an error and leaves the message to be retried", async () => {
    const closed = new Mailer({ url: `smtp://127.0.0.1:${await freePort()}`, from: "项目管家 <notify@steward.local>", timeoutMs: 2000 });
    try {
      const stored = storedTrace("case-mail-3");
      const result = await closed.send({ deliveryId: "d-mail-3", to: "duty@hanbin.gov.cn", subject: "s", text: "t", trace: stored.carrier });
      expect(result).toMatchObject({ kind: "retry", error: expect.stringContaining("could not reach the mail server") });

      const span = await spanOf(stored.spanId);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes["error.type"]).toEqual(expect.any(String));
      expect(span.attributes["error.type"]).not.toBe("");
    } finally {
      closed.close();
    }
  });
});
