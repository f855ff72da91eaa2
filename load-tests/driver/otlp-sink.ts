import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface OtlpSink {
  /** What the services take as OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  /** Spans received so far, and the bytes of the export requests that carried them. */
  received(): { spans: number; bytes: number };
  close(): Promise<void>;
}

/**
 * A collector that counts and drops (bench:cost with COST_TRACES=1): the services pay for their
 * spans exactly as they would with a real collector — building them, batching, serialising, one
 * HTTP export per batch — and nothing is kept. OTLP/HTTP with JSON bodies, as the services send.
 */
export function startOtlpSink(): Promise<OtlpSink> {
  let spans = 0;
  let bytes = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      bytes += body.length;
      if (request.url?.endsWith("/v1/traces")) spans += countSpans(body.toString("utf8"));
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        received: () => ({ spans, bytes }),
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

interface OtlpTraces {
  resourceSpans?: { scopeSpans?: { spans?: unknown[] }[] }[];
}

function countSpans(body: string): number {
  try {
    const payload = JSON.parse(body) as OtlpTraces;
    return (payload.resourceSpans ?? []).reduce((sum, resource) => sum + (resource.scopeSpans ?? []).reduce((inner, scope) => inner + (scope.spans?.length ?? 0), 0), 0);
  } catch {
    return 0;
  }
}
