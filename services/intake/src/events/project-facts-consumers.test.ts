import { transaction } from "@steward/platform/db";
import { newEvent } from "@steward/platform/events";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitRequestCommand } from "../commands/requests.js";
import { findProject } from "../db/projects.js";
import { startIntakeFixture, steward, type IntakeFixture } from "../testing/intake-fixture.js";
import { recordSteward } from "./project-facts-consumers.js";

/** The project's steward as agreement announces it: assigned, handed over, released. */
let fixture: IntakeFixture & { db: { drop(): Promise<void> } };
beforeAll(async () => {
  fixture = await startIntakeFixture("intake_facts");
});
afterAll(async () => fixture?.close());
beforeEach(async () => fixture.reset());

const assigned = (projectId: string, stewardId: string, stewardName: string, previous = "") =>
  newEvent({
    region: fixture.deps.region,
    aggregateId: "agreement-1",
    payload: { $case: "stewardAssigned", value: { agreementId: "agreement-1", projectId, projectName: "项目", stewardId, stewardName, previousStewardId: previous, previousStewardName: "", assignedBy: "admin-1", note: "", keyProject: false, enterpriseId: "", stewardWorkload: 1 } },
  });
const consume = (event: ReturnType<typeof assigned>) => transaction(fixture.sql, (tx) => recordSteward({ region: fixture.deps.region, now: () => fixture.now, routing: undefined })(tx, event));

describe("the project's steward, from agreement's events", () => {
  it("owns the project's requests once assigned, and no longer once released", async () => {
    const project = await fixture.registerProject();
    await consume(assigned(project.id, "steward-1", "张管家"));
    expect(await findProject(fixture.sql, fixture.deps.region, project.id)).toMatchObject({ stewardId: "steward-1", stewardName: "张管家" });
    const owned = await submitRequestCommand(fixture.deps, project.id, { category: "other", title: "问题", content: "内容" }, steward);
    expect(owned.ok && owned.value.ownerId).toBe("steward-1");

    await consume(assigned(project.id, "", "", "steward-1"));
    const released = (await findProject(fixture.sql, fixture.deps.region, project.id))!;
    expect(released.stewardId).toBeUndefined();
    expect(released.stewardName).toBeUndefined();
    const unowned = await submitRequestCommand(fixture.deps, project.id, { category: "other", title: "问题", content: "内容" }, steward);
    expect(unowned.ok && unowned.value.ownerId).toBe("");
  });
});
