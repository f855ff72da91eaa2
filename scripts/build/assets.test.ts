import { describe, expect, it } from "vitest";
import { nodeModulesPath, rewriteDirname, rewriteModuleUrls } from "./assets.js";

const root = "/repo";

describe("rewriteModuleUrls", () => {
  it("points a module-relative file at its place in the bundle's mirror of the repository, and lists it", () => {
    const source = 'const dir = fileURLToPath(new URL("../../migrations", import.meta.url));';
    const rewritten = rewriteModuleUrls(source, "/repo/packages/platform/src/db/migrate.ts", root);
    expect(rewritten.contents).toBe('const dir = fileURLToPath(new URL("./packages/platform/migrations", import.meta.url));');
    expect(rewritten.assets).toEqual(["packages/platform/migrations"]);
    expect(rewritten.packages).toEqual([]);
  });

  it("keeps a folder's trailing slash and rewrites every occurrence", () => {
    const source = `new URL('./db/migrations/', import.meta.url); new URL("../templates/zh-CN.json", import.meta.url)`;
    const rewritten = rewriteModuleUrls(source, "/repo/services/notification/src/main.ts", root);
    expect(rewritten.contents).toBe('new URL("./services/notification/src/db/migrations/", import.meta.url); new URL("./services/notification/templates/zh-CN.json", import.meta.url)');
    expect(rewritten.assets).toEqual(["services/notification/src/db/migrations", "services/notification/templates/zh-CN.json"]);
  });

  it("leaves a module that reads nothing untouched", () => {
    expect(rewriteModuleUrls("export const x = 1;", "/repo/services/intake/src/domain/phone.ts", root)).toEqual({ contents: "export const x = 1;", assets: [], packages: [] });
  });

  it("lists a package whose files a module reads, leaving the resolution to run from the bundle", () => {
    const source = 'const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));';
    const rewritten = rewriteModuleUrls(source, "/repo/services/intake/src/http/app.ts", root);
    expect(rewritten).toEqual({ contents: source, assets: [], packages: ["swagger-ui-dist"] });
    expect(rewriteModuleUrls('createRequire(import.meta.url).resolve("@scope/pkg/file.css")', "/repo/x.ts", root).packages).toEqual(["@scope/pkg"]);
  });

  it("refuses import.meta.url used any other way, which would silently mean the bundle", () => {
    expect(() => rewriteModuleUrls("const here = import.meta.url;", "/repo/services/intake/src/main.ts", root)).toThrow(/services\/intake\/src\/main.ts: import.meta.url is used other than/);
    expect(() => rewriteModuleUrls("new URL(name, import.meta.url)", "/repo/services/intake/src/main.ts", root)).toThrow(/import.meta.url is used other than/);
  });

  it("refuses a file outside the repository", () => {
    expect(() => rewriteModuleUrls('new URL("../../../../etc/passwd", import.meta.url)', "/repo/services/intake/src/main.ts", root)).toThrow(/outside the repository/);
  });
});

describe("third-party modules", () => {
  it("finds a file's place below the innermost node_modules of pnpm's store", () => {
    expect(nodeModulesPath("/repo/node_modules/.pnpm/grpc-health-check@2.1.0/node_modules/grpc-health-check/build/src/health.js")).toBe("grpc-health-check/build/src/health.js");
    expect(nodeModulesPath("/repo/packages/platform/src/db/migrate.ts")).toBeUndefined();
  });

  it("gives a CommonJS module that uses __dirname one inside the bundle's node_modules mirror", () => {
    const file = "/repo/node_modules/.pnpm/grpc-health-check@2.1.0/node_modules/grpc-health-check/build/src/health.js";
    const rewritten = rewriteDirname("loadSync('health.proto', { includeDirs: [`${__dirname}/../../proto`] });", file);
    expect(rewritten).toContain('var __dirname = __stewardBundleDir + "node_modules/grpc-health-check/build/src";');
    expect(rewritten).toContain('var __filename = __stewardBundleDir + "node_modules/grpc-health-check/build/src/health.js";');
    expect(rewriteDirname("module.exports = 1;", file)).toBe("module.exports = 1;");
  });
});
