import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Receiver<T> {
  url: string;
  received: T[];
  close(): Promise<void>;
}

function listen<T>(handle: (path: string, body: string, received: T[]) => void): Promise<Receiver<T>> {
  const received: T[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      handle(request.url ?? "/", body, received);
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

export interface ExportedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
}

interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { name: string; traceId: string; spanId: string; parentSpanId?: string }[] }[];
  }[];
}

/** An OTLP/HTTP (JSON) collector that keeps every span the services export. */
export const otlpReceiver = () =>
  listen<ExportedSpan>((path, body, received) => {
    if (!path.endsWith("/v1/traces")) return;
    const payload = JSON.parse(body) as OtlpJson;
    for (const resourceSpans of payload.resourceSpans ?? []) {
      const service = resourceSpans.resource?.attributes?.find((a) => a.key === "service.name")?.value.stringValue ?? "";
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          received.push({ service, name: span.name, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId ?? "" });
        }
      }
    }
  });
