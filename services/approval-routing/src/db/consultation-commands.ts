import { transactionResult, type TransactionSql } from "@steward/platform/db";
import { newEvent, recordEvents } from "@steward/platform/events";
import { alreadyExists, failedPrecondition, fail, invalidArgument, notFound, ok, type Result } from "@steward/platform/errors";
import { appendLedger } from "@steward/platform/ledger";
import { addWorkingDays } from "@steward/calendar";
import { newConsultation, type Consultation, type ConsultationOutcome } from "../domain/consultation.js";
import { activeStates } from "../domain/item-state.js";
import { answerConsultation as saveAnswer, findConsultation, insertConsultation, lockConsultation, openConsultationsOf } from "./consultations.js";
import { claimRequest, recordRequestResult } from "./gateway-requests.js";
import { caseChain, commandContext, type RoutingDeps } from "./item-pipeline.js";
import { lockItem } from "./items.js";

async function recordAnswer(tx: TransactionSql, consultation: Consultation, outcome: ConsultationOutcome, reason: string, actor: string): Promise<Consultation> {
  await saveAnswer(tx, consultation, outcome, reason);
  await appendLedger(tx, [
    { region: consultation.region, chainId: caseChain(consultation.caseId), actor, action: `consultation.${outcome}`, subject: consultation.itemId, reason, details: { consultationId: consultation.id, consulted: consultation.consultedDepartment } },
  ]);
  await recordEvents(tx, [
    newEvent({
      region: consultation.region,
      aggregateId: consultation.caseId,
      payload: { $case: "consultationAnswered", value: { caseId: consultation.caseId, itemId: consultation.itemId, consultationId: consultation.id, consultedDepartment: consultation.consultedDepartment, outcome } },
    }),
  ]);
  return { ...consultation, outcome, answerReason: reason };
}

/** The item's department asks another for its opinion; the rule's days start today. */
export function requestConsultation(deps: RoutingDeps, department: string, itemId: string, consultedDepartment: string, question: string, actor: string, requestId: string): Promise<Result<Consultation>> {
  return transactionResult(deps.sql, async (tx) => {
    const item = await lockItem(tx, deps.region, itemId, department);
    if (!item) return fail(notFound(`item ${itemId}`));
    const claim = await claimRequest(tx, deps.region, department, requestId, itemId, "request_consultation");
    if (claim.kind === "conflict") return fail(alreadyExists(`request id ${requestId} was used for another request`));
    if (claim.kind === "repeat" && claim.resultId) {
      const earlier = await findConsultation(tx, deps.region, claim.resultId);
      if (earlier) return ok(earlier);
    }
    if (consultedDepartment === department) return fail(invalidArgument([{ field: "consulted_department", description: "a department does not consult itself" }]));
    if (!activeStates.has(item.state)) return fail(failedPrecondition(`cannot consult on an item that is ${item.state.replace(/_/g, " ")}`));
    const context = await commandContext(deps, tx);
    const consultation = newConsultation(item, consultedDepartment, question, addWorkingDays(context.today, deps.settings.consultationWorkingDays, context.schedule));
    await insertConsultation(tx, consultation);
    await recordRequestResult(tx, deps.region, department, requestId, consultation.id);
    await appendLedger(tx, [
      { region: deps.region, chainId: caseChain(item.caseId), actor, action: "consultation.requested", subject: item.id, reason: question, details: { consultationId: consultation.id, consulted: consultedDepartment, dueOn: consultation.due.date } },
    ]);
    await recordEvents(tx, [
      newEvent({
        region: deps.region,
        aggregateId: item.caseId,
        payload: {
          $case: "consultationRequested",
          value: { caseId: item.caseId, itemId: item.id, itemCode: item.itemCode, departmentCode: department, consultationId: consultation.id, consultedDepartment, question, dueOn: consultation.due.date },
        },
      }),
    ]);
    return ok(consultation);
  });
}

/** The consulted department answers; only it can, and only while the consultation is open. */
export function answerConsultation(deps: RoutingDeps, department: string, consultationId: string, agree: boolean, reason: string, actor: string, requestId: string): Promise<Result<Consultation>> {
  return transactionResult(deps.sql, async (tx) => {
    const consultation = await lockConsultation(tx, deps.region, consultationId, department);
    if (!consultation) return fail(notFound(`consultation ${consultationId}`));
    const claim = await claimRequest(tx, deps.region, department, requestId, consultation.itemId, `answer_consultation:${consultationId}`);
    if (claim.kind === "conflict") return fail(alreadyExists(`request id ${requestId} was used for another request`));
    if (claim.kind === "repeat") return ok(consultation);
    if (consultation.outcome !== "open") return fail(failedPrecondition(`consultation ${consultationId} is already ${consultation.outcome.replace(/_/g, " ")}`));
    return ok(await recordAnswer(tx, consultation, agree ? "agreed" : "disagreed", reason, actor));
  });
}

/** Every open consultation on the item counts as consent (the deemed-consent rule, or the joint meeting). */
export async function deemConsent(tx: TransactionSql, deps: RoutingDeps, itemId: string, actor: string, reason: string): Promise<Result<Consultation[]>> {
  const open = await openConsultationsOf(tx, deps.region, itemId);
  if (open.length === 0) return fail(failedPrecondition(`item ${itemId} waits on no consultation; consent cannot be deemed`));
  const answered: Consultation[] = [];
  for (const consultation of open) answered.push(await recordAnswer(tx, consultation, "deemed_agreed", reason, actor));
  return ok(answered);
}

/** Consultations past their due date without an answer: the consulted department is deemed to agree. */
export async function deemOverdueConsultations(tx: TransactionSql, region: string, today: string, actor: string): Promise<number> {
  const rows = await tx<{ id: string; consulted_department: string }[]>`
    select id, consulted_department from consultations where region = ${region} and outcome = 'open' and due_on < ${today}
    order by due_on limit 100 for update skip locked`;
  for (const row of rows) {
    const consultation = await lockConsultation(tx, region, row.id, row.consulted_department);
    if (consultation) await recordAnswer(tx, consultation, "deemed_agreed", `no answer by ${consultation.due.date}`, actor);
  }
  return rows.length;
}
