import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Receiver<T> {
  url: string;
  received: T[];
  close(): Promise<void>;
}

function listen<T>(handle: (path: string, body: string, received: T[], headers: IncomingHttpHeaders) => void): Promise<Receiver<T>> {
  const received: T[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      handle(request.url ?? "/", body, received, request.headers);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, received, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

export interface WebhookDelivery {
  id: string;
  region: string;
  template: string;
  subjectId: string;
  title: string;
  body: string;
  /** The W3C traceparent the POST carried. */
  traceparent?: string;
}

/** The steward's webhook, as the notification service sees it. */
export const webhookReceiver = () =>
  listen<WebhookDelivery>((_path, body, received, headers) => {
    const traceparent = headers.traceparent;
    received.push({ ...(JSON.parse(body) as WebhookDelivery), ...(typeof traceparent === "string" ? { traceparent } : {}) });
  });

export interface ExportedSpan {
  service: string;
  name: string;
  /** OTLP span kind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  /** The spans this one links to. */
  links: { traceId: string; spanId: string }[];
  /** String, integer and boolean attributes, as strings. */
  attributes: Record<string, string>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}

interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: OtlpValue }[] };
    scopeSpans?: {
      spans?: {
        name: string;
        kind?: number;
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        links?: { traceId: string; spanId: string }[];
        attributes?: { key: string; value: OtlpValue }[];
      }[];
    }[];
  }[];
}

const text = (value: OtlpValue): string => String(value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue ?? "");

/** An OTLP/HTTP (JSON) collector that keeps every span the services export. */
export const otlpReceiver = () =>
  listen<ExportedSpan>((path, body, received) => {
    if (!path.endsWith("/v1/traces")) return;
    const payload = JSON.parse(body) as OtlpJson;
    for (const resourceSpans of payload.resourceSpans ?? []) {
      const service = resourceSpans.resource?.attributes?.find((a) => a.key === "service.name")?.value.stringValue ?? "";
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          received.push({
            service,
            name: span.name,
            kind: span.kind ?? 0,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId ?? "",
            links: (span.links ?? []).map((link) => ({ traceId: link.traceId, spanId: link.spanId })),
            attributes: Object.fromEntries((span.attributes ?? []).map((attribute) => [attribute.key, text(attribute.value)])),
          });
        }
      }
    }
  });
