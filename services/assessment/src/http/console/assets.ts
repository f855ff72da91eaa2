import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";

const ownAssets = fileURLToPath(new URL("./assets/", import.meta.url));
// The minified browser build, by its own export (the package's main is already under dist/).
// Each resolution spelled out whole: the bundle (scripts/build) rewrites exactly this form.
const echartsFile = createRequire(import.meta.url).resolve("echarts/dist/echarts.min.js");
const fontsDir = dirname(createRequire(import.meta.url).resolve("@fontsource/noto-sans-sc/400.css"));

const types: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

/**
 * Every asset the console needs, served by assessment itself from its own files and installed
 * packages — ECharts and the Noto Sans SC web font included — because government intranets reach
 * no CDN. Versioned by the package, cached a day.
 */
export function consoleAssets(): Hono {
  const app = new Hono();
  const send = async (file: string, root: string) => {
    const path = normalize(file);
    if (!path.startsWith(root)) return new Response("not found", { status: 404 });
    const type = types[path.slice(path.lastIndexOf("."))];
    if (!type) return new Response("not found", { status: 404 });
    try {
      return new Response(await readFile(path), { headers: { "content-type": type, "cache-control": "public, max-age=86400" } });
    } catch {
      return new Response("not found", { status: 404 });
    }
  };
  app.get("/echarts.min.js", () => send(echartsFile, dirname(echartsFile)));
  app.get("/fonts/:file{[0-9a-z-]+\\.css}", (c) => send(join(fontsDir, c.req.param("file")), fontsDir));
  app.get("/fonts/files/:file{[0-9a-z-]+\\.woff2?}", (c) => send(join(fontsDir, "files", c.req.param("file")), fontsDir));
  app.get("/:file{[a-z-]+\\.(css|js)}", (c) => send(join(ownAssets, c.req.param("file")), ownAssets));
  return app;
}
