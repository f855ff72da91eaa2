import { WriteSet, transactionResult } from "@steward/platform/db";
import { notFound, fail, ok, type Result } from "@steward/platform/errors";
import { reachesEnterprise, type Actor } from "../domain/actor.js";
import { registerEnterprise, updateEnterprise, type Enterprise } from "../domain/enterprise.js";
import { findEnterprise, findEnterpriseByCreditCode, insertEnterpriseSql, updateEnterpriseSql } from "../db/enterprises.js";
import { lockKey } from "../db/locks.js";
import { enterpriseRegistered, enterpriseUpdated } from "../events/intake-events.js";
import { enterpriseChain, type IntakeDeps } from "./deps.js";

const creditCodeOf = (input: unknown) => (typeof input === "object" && input !== null && typeof (input as { creditCode?: unknown }).creditCode === "string" ? (input as { creditCode: string }).creditCode : "");

/** Registers an enterprise: its row, a ledger entry and intake.enterprise.registered, or nothing. */
export async function registerEnterpriseCommand(deps: IntakeDeps, input: unknown, actor: Actor): Promise<Result<Enterprise>> {
  return transactionResult(deps.sql, async (tx) => {
    const creditCode = creditCodeOf(input);
    await lockKey(tx, `${deps.region}:${creditCode}`);
    const existing = creditCode ? await findEnterpriseByCreditCode(tx, deps.region, creditCode) : undefined;
    const result = registerEnterprise(input, existing, { region: deps.region, actor, now: deps.now() });
    if (!result.ok) return result;
    const enterprise = result.value;
    await new WriteSet(tx)
      .add(insertEnterpriseSql(tx, enterprise))
      .appendLedger([{ region: deps.region, chainId: enterpriseChain(enterprise.id), actor: actor.subject, action: "enterprise.registered", to: enterprise.creditCode }])
      .recordEvents([enterpriseRegistered(enterprise, "enterprise_registration")])
      .flush();
    return ok(enterprise);
  });
}

export async function updateEnterpriseCommand(deps: IntakeDeps, id: string, input: unknown, actor: Actor): Promise<Result<Enterprise>> {
  return transactionResult(deps.sql, async (tx) => {
    const current = await findEnterprise(tx, deps.region, id);
    // Another enterprise's record is not found: its existence is not the caller's to learn.
    if (!current || !reachesEnterprise(actor, current.creditCode)) return fail(notFound(`enterprise ${id}`));
    await lockKey(tx, `${deps.region}:${current.creditCode}`);
    const result = updateEnterprise((await findEnterprise(tx, deps.region, id))!, input, { region: deps.region, actor, now: deps.now() });
    if (!result.ok) return result;
    const { enterprise, changed } = result.value;
    if (changed.length === 0) return ok(enterprise);
    await new WriteSet(tx)
      .add(updateEnterpriseSql(tx, enterprise))
      .appendLedger([{ region: deps.region, chainId: enterpriseChain(enterprise.id), actor: actor.subject, action: "enterprise.updated", to: `version ${enterprise.version}`, details: { changed } }])
      .recordEvents([enterpriseUpdated(enterprise, changed, actor.subject)])
      .flush();
    return ok(enterprise);
  });
}
