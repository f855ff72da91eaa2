/**
 * The feed's central promise (WatchAssignments): a full replay is the department's changes in
 * commit order, each once, and resuming from any cursor yields exactly the rest. The feed orders
 * by transaction id; these tests run on a PostgreSQL cluster of their own whose transaction
 * counter they move (pg_resetwal) so the ids of one department's changes differ in their number of
 * digits, and, separately, cross 2^32 (a new epoch of the 64-bit xid8). Ordered by the ids' TEXT,
 * as the feed once was, "10003" sorts before "9995" and "4294977296" before "65540".
 */
import { startThrowawayCluster, type ThrowawayCluster } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type Routing } from "../../db/test-harness.js";
import { encodeCursor } from "./cursor.js";
import { drain, startRegion, watch } from "../test-server.js";

/** One case driven to completion, one command per transaction: 9 transactions, 7 changes on the zrzy feed. */
async function driveCase(routing: Routing): Promise<void> {
  const submitted = await routing.submit(["ZRZY-YDYS", "ZRZY-YDGH", "ZRZY-GCGH", "STHJ-HPB"]);
  if (!submitted.ok) throw new Error(submitted.error.message);
  const caseId = submitted.value.id;
  for (const code of ["ZRZY-YDYS", "ZRZY-YDGH", "ZRZY-GCGH", "STHJ-HPB"]) await routing.acceptAndApprove(await routing.item(caseId, code));
}

interface FeedRow {
  xid: string;
  seq: string;
}

/**
 * The department's feed rows in the order they were written (seq): commit order, as the commands
 * ran one after another. Ordered by the column, not by the text alias of the same name.
 */
const writtenOrder = (harness: Harness, region: string) =>
  harness.sql<FeedRow[]>`
    select xid::text as xid, seq::text as seq from assignment_changes
    where region = ${region} and department_code = 'zrzy' order by assignment_changes.seq`;

/**
 * Replays the zrzy feed over gRPC from the start, then resumes from every cursor of that replay,
 * and checks both against the changes as written.
 */
async function checkReplayAndResumes(harness: Harness, routing: Routing): Promise<string[]> {
  const written = await writtenOrder(harness, routing.region);
  const server = await startRegion(harness.sql, routing.region, { watchPollMs: 200 });
  try {
    const token = await server.token({ subject: "zrzy-system", role: "department", department: "zrzy" });
    const replay = await drain(server.address, token, "", { quietMs: 500, timeoutMs: 20_000 });
    expect(replay.map((message) => message.cursor)).toEqual(written.map((row) => encodeCursor(row)));
    expect(replay.every((message) => message.item?.departmentCode === "zrzy")).toBe(true);
    for (let index = 0; index < replay.length; index++) {
      const rest = replay.slice(index + 1).map((message) => message.cursor);
      const resumed = watch(server.address, token, replay[index]!.cursor);
      await resumed.until(rest.length, 10_000);
      // Nothing more comes: the backlog arrives in one burst, a stray change with it.
      await new Promise((resolve) => setTimeout(resolve, 150));
      await resumed.close();
      expect(resumed.received.map((message) => message.cursor), `resumed after change ${index}`).toEqual(rest);
    }
  } finally {
    await server.stop();
  }
  return written.map((row) => row.xid);
}

describe("the department feed across transaction-id boundaries, on a cluster of the test's own", () => {
  let cluster: ThrowawayCluster;

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
  }, 120_000);

  afterAll(async () => {
    await cluster?.remove();
  });

  it("replays in commit order exactly once and resumes from every cursor when the ids go from 4 to 5 digits", { timeout: 180_000 }, async () => {
    const harness = await createHarness("feed_digits", { database: (prefix) => cluster.createDatabase(prefix) });
    try {
      const routing = harness.routing();
      await driveCase(routing);
      expect(await cluster.nextXid()).toBeLessThan(9_990n);
      await cluster.resetWal({ xid: 9_990n });
      // Three cases take 27 transactions from 9,990: across 10,000 while the department's changes keep coming.
      for (let round = 0; round < 3; round++) await driveCase(routing);
      expect(await cluster.nextXid()).toBeGreaterThan(10_010n);

      const xids = await checkReplayAndResumes(harness, routing);
      expect(xids.some((xid) => xid.length === 4) && xids.some((xid) => xid.length === 5)).toBe(true);
      // In text order these ids would come out differently: the test tells the two orders apart.
      expect([...xids].sort()).not.toEqual(xids);
    } finally {
      await harness.close();
    }
  });

  it("replays in commit order exactly once and resumes from every cursor when the ids pass 2^32 (a new xid epoch)", { timeout: 180_000 }, async () => {
    const harness = await createHarness("feed_epoch", { database: (prefix) => cluster.createDatabase(prefix) });
    try {
      const routing = harness.routing();
      // First changes at ids from 65,536 (a commit-log page boundary), whose text sorts after "4294…".
      await cluster.resetWal({ xid: 65_536n });
      await driveCase(routing);
      await cluster.resetWal({ epoch: 1 });
      expect(await cluster.nextXid()).toBeGreaterThan(2n ** 32n);
      await driveCase(routing);

      const xids = await checkReplayAndResumes(harness, routing);
      expect(xids.some((xid) => BigInt(xid) < 2n ** 32n) && xids.some((xid) => BigInt(xid) > 2n ** 32n)).toBe(true);
      expect([...xids].sort()).not.toEqual(xids);
    } finally {
      await harness.close();
    }
  });
});
