/**
 * Seeds the running local platform with demo data through its public APIs, so every event flows
 * as in production: two demo key projects registered with intake (agreements are then drafted by
 * the agreement service). Idempotent: a project already registered is reported and skipped.
 *   tsx scripts/dev/seed.ts <intake http url> <region>
 */
import { readFileSync } from "node:fs";
import { signDevToken } from "@steward/platform/auth";

const [intakeUrl = "http://127.0.0.1:8100", region = "hanbin"] = process.argv.slice(2);
const secret = process.env.STEWARD_AUTH_SECRET ?? "steward-local-development-secret-0123456789";
const projects = JSON.parse(readFileSync(new URL("./demo-projects.json", import.meta.url), "utf8")) as Record<string, unknown>[];
const token = await signDevToken({ secret }, { subject: "seed", region, role: "steward" });

for (const project of projects) {
  const response = await fetch(`${intakeUrl}/v1/projects`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(project),
  });
  const body = (await response.json()) as { id?: string; detail?: string };
  if (response.status === 201) process.stdout.write(`  registered ${String(project.name)} (${body.id})\n`);
  else if (response.status === 409) process.stdout.write(`  already registered: ${String(project.name)}\n`);
  else throw new Error(`seeding ${String(project.name)} failed: ${response.status} ${body.detail ?? ""}`);
}
