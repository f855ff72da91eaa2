/**
 * `pnpm build`: bundles each service into services/<name>/dist/ — one ES module (`main.js`) with
 * its production dependencies inside, the files its code reads at run time beside it (see
 * assets.ts; packages it reads files of go to dist/node_modules), and nothing else — so a service
 * runs as `node dist/main.js` with no tsx and no installed dependencies. The images
 * (scripts/images.sh) copy dist/ and nothing more.
 *
 *   node --import tsx scripts/build/bundle.ts [service…]      (default: every service)
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, realpathSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";
import { writeBundleStamp } from "@steward/testing";
import { bundleBanner, nodeModulesPath, rewriteDirname, rewriteModuleUrls } from "./assets.js";

export const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Files third-party packages read next to themselves at run time, by package: copied into
 * dist/node_modules/<package>/ where the rewritten `__dirname` points.
 */
const packageAssets: Record<string, string[]> = {
  // HealthImplementation loads health/v1/health.proto with proto-loader when it is imported.
  "grpc-health-check": ["proto"],
  // ReflectionService loads the reflection protos with proto-loader when a server adds it.
  "@grpc/reflection": ["build/proto"],
};

/** Optional native or build-time modules that are required lazily and never at run time here. */
const external = ["pg-native"];

export function serviceNames(): string[] {
  return readdirSync(join(repositoryRoot, "services"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repositoryRoot, "services", entry.name, "src/main.ts")))
    .map((entry) => entry.name)
    .sort();
}

/** A package some module reads files of at run time, and the module that named it (to resolve it from). */
interface RuntimePackage {
  name: string;
  from: string;
}

function assetPlugin(assets: Set<string>, vendored: Set<string>, runtimePackages: RuntimePackage[]): Plugin {
  const root = resolve(repositoryRoot);
  return {
    name: "steward-assets",
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        const loader = args.path.endsWith(".ts") ? "ts" : "js";
        const place = nodeModulesPath(args.path);
        if (place !== undefined) {
          const name = place.startsWith("@") ? place.split("/").slice(0, 2).join("/") : place.split("/")[0]!;
          if (packageAssets[name]) vendored.add(`${args.path.slice(0, args.path.lastIndexOf(place))}${name}`);
          return { contents: rewriteDirname(source, args.path), loader };
        }
        const rewritten = rewriteModuleUrls(source, args.path, root);
        rewritten.assets.forEach((asset) => assets.add(asset));
        rewritten.packages.forEach((name) => runtimePackages.push({ name, from: args.path }));
        return { contents: rewritten.contents, loader };
      });
    },
  };
}

