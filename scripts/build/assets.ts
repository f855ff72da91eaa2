/**
 * How a bundle keeps the files its code reads at run time. Source files of this repository name
 * such files as `new URL("<relative path>", import.meta.url)`; in a bundle every module shares the
 * bundle's URL, so each such expression is rewritten to the file's place in a mirror of the
 * repository inside dist/ (`dist/packages/platform/migrations/…`), and the file is copied there.
 * Third-party CommonJS modules that read files next to themselves through `__dirname` get a
 * `__dirname` inside `dist/node_modules/<package>/…`, where the build copies what they read.
 */
import { dirname, relative, resolve, sep } from "node:path";

/** `new URL("literal", import.meta.url)`: how source files here name a file of their own to read. */
const moduleRelativeUrl = /new URL\(\s*(["'])([^"'`$]+)\1\s*,\s*import\.meta\.url\s*\)/g;
/**
 * `createRequire(import.meta.url).resolve("package/…")`: how they find the files of a dependency to
 * read (swagger-ui's assets, say). The bundle carries that package in dist/node_modules, where the
 * same expression, evaluated in dist/main.js, finds it.
 */
const packageResolution = /createRequire\(\s*import\.meta\.url\s*\)\.resolve\(\s*(["'])([^"'`$]+)\1\s*\)/g;

export interface RewrittenSource {
  contents: string;
  /** Repository-relative paths (files or folders) the module reads, to copy into dist/. */
  assets: string[];
  /** Packages whose files the module reads at run time, to copy into dist/node_modules. */
  packages: string[];
}

/** The package a specifier names: "swagger-ui-dist/package.json" -> "swagger-ui-dist", "@a/b/c" -> "@a/b". */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/**
 * Rewrites a repository source file for the bundle whose entry sits at `dist/main.js`, and lists
 * what it reads at run time. Any other use of `import.meta.url` would silently point at the
 * bundle, so it is refused.
 */
export function rewriteModuleUrls(source: string, file: string, root: string): RewrittenSource {
  const assets: string[] = [];
  const contents = source.replace(moduleRelativeUrl, (_match, _quote: string, path: string) => {
    const target = relative(root, resolve(dirname(file), path)).split(sep).join("/");
    if (target.startsWith("..")) throw new Error(`${relative(root, file)}: ${path} is outside the repository`);
    assets.push(target);
    return `new URL(${JSON.stringify(`./${target}${path.endsWith("/") ? "/" : ""}`)}, import.meta.url)`;
  });
  const packages = [...contents.matchAll(packageResolution)].map((match) => packageOf(match[2]!));
  const stray = contents.split(moduleRelativeUrlMarker).length - 1 - assets.length - packages.length;
  if (stray > 0) {
    throw new Error(
      `${relative(root, file)}: import.meta.url is used other than as new URL("<relative path>", import.meta.url) or createRequire(import.meta.url).resolve("<package>/…"), which a bundle cannot keep`,
    );
  }
  return { contents, assets, packages };
}
const moduleRelativeUrlMarker = "import.meta.url";

/** The package-relative place of a file under node_modules: `grpc-health-check/build/src`. */
export function nodeModulesPath(file: string): string | undefined {
  const normalised = file.split(sep).join("/");
  const at = normalised.lastIndexOf("/node_modules/");
  return at < 0 ? undefined : normalised.slice(at + "/node_modules/".length);
}

/**
 * Gives a third-party CommonJS module its own `__dirname` and `__filename` inside the bundle's
 * `node_modules` mirror (without this, ES module output leaves them undefined).
 */
export function rewriteDirname(source: string, file: string): string {
  const place = nodeModulesPath(file);
  if (!place || !/\b__(dirname|filename)\b/.test(source)) return source;
  const prelude =
    `var __filename = __stewardBundleDir + ${JSON.stringify(`node_modules/${place}`)};` +
    ` var __dirname = __stewardBundleDir + ${JSON.stringify(`node_modules/${dirname(place)}`)};`;
  // After a leading "use strict" or hashbang nothing changes meaning; a prelude on the same line keeps source maps' lines.
  return `${prelude}${source}`;
}

/**
 * The bundle's first lines: `require` for the CommonJS modules inside it, and the folder the
 * mirrors above hang from.
 */
export const bundleBanner = [
  'import { createRequire as __stewardCreateRequire } from "node:module";',
  'import { fileURLToPath as __stewardFileURLToPath } from "node:url";',
  "const require = __stewardCreateRequire(import.meta.url);",
  'const __stewardBundleDir = __stewardFileURLToPath(new URL("./", import.meta.url));',
].join("\n");
