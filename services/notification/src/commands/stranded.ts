import { transaction } from "@steward/platform/db";
import { decodeEvent } from "@steward/platform/events";
import type { Logger } from "@steward/platform/logging";
import { recordCase, strandedCases, unparkEvents } from "../db/directory.js";
import { handleReadyEvents } from "../events/notice-consumer.js";
import type { NotificationDeps } from "./deps.js";

/**
 * Events parked for a case whose project the bus has not told in time (agreement down, a case
 * opened another way) are not left waiting for ever: routing is asked for the case's project
 * (GetCase, service token, outside any transaction), and the events are then planned like any.
 * Returns how many cases were resolved.
 */
export async function resolveStrandedRound(deps: NotificationDeps, projectOfCase: (caseId: string) => Promise<string | undefined>, logger: Logger, options = { olderThanMs: 30_000, batch: 20 }): Promise<number> {
  const cases = await strandedCases(deps.sql, deps.region, new Date(deps.now().getTime() - options.olderThanMs), options.batch);
  let resolved = 0;
  for (const caseId of cases) {
    const projectId = await projectOfCase(caseId).catch((error: unknown) => {
      logger.warn({ err: error, caseId }, "could not ask routing for a parked case's project");
      return undefined;
    });
    if (!projectId) continue;
    await transaction(deps.sql, async (tx) => {
      await recordCase(tx, deps.region, caseId, projectId);
      await handleReadyEvents(tx, deps, (await unparkEvents(tx, deps.region, [caseId])).map(decodeEvent));
    });
    resolved++;
  }
  return resolved;
}