/** Directories of every package in the service's production dependency tree, from pnpm itself. */
function productionPackageDirs(service: string): Set<string> {
  const output = execFileSync("pnpm", ["--filter", `./services/${service}`, "list", "--prod", "--depth", "Infinity", "--json"], {
    cwd: repositoryRoot,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  interface Node {
    path?: string;
    dependencies?: Record<string, Node>;
  }
  const dirs = new Set<string>();
  const walk = (node: Node) => {
    for (const child of Object.values(node.dependencies ?? {})) {
      if (child.path) dirs.add(child.path);
      walk(child);
    }
  };
  for (const project of JSON.parse(output) as Node[]) walk(project);
  return dirs;
}

/** Packages inside the bundle that are not production dependencies of the service (a dev dependency leaked in). */
export function foreignPackages(metafile: Metafile, productionDirs: Set<string>): string[] {
  const foreign = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const file = resolve(repositoryRoot, input);
    const place = nodeModulesPath(file);
    if (place === undefined) continue;
    const packageDir = file.slice(0, file.length - place.length) + (place.startsWith("@") ? place.split("/").slice(0, 2).join("/") : place.split("/")[0]);
    if (!productionDirs.has(packageDir)) foreign.add(packageDir.slice(packageDir.lastIndexOf("/node_modules/") + 14));
  }
  return [...foreign].sort();
}

export interface BundleResult {
  service: string;
  outDir: string;
  bytes: number;
  assets: string[];
}

/**
 * The service's entry points: `src/main.ts`, and the commands an operator runs beside it from the
 * same image (assessment's `src/rebuild.ts`). Each becomes `dist/<name>.js`, beside main.js, so the
 * assets they read resolve the same way.
 */
const commandEntries = ["rebuild"] as const;
export function entryPointsOf(serviceDir: string): Record<string, string> {
  const entries: Record<string, string> = { main: join(serviceDir, "src/main.ts") };
  for (const name of commandEntries) {
    const file = join(serviceDir, `src/${name}.ts`);
    if (existsSync(file)) entries[name] = file;
  }
  return entries;
}

export async function bundleService(service: string): Promise<BundleResult> {
  const serviceDir = join(repositoryRoot, "services", service);
  const outDir = join(serviceDir, "dist");
  rmSync(outDir, { recursive: true, force: true });
  const assets = new Set<string>();
  const vendored = new Set<string>();
  const runtimePackages: RuntimePackage[] = [];
  const result = await build({
    entryPoints: entryPointsOf(serviceDir),
    outdir: outDir,
    absWorkingDir: repositoryRoot,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    sourcemap: "linked",
    // Names stay readable in stack traces and logs; the bundle is not shipped to browsers.
    minify: false,
    legalComments: "linked",
    metafile: true,
    logLevel: "warning",
    external,
    banner: { js: bundleBanner },
    plugins: [assetPlugin(assets, vendored, runtimePackages)],
  });
  const productionDirs = productionPackageDirs(service);
  const foreign = foreignPackages(result.metafile, productionDirs);
  if (foreign.length > 0) throw new Error(`${service}: the bundle holds packages that are not production dependencies: ${foreign.join(", ")}`);
  for (const { name, from } of runtimePackages) {
    const packageDir = dirname(realpathSync(createRequire(from).resolve(`${name}/package.json`)));
    if (!productionDirs.has(packageDir)) throw new Error(`${service}: ${name}, read at run time, is not a production dependency`);
    // Source maps are for the package's own developers; the service serves the files themselves.
    cpSync(packageDir, join(outDir, "node_modules", name), { recursive: true, dereference: true, filter: (path) => !path.endsWith(".map") });
  }

  for (const asset of assets) {
    const from = join(repositoryRoot, asset);
    if (!existsSync(from)) throw new Error(`${service}: ${asset} is read at run time but does not exist`);
    cpSync(from, join(outDir, asset), { recursive: true });
  }
  for (const packageDir of vendored) {
    const name = packageDir.slice(packageDir.lastIndexOf("/node_modules/") + 14);
    for (const entry of packageAssets[name] ?? []) cpSync(join(packageDir, entry), join(outDir, "node_modules", name, entry), { recursive: true });
  }
  // Node reads the bundle as an ES module by this, not by the service's package.json.
  writeFileSync(join(outDir, "package.json"), `${JSON.stringify({ name: `@steward/${service}-bundle`, private: true, type: "module" }, null, 2)}\n`);
  // What the bundle was made from, by content hash: a test spawns it only while they are unchanged.
  const sources = Object.keys(result.metafile.inputs).filter((input) => nodeModulesPath(resolve(repositoryRoot, input)) === undefined);
  writeBundleStamp(outDir, sources, [...assets]);
  const bytes = readFileSync(join(outDir, "main.js")).byteLength;
  return { service, outDir, bytes, assets: [...assets].sort() };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const requested = process.argv.slice(2);
  const all = serviceNames();
  const unknown = requested.filter((name) => !all.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown service(s): ${unknown.join(", ")}; services are ${all.join(", ")}\n`);
    process.exit(2);
  }
  const started = performance.now();
  for (const service of requested.length > 0 ? requested : all) {
    const bundled = await bundleService(service);
    process.stderr.write(`built services/${service}/dist/main.js (${(bundled.bytes / 1024 / 1024).toFixed(1)} MiB) with ${bundled.assets.join(", ")}\n`);
  }
  process.stderr.write(`bundles built in ${Math.round(performance.now() - started)} ms\n`);
}
