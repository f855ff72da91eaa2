/**
 * Builds the bundles that are stale or missing (packages/testing/src/bundles.ts says why, one line
 * each) and leaves fresh ones alone: what the scripts that start services run first, so they run
 * the build of the files as they are now in seconds when nothing changed.
 *
 *   node --import tsx scripts/build/fresh.ts [service…]      (default: every service)
 */
import { ensureBundle } from "@steward/testing";
import { serviceNames } from "./bundle.js";

const requested = process.argv.slice(2);
const all = serviceNames();
const unknown = requested.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown service(s): ${unknown.join(", ")}; services are ${all.join(", ")}\n`);
  process.exit(2);
}
for (const service of requested.length > 0 ? requested : all) await ensureBundle(service);
