// @ts-check
/**
 * Local ESLint plugin `steward`: architectural boundary rules that a generic
 * `no-restricted-imports` pattern cannot express, because they depend on where
 * the importing file lives and where a relative import resolves to.
 *
 * Paths are classified relative to the repository root (two levels above this
 * file), not ESLint's cwd, so the rules behave the same when ESLint is started
 * from a sub-folder or by an editor. Tests override the root through
 * `settings.steward.root`.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

/** @typedef {import("eslint").Rule.RuleContext} RuleContext */
/** @typedef {import("eslint").Rule.RuleListener} RuleListener */
/** @typedef {import("eslint").Rule.Node} Node */

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** Services planned from day one; folders found under services/ are added at lint time. */
const KNOWN_SERVICES = ["intake", "agreement", "approval-routing", "notification", "assessment"];

/** Adapter folders of a service: they depend on the domain, never the reverse. */
const ADAPTER_DIRS = ["grpc", "events", "db", "http"];

/**
 * Infrastructure packages the domain must not see, each with the reason and
 * where the code belongs instead. Matched on the package name, so subpaths
 * (`pg/lib/x`, `hono/jwt`) are caught too.
 * @type {Array<{ test: (pkg: string) => boolean, what: string, hint: string }>}
 */
const FORBIDDEN_IN_DOMAIN = [
  { test: (p) => p.startsWith("@grpc/"), what: "the gRPC library", hint: "gRPC wiring belongs in src/grpc" },
  {
    test: (p) => p.startsWith("@nats-io/") || p === "nats",
    what: "the NATS client",
    hint: "publishing and subscribing belongs in src/events",
  },
  {
    test: (p) => p === "postgres" || p === "pg" || p === "node-pg-migrate",
    what: "the database driver",
    hint: "put SQL in src/db",
  },
  {
    test: (p) => p === "@steward/proto",
    what: "the generated wire types",
    hint: "map them to domain types in src/grpc or src/events",
  },
  {
    test: (p) => p === "hono" || p.startsWith("@hono/"),
    what: "the HTTP framework",
    hint: "HTTP handling belongs in src/http",
  },
];

/**
 * Repository root: this repo, unless `settings.steward.root` overrides it.
 * @param {RuleContext} context
 * @returns {string}
 */
function rootOf(context) {
  return /** @type {{ steward?: { root?: string } }} */ (context.settings).steward?.root ?? REPO_ROOT;
}

/**
 * Repository-relative, forward-slash path of an absolute file path.
 * @param {RuleContext} context
 * @param {string} file
 */
function repoPath(context, file) {
  return path.relative(rootOf(context), file).split(path.sep).join("/");
}

/**
 * Name of the service owning a repository-relative path, or undefined.
 * @param {string} rel
 */
function serviceOf(rel) {
  return /^services\/([^/]+)(?:\/|$)/.exec(rel)?.[1];
}

/**
 * Package name of a bare specifier (`@scope/name/sub` -> `@scope/name`), or
 * undefined for relative and absolute specifiers.
 * @param {string} spec
 */
function packageName(spec) {
  if (spec.startsWith(".") || spec.startsWith("/")) return undefined;
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/**
 * Absolute path a relative specifier points at, or undefined for bare ones.
 * @param {RuleContext} context
 * @param {string} spec
 */
function resolveRelative(context, spec) {
  if (!spec.startsWith(".")) return undefined;
  return path.resolve(path.dirname(context.filename), spec);
}

/** @type {Set<string> | undefined} */
let discoveredServices;

/**
 * Known services plus any folder under `<root>/services`, read once per process
 * so services added later are covered without touching this file.
 * @param {RuleContext} context
 */
function serviceNames(context) {
  if (!discoveredServices) {
    discoveredServices = new Set(KNOWN_SERVICES);
    try {
      const dir = path.join(rootOf(context), "services");
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) discoveredServices.add(entry.name);
      }
    } catch {
      // No services/ folder yet: the known list is enough.
    }
  }
  return discoveredServices;
}

