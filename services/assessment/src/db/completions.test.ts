import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createDatabase, migrate, transaction, type Sql } from "@steward/platform/db";
import { createTestDatabase, uniqueRegion, type TestDatabase } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completionStats, recordCompletion, recordReopening, recordSupplementRound } from "./completions.js";

let db: TestDatabase;
let sql: Sql;
beforeAll(async () => {
  db = await createTestDatabase("assessment_completions");
  await migrate({ databaseUrl: db.url, dir: fileURLToPath(new URL("./migrations", import.meta.url)) });
  sql = createDatabase({ url: db.url, poolMax: 2, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 10_000, applicationName: "assessment-test" });
});
afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

const at = (day: string) => new Date(`${day}T02:00:00Z`);

describe("completed cases, reopened and completed again", () => {
  it("takes a reopened case out of the count until it completes again, whatever order the events come in", async () => {
    const inOrder = uniqueRegion("as");
    const outOfOrder = uniqueRegion("as");
    const caseId = randomUUID();
    const projectId = randomUUID();
    const completed = (region: string, completion: number, itemCount: number, day: string) =>
      transaction(sql, (tx) => recordCompletion(tx, { region, caseId, projectId, itemCount, completedAt: at(day), completion }));
    const reopened = (region: string, undoesCompletion: number, day: string) => transaction(sql, (tx) => recordReopening(tx, { region, caseId, projectId, reopenedAt: at(day), undoesCompletion }));

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
    await transaction(sql, (tx) => recordCompletion(tx, { region, caseId: randomUUID(), projectId: randomUUID(), itemCount: 4, completedAt: at("2026-03-02"), completion: 0 }));
    expect(await completionStats(sql, region)).toMatchObject({ completedCases: 1, completedItems: 4 });
  });

  it("counts 补正 rounds and the follow-up rounds among them", async () => {
    const region = uniqueRegion("as");
    const itemId = randomUUID();
    const caseId = randomUUID();
    for (const [round, followUp] of [[1, false], [2, true]] as const) {
      await transaction(sql, (tx) => recordSupplementRound(tx, { region, eventId: randomUUID(), caseId, itemId, round, followUp, requestedAt: at("2026-03-03") }));
    }
    expect(await completionStats(sql, region)).toMatchObject({ supplementRounds: 2, followUpSupplementRounds: 1 });
  });
});
