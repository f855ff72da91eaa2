import { randomUUID } from "node:crypto";
import { WriteSet, transactionResult } from "@steward/platform/db";
import { fail, invalidArgument, notFound, ok, type Result } from "@steward/platform/errors";
import type { Agreement } from "../domain/agreement.js";
import { assignSteward, releaseSteward, retireSteward, type Steward } from "../domain/stewards.js";
import { findAgreement, updateAgreementSql } from "../db/agreements.js";
import { currentLiaisons, endCurrentAssignment, endLiaison, findSteward, insertAssignmentSql, insertLiaisonSql, lockSteward, retireStewardSql } from "../db/stewards.js";
import { liaisonAssigned, stewardAssigned } from "../events/agreement-events.js";
import { agreementChain, type AgreementDeps } from "./deps.js";

/** Assigns (or hands over) the project's steward; the history keeps every assignment. */
export async function assignStewardCommand(deps: AgreementDeps, id: string, stewardId: string, note: string, actor: string): Promise<Result<Agreement>> {
  return transactionResult(deps.sql, async (tx) => {
    const agreement = await findAgreement(tx, deps.region, id, true);
    if (!agreement) return fail(notFound(`agreement ${id}`));
    await lockSteward(tx, deps.region, stewardId, "share");
    const steward = await findSteward(tx, deps.region, stewardId);
    const assigned = assignSteward(agreement, steward, note);
    if (!assigned.ok) return assigned;
    const now = deps.now();
    await endCurrentAssignment(tx, deps.region, id, now);
    const next = assigned.value.agreement;
    await new WriteSet(tx)
      .add(updateAgreementSql(tx, next))
      .add(insertAssignmentSql(tx, { id: randomUUID(), region: deps.region, agreementId: id, stewardId: steward!.id, stewardName: steward!.name, at: now, by: actor, note: note.trim() }))
      .appendLedger([{ region: deps.region, chainId: agreementChain(id), actor, action: assigned.value.previous ? "steward.handed_over" : "steward.assigned", from: assigned.value.previous?.id ?? "", to: steward!.id, reason: note.trim() }])
      .recordEvents([stewardAssigned(next, assigned.value.previous, actor, note.trim(), steward!.workload + (next.status === "signed" || next.status === "active" ? 1 : 0))])
      .flush();
    return ok(next);
  });
}

export async function releaseStewardCommand(deps: AgreementDeps, id: string, reason: string, actor: string): Promise<Result<Agreement>> {
  return transactionResult(deps.sql, async (tx) => {
    const agreement = await findAgreement(tx, deps.region, id, true);
    if (!agreement) return fail(notFound(`agreement ${id}`));
    const released = releaseSteward(agreement, reason);
    if (!released.ok) return released;
    await endCurrentAssignment(tx, deps.region, id, deps.now());
    await new WriteSet(tx)
      .add(updateAgreementSql(tx, released.value))
      .appendLedger([{ region: deps.region, chainId: agreementChain(id), actor, action: "steward.released", from: agreement.stewardId ?? "", reason: reason.trim() }])
      // Announced as an assignment of nobody, so intake (the requests' owner) and notification follow.
      .recordEvents([stewardAssigned(released.value, { id: agreement.stewardId!, name: agreement.stewardName ?? "" }, actor, reason.trim(), 0)])
      .flush();
    return ok(released.value);
  });
}

export async function retireStewardCommand(deps: AgreementDeps, stewardId: string, reason: string): Promise<Result<Steward>> {
  return transactionResult(deps.sql, async (tx) => {
    // Serialise with assignments to this steward: their agreements are counted under the lock.
    await lockSteward(tx, deps.region, stewardId, "update");
    const retired = retireSteward(await findSteward(tx, deps.region, stewardId), reason);
    if (!retired.ok) return retired;
    await new WriteSet(tx).add(retireStewardSql(tx, deps.region, stewardId)).flush();
    return ok(retired.value);
  });
}

const liaisonId = /^[\w.:@-]{1,200}$/;

export async function assignLiaisonCommand(deps: AgreementDeps, id: string, input: { departmentCode: string; liaisonId: string; liaisonName: string }, actor: string) {
  const catalogue = await deps.catalogue();
  const departmentName = catalogue.departments.get(input.departmentCode);
  const violations = [
    ...(departmentName ? [] : [{ field: "department_code", description: `${input.departmentCode || "(empty)"} is not a department of the catalogue` }]),
    ...(liaisonId.test(input.liaisonId) ? [] : [{ field: "liaison_id", description: "must be the liaison's subject (1-200 letters, digits or . _ : @ -)" }]),
    ...(input.liaisonName.trim() && input.liaisonName.length <= 50 ? [] : [{ field: "liaison_name", description: "must be 1-50 characters" }]),
  ];
  if (violations.length > 0) return fail(invalidArgument(violations));
  return transactionResult(deps.sql, async (tx) => {
    const agreement = await findAgreement(tx, deps.region, id, true);
    if (!agreement) return fail(notFound(`agreement ${id}`));
    const previous = (await currentLiaisons(tx, deps.region, id)).find((row) => row.department_code === input.departmentCode);
    const now = deps.now();
    await endLiaison(tx, deps.region, id, input.departmentCode, now);
    const liaison = { department: input.departmentCode, departmentName: departmentName!, liaisonId: input.liaisonId, liaisonName: input.liaisonName.trim(), previousId: previous?.liaison_id ?? "" };
    await new WriteSet(tx)
      .add(insertLiaisonSql(tx, { region: deps.region, agreementId: id, department: liaison.department, departmentName: liaison.departmentName, liaisonId: liaison.liaisonId, liaisonName: liaison.liaisonName, at: now, by: actor }))
      .appendLedger([{ region: deps.region, chainId: agreementChain(id), actor, action: "liaison.assigned", subject: liaison.department, from: liaison.previousId, to: liaison.liaisonId }])
      .recordEvents([liaisonAssigned(agreement, liaison, actor)])
      .flush();
    return ok({ ...liaison, assignedAt: now });
  });
}
