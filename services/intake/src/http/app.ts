import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TokenVerifier } from "@steward/platform/auth";
import { authenticate, type AppEnv } from "@steward/platform/http";
import type { Hono } from "hono";
import { newApi, type ApiDeps, type IntakeApi } from "./api.js";
import { complaintRoutes } from "./routes/complaints.js";
import { enterpriseRoutes } from "./routes/enterprises.js";
import { hotlineRoutes } from "./routes/hotline.js";
import { projectRoutes } from "./routes/projects.js";
import { requestRoutes } from "./routes/requests.js";

export interface IntakeHttpOptions {
  /** The 12345 link's signing secret (Standard Webhooks, "whsec_…"); the link is off without it. */
  hotlineSecret: string | undefined;
}

/** The OpenAPI document of intake's HTTP API (3.1), as /openapi.json serves it. */
export function openApiDocument(api: IntakeApi) {
  return api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Steward intake (受理) API",
      version: "1.0.0",
      description:
        "Enterprises, key projects, service requests (诉求), 办不成事 complaints and the 12345 hotline link of one region. Every /v1 call carries a bearer token of the region; errors are application/problem+json with a stable `code` for machines and a zh-CN `message` for people.",
    },
    security: [{ bearer: [] }],
  });
}

/** Builds intake's API routes (the one place they are listed), for the service and for tests. */
export function intakeApi(deps: ApiDeps, options: IntakeHttpOptions): IntakeApi {
  const api = newApi();
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  api.openAPIRegistry.registerComponent("securitySchemes", "standardWebhook", {
    type: "apiKey",
    in: "header",
    name: "webhook-signature",
    description: "Standard Webhooks: v1,base64(HMAC-SHA256(secret, webhook-id.webhook-timestamp.body)); timestamps older than 5 minutes are refused",
  });
  enterpriseRoutes(api, deps);
  projectRoutes(api, deps);
  requestRoutes(api, deps);
  complaintRoutes(api, deps);
  hotlineRoutes(api, deps, options.hotlineSecret);
  return api;
}

/** swagger-ui-dist's files, served by intake itself: government intranets reach no CDN. */
const swaggerDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const docsAssets: Record<string, { file: string; type: string }> = {
  "swagger-ui.css": { file: join(swaggerDir, "swagger-ui.css"), type: "text/css; charset=utf-8" },
  "swagger-ui-bundle.js": { file: join(swaggerDir, "swagger-ui-bundle.js"), type: "text/javascript; charset=utf-8" },
  "favicon-32x32.png": { file: join(swaggerDir, "favicon-32x32.png"), type: "image/png" },
};
const docsPage = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Steward 受理 API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"><link rel="icon" href="/docs/assets/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body></html>`;
// A file, not an inline script, so a Content-Security-Policy of script-src 'self' holds.
const docsInit = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });`;

/** Mounts intake's HTTP API, its OpenAPI document and its docs page on the service's app. */
export function registerIntakeHttp(app: Hono<AppEnv>, deps: ApiDeps, tokens: TokenVerifier, options: IntakeHttpOptions): IntakeApi {
  app.use("/v1/*", authenticate(tokens, deps.region));
  const api = intakeApi(deps, options);
  app.route("/", api);
  const document = openApiDocument(api);
  app.get("/openapi.json", (c) => c.json(document));
  app.get("/docs", (c) => c.html(docsPage, 200, { "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'" }));
  app.get("/docs/assets/init.js", (c) => c.body(docsInit, 200, { "content-type": "text/javascript; charset=utf-8" }));
  app.get("/docs/assets/:file", (c) => {
    const asset = docsAssets[c.req.param("file")];
    if (!asset) return c.notFound();
    return c.body(readFileSync(asset.file), 200, { "content-type": asset.type, "cache-control": "public, max-age=86400" });
  });
  return api;
}
