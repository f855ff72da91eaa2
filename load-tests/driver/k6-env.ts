/**
 * Mints the tokens the k6 script reads from __ENV, for a stack that is already running, and
 * prints them as shell exports (k6 passes the process environment to __ENV):
 *
 *   eval "$(node --import tsx load-tests/driver/k6-env.ts --region hanbin)"
 *   k6 run -e PROFILE=smoke -e ROUTING_ADDRESS=127.0.0.1:9102 load-tests/scenarios/approval-routing.ts
 *
 * The secret defaults to STEWARD_AUTH_SECRET, else scripts/dev.sh's development secret.
 */
import { parseArgs } from "node:util";
import { profileFor } from "../lib/profiles.ts";
import { mintTokens } from "./stack.ts";

const { values } = parseArgs({
  options: {
    region: { type: "string", default: "hanbin" },
    profile: { type: "string", default: process.env.PROFILE ?? "average" },
    secret: { type: "string", default: process.env.STEWARD_AUTH_SECRET ?? "steward-local-development-secret-0123456789" },
  },
});

const tokens = await mintTokens(profileFor(values.profile), values.region, values.secret);
const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
process.stdout.write(`export STEWARD_TOKEN=${quote(tokens.steward)}\nexport STEWARD_DEPARTMENT_TOKENS=${quote(JSON.stringify(tokens.departments))}\n`);
