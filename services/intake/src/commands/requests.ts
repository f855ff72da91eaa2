import { WriteSet, transactionResult } from "@steward/platform/db";
import { fail, notFound, ok, type Result } from "@steward/platform/errors";
import { reachesEnterprise, type Actor } from "../domain/actor.js";
import { answeredOnTime } from "../domain/reply-clocks.js";
import { answerRequest, submitRequest, type ServiceRequest } from "../domain/service-request.js";
import { findProject } from "../db/projects.js";
import { findRequest, insertRequestSql, updateRequestSql } from "../db/requests.js";
import { requestAnswered, requestReceived } from "../events/intake-events.js";
import { projectChain, type IntakeDeps } from "./deps.js";

export async function submitRequestCommand(deps: IntakeDeps, projectId: string, input: unknown, actor: Actor): Promise<Result<ServiceRequest>> {
  const schedule = await deps.schedule();
  return transactionResult(deps.sql, async (tx) => {
    const project = await findProject(tx, deps.region, projectId);
    if (!project || !reachesEnterprise(actor, project.creditCode)) return fail(notFound(`project ${projectId}`));
    const result = submitRequest(input, project, { region: deps.region, actor, now: deps.now(), schedule, rules: deps.rules });
    if (!result.ok) return result;
    const request = result.value;
    await new WriteSet(tx)
      .add(insertRequestSql(tx, request))
      .appendLedger([{ region: deps.region, chainId: projectChain(project.id), actor: actor.subject, action: "request.received", subject: request.id, to: "open", details: { category: request.category, dueOn: request.clock.dueOn, ownerId: request.ownerId } }])
      .recordEvents([requestReceived(request, project)])
      .flush();
    return ok(request);
  });
}

export async function answerRequestCommand(deps: IntakeDeps, id: string, input: unknown, actor: Actor): Promise<Result<ServiceRequest>> {
  return transactionResult(deps.sql, async (tx) => {
    const current = await findRequest(tx, deps.region, id, true);
    const project = current ? await findProject(tx, deps.region, current.projectId) : undefined;
    if (!current || !project || !reachesEnterprise(actor, project.creditCode)) return fail(notFound(`request ${id}`));
    const result = answerRequest(current, input, { actor, now: deps.now() });
    if (!result.ok) return result;
    const request = result.value;
    await new WriteSet(tx)
      .add(updateRequestSql(tx, request))
      .appendLedger([{ region: deps.region, chainId: projectChain(project.id), actor: actor.subject, action: "request.answered", subject: request.id, from: current.status, to: request.status }])
      .recordEvents([requestAnswered(request, project, answeredOnTime(request.answeredAt!, request.clock.dueAt))])
      .flush();
    return ok(request);
  });
}
