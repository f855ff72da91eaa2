import { transactionResult, type Sql } from "@steward/platform/db";
import { recordEvents } from "@steward/platform/events";
import { alreadyExists, fail, type Result } from "@steward/platform/errors";
import type { Project } from "../domain/project.js";
import { registerProject } from "../domain/register-project.js";
import { projectRegistered } from "../events/project-registered.js";
import { insertProject, investmentCodeTaken } from "./projects.js";

const uniqueViolation = "23505";

/** Registers a project and records its event in one transaction; nothing is written on failure. */
export async function registerProjectInTransaction(sql: Sql, input: unknown, region: string, registeredBy: string, ownCreditCode: string | undefined): Promise<Result<Project>> {
  try {
    return await transactionResult(sql, (tx) =>
      registerProject(input, region, registeredBy, ownCreditCode, {
        investmentCodeTaken: (code) => investmentCodeTaken(tx, region, code),
        save: async (project) => {
          await insertProject(tx, project);
          await recordEvents(tx, [projectRegistered(project)]);
        },
      }),
    );
  } catch (error) {
    // Two registrations of one investment code racing past the check meet at the unique index.
    if ((error as { code?: string }).code === uniqueViolation) return fail(alreadyExists("a project with this investment code is already registered"));
    throw error;
  }
}
