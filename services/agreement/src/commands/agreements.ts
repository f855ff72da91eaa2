import { WriteSet, transactionResult } from "@steward/platform/db";
import { fail, notFound, ok, type Result } from "@steward/platform/errors";
import { signAgreement, terminateAgreement, type Agreement, type SigningInput } from "../domain/agreement.js";
import { findAgreement, updateAgreementSql } from "../db/agreements.js";
import { agreementClosed, agreementSigned } from "../events/agreement-events.js";
import { agreementChain, todayOf, type AgreementDeps } from "./deps.js";

export async function signAgreementCommand(deps: AgreementDeps, id: string, input: SigningInput, actor: string): Promise<Result<Agreement>> {
  return transactionResult(deps.sql, async (tx) => {
    const agreement = await findAgreement(tx, deps.region, id, true);
    if (!agreement) return fail(notFound(`agreement ${id}`));
    const signed = signAgreement(agreement, input, actor, deps.now(), todayOf(deps));
    if (!signed.ok) return signed;
    const record = signed.value.signing!;
    await new WriteSet(tx)
      .add(updateAgreementSql(tx, signed.value))
      // The signing record on the hash chain: the parties (the signatory by role, not name), the date and the commitments.
      .appendLedger([{ region: deps.region, chainId: agreementChain(id), actor, action: "agreement.signed", from: agreement.status, to: "signed", details: { signedOn: record.signedOn, serviceCentre: record.serviceCentre, enterprise: agreement.creditCode, commitments: { ...record.commitments } } }])
      .recordEvents([agreementSigned(signed.value)])
      .flush();
    return ok(signed.value);
  });
}

export async function terminateAgreementCommand(deps: AgreementDeps, id: string, reason: string, actor: string): Promise<Result<Agreement>> {
  return transactionResult(deps.sql, async (tx) => {
    const agreement = await findAgreement(tx, deps.region, id, true);
    if (!agreement) return fail(notFound(`agreement ${id}`));
    const ended = terminateAgreement(agreement, reason, actor, deps.now());
    if (!ended.ok) return ended;
    await new WriteSet(tx)
      .add(updateAgreementSql(tx, ended.value))
      .appendLedger([{ region: deps.region, chainId: agreementChain(id), actor, action: "agreement.terminated", from: agreement.status, to: "terminated", reason: ended.value.closedReason ?? "" }])
      .recordEvents([agreementClosed(ended.value)])
      .flush();
    return ok(ended.value);
  });
}
