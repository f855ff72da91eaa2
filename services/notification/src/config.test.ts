import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ConfigError } from "@steward/platform/config";
import { repositoryRoot } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadRules, readConfig } from "./config.js";

const run = promisify(execFile);
const rulesFile = fileURLToPath(new URL("../rules/notification-rules.json", import.meta.url));
const templatesFile = fileURLToPath(new URL("../templates/zh-CN.json", import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "notification-rules-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** The bundled templates with one template's body replaced. */
async function brokenTemplates(name: string, body: string): Promise<string> {
  const set = JSON.parse(await readFile(templatesFile, "utf8")) as { templates: Record<string, { body: string }> };
  set.templates[name]!.body = body;
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(set));
  return file;
}

describe("the bundled rules and templates", () => {
  it("load and cover the events the issue names", () => {
    const rules = loadRules(rulesFile, templatesFile);
    const triggers = [...rules.byTrigger.keys()];
    for (const type of [
      "routing.item.routed",
      "routing.item.supplement_requested",
      "routing.item.transitioned",
      "routing.item.warned",
      "routing.item.overdue",
      "routing.item.escalated",
      "routing.escalation.resolved",
      "routing.consultation.requested",
      "routing.consultation.answered",
      "routing.case.completed",
      "routing.case.reopened",
      "routing.item.deemed_accepted",
      "routing.item.verification_warned",
      "routing.item.verification_overdue",
      "routing.enterprise.barred",
      "agreement.plan.refused",
      "agreement.steward.assigned",
      "intake.reply.due",
      "notification.reminder",
      "notification.review.invite",
      "notification.rectification.opened",
      "notification.policy.matched",
    ]) {
      expect(triggers, type).toContain(type);
    }
    // 容缺 late and returned, 补正 recorded, verification failed: conditions on routing.item.transitioned's action.
    expect(rules.byTrigger.get("routing.item.transitioned")?.map((r) => r.when?.action)).toEqual([["record_supplement", "supplement_received"], ["suspend"], ["return_late"], ["revoke"]]);
  });

  it("refuse, at load, a template that names a field its event does not have", async () => {
    const file = await brokenTemplates("red-light.steward", "项目“{projectName}”的“{itemName}”已超期，请致电企业 {contactPhone}。");
    expect(() => loadRules(rulesFile, file)).toThrow(ConfigError);
    expect(() => loadRules(rulesFile, file)).toThrow("STEWARD_NOTIFICATION_RULES_FILE: template red-light.steward (rule red-light notify[2]): {contactPhone} is not a field of routing.item.overdue");
  });

  it("stop the service at start, with one line naming the template and the field", async () => {
    const file = await brokenTemplates("case-completed.steward", "{projectName} {caseNumber}");
    const started = run(process.execPath, ["--import", "tsx", "services/notification/src/main.ts"], {
      cwd: repositoryRoot,
      env: { STEWARD_REGION: "hanbin", STEWARD_DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", STEWARD_NATS_URL: "nats://127.0.0.1:1", STEWARD_AUTH_SECRET: "x".repeat(32), STEWARD_NOTIFICATION_TEMPLATES_FILE: file },
    });
    const failure = await started.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(78);
    expect(failure?.stderr.trim().split("\n")).toEqual(["configuration error: STEWARD_NOTIFICATION_RULES_FILE: template case-completed.steward (rule case-completed notify[0]): {caseNumber} is not a field of routing.case.completed"]);
  }, 60_000);
});

describe("the rounds' deadline", () => {
  const env = { STEWARD_REGION: "hanbin", STEWARD_DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", STEWARD_NATS_URL: "nats://127.0.0.1:1", STEWARD_AUTH_SECRET: "x".repeat(32) };

  it("is the PeriodicTask default unless set, and refused, naming the variable, when not a duration", () => {
    expect(readConfig(env).roundDeadlineMs).toBeUndefined();
    expect(readConfig({ ...env, STEWARD_NOTIFICATION_ROUND_DEADLINE_MS: "90000" }).roundDeadlineMs).toBe(90_000);
    // A configuration error stops the service (exit 78) with one line naming the variable.
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation((line) => written.push(String(line)) > 0);
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    try {
      expect(() => readConfig({ ...env, STEWARD_NOTIFICATION_ROUND_DEADLINE_MS: "soon" })).toThrow("exit 78");
      expect(written.join("")).toMatch(/^configuration error: STEWARD_NOTIFICATION_ROUND_DEADLINE_MS: /);
    } finally {
      stderr.mockRestore();
      exit.mockRestore();
    }
  });
});
