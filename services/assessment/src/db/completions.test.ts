import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createDatabase, migrate, type Sql } from "@steward/platform/db";
import { newEvent, type EventPayload } from "@steward/platform/events";
import { createTestDatabase, uniqueRegion, type TestDatabase } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyEvent } from "../events/apply.js";
import { completionStats } from "./completions.js";

let db: TestDatabase;
let sql: Sql;
beforeAll(async () => {
  db = await createTestDatabase("assessment_completions");
  await migrate({ databaseUrl: db.url, dir: fileURLToPath(new URL("./migrations", import.meta.url)) });
  sql = createDatabase({ url: db.url, poolMax: 2, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 10_000, applicationName: "assessment-test", querySpans: false });
});
afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const project = (region: string, day: string, payload: EventPayload) => applyEvent(sql, newEvent({ region, aggregateId: randomUUID(), payload, occurredAt: at(day) }));

describe("completed cases, reopened and completed again (routing.case.reopened)", () => {
  const caseId = randomUUID();
  const projectId = randomUUID();
  const completed = (region: string, completion: number, itemCount: number, day: string) =>
    project(region, day, { $case: "caseCompleted", value: { caseId, projectId, planId: "", projectName: "新材料产业园", itemCount, completion } });
  const reopened = (region: string, undoesCompletion: number, day: string) =>
    project(region, day, { $case: "caseReopened", value: { caseId, projectId, planId: "", projectName: "", cause: "revoked", reason: "承诺不实", undoesCompletion, itemId: "", itemCode: "" } });

  it("takes a reopened case out of the count until it completes again, whatever order the events come in", async () => {
    const inOrder = uniqueRegion("as");
    const outOfOrder = uniqueRegion("as");

    await completed(inOrder, 1, 2, "2026-03-02");
    expect(await completionStats(sql, inOrder)).toMatchObject({ completedCases: 1, completedItems: 2, reopenedCases: 0 });
    await reopened(inOrder, 1, "2026-03-16");
    expect(await completionStats(sql, inOrder)).toMatchObject({ completedCases: 0, completedItems: 0, reopenedCases: 1 });
    await completed(inOrder, 2, 3, "2026-04-01");
    expect(await completionStats(sql, inOrder)).toMatchObject({ completedCases: 1, completedItems: 3, reopenedCases: 0, lastCompletedAt: at("2026-04-01") });

    // The reopening handled before the completion it undoes, and the second completion before both.
    await completed(outOfOrder, 2, 3, "2026-04-01");
    await reopened(outOfOrder, 1, "2026-03-16");
    await completed(outOfOrder, 1, 2, "2026-03-02");
    expect(await completionStats(sql, outOfOrder)).toMatchObject({ completedCases: 1, completedItems: 3, reopenedCases: 0, lastCompletedAt: at("2026-04-01") });
    const reopenedFirst = uniqueRegion("as");
    await reopened(reopenedFirst, 1, "2026-03-16");
    await completed(reopenedFirst, 1, 2, "2026-03-02");
    expect(await completionStats(sql, reopenedFirst)).toMatchObject({ completedCases: 0, reopenedCases: 1 });
  });

  it("counts completions from before they were numbered as first completions", async () => {
    const region = uniqueRegion("as");
    await completed(region, 0, 4, "2026-03-02");
    expect(await completionStats(sql, region)).toMatchObject({ completedCases: 1, completedItems: 4 });
  });

  it("counts 补正 rounds and the follow-up rounds among them", async () => {
    const region = uniqueRegion("as");
    const item = { caseId: randomUUID(), itemId: randomUUID(), itemCode: "STHJ-HPB", departmentCode: "sthj" };
    for (const [round, followUp] of [[1, false], [2, true]] as const) {
      await project(region, "2026-03-03", { $case: "supplementRequested", value: { ...item, materials: ["环评报告"], reason: "", dueOn: "", round, followUp, receivedOn: "", noticeDueOn: "" } });
    }
    expect(await completionStats(sql, region)).toMatchObject({ supplementRounds: 2, followUpSupplementRounds: 1 });
  });
});
