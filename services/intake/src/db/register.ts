import { transactionResult, type Sql } from "@steward/platform/db";
import { recordEvents } from "@steward/platform/events";
import type { Result } from "@steward/platform/errors";
import type { Project } from "../domain/project.js";
import { registerProject } from "../domain/register-project.js";
import { projectRegistered } from "../events/project-registered.js";
import { insertProject, investmentCodeTaken } from "./projects.js";

/** Registers a project and records its event in one transaction; nothing is written on failure. */
export function registerProjectInTransaction(sql: Sql, input: unknown, region: string, registeredBy: string): Promise<Result<Project>> {
  return transactionResult(sql, (tx) =>
    registerProject(input, region, registeredBy, {
      investmentCodeTaken: (code) => investmentCodeTaken(tx, region, code),
      save: async (project) => {
        await insertProject(tx, project);
        await recordEvents(tx, [projectRegistered(project)]);
      },
    }),
  );
}