/**
 * Builds a listener that calls `check` with every statically known module
 * specifier: import/export-from, dynamic `import()`, `import x = require()`
 * and `import("x").T` type queries.
 * @param {(node: Node, spec: string) => void} check
 * @returns {RuleListener}
 */
function onModuleSpecifier(check) {
  /** @param {any} node */
  const fromSource = (node) => {
    const src = node.source;
    if (src?.type === "Literal" && typeof src.value === "string") check(src, src.value);
    // `import(`./x.js`)` without substitutions is as static as a string literal.
    else if (src?.type === "TemplateLiteral" && src.expressions.length === 0) {
      check(src, src.quasis[0].value.cooked);
    }
  };
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    ImportExpression: fromSource,
    // typescript-eslint node types, absent from the estree typings.
    .../** @type {RuleListener} */ ({
      TSImportType: fromSource,
      /** @param {any} node */
      TSExternalModuleReference: (node) => check(node.expression, node.expression.value),
    }),
  };
}

/** @type {import("eslint").Rule.RuleModule} */
const noCrossServiceImport = {
  meta: {
    type: "problem",
    docs: { description: "Disallow a service importing another service's source or a service as a package" },
    schema: [],
    messages: {
      crossService:
        "service '{{from}}' must not import service '{{to}}' ('{{spec}}'); services share code only via packages/* and talk over gRPC or NATS",
      servicePackage:
        "service '{{from}}' must not import '{{spec}}': services are not importable packages (it names service '{{to}}'); move shared code to packages/*",
    },
  },
  create(context) {
    const from = serviceOf(repoPath(context, context.filename));
    if (!from) return {};
    return onModuleSpecifier((node, spec) => {
      const target = resolveRelative(context, spec);
      if (target) {
        const to = serviceOf(repoPath(context, target));
        if (to && to !== from) context.report({ node, messageId: "crossService", data: { from, to, spec } });
        return;
      }
      const pkg = packageName(spec);
      if (!pkg?.startsWith("@steward/")) return;
      const name = pkg.slice("@steward/".length);
      // `@steward/intake` and `@steward/intake-client` both name the intake service.
      const to = [...serviceNames(context)].find((s) => name === s || name.startsWith(`${s}-`));
      if (to) context.report({ node, messageId: "servicePackage", data: { from, to, spec } });
    });
  },
};

/** @type {import("eslint").Rule.RuleModule} */
const pureDomain = {
  meta: {
    type: "problem",
    docs: { description: "Keep services/*/src/domain free of gRPC, NATS, SQL, HTTP and wire-type imports" },
    schema: [],
    messages: {
      forbiddenPackage: "domain code must not import {{what}} '{{spec}}'; {{hint}}",
      adapterImport:
        "domain code must not import '{{spec}}' from the src/{{dir}} adapter; adapters depend on the domain, never the reverse — move the shared code into src/domain",
    },
  },
  create(context) {
    const service = /^services\/([^/]+)\/src\/domain\//.exec(repoPath(context, context.filename))?.[1];
    if (!service) return {};
    const adapter = new RegExp(`^services/${service}/src/(${ADAPTER_DIRS.join("|")})(?:/|$)`);
    return onModuleSpecifier((node, spec) => {
      const target = resolveRelative(context, spec);
      if (target) {
        const dir = adapter.exec(repoPath(context, target))?.[1];
        if (dir) context.report({ node, messageId: "adapterImport", data: { spec, dir } });
        return;
      }
      const pkg = packageName(spec) ?? "";
      const rule = FORBIDDEN_IN_DOMAIN.find((r) => r.test(pkg));
      if (rule) context.report({ node, messageId: "forbiddenPackage", data: { spec, what: rule.what, hint: rule.hint } });
    });
  },
};

/**
 * The `steward` ESLint plugin: register it under the `steward` key and enable
 * `steward/no-cross-service-import` and `steward/pure-domain`.
 */
const plugin = {
  meta: { name: "steward-boundaries" },
  rules: {
    "no-cross-service-import": noCrossServiceImport,
    "pure-domain": pureDomain,
  },
};

export default plugin;
