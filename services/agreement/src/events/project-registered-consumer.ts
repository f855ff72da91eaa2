import { WriteSet } from "@steward/platform/db";
import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import { agreementChain } from "../commands/deps.js";
import { draftAgreement } from "../domain/agreement.js";
import { findAgreementOf, insertDraft, updateAgreementSql } from "../db/agreements.js";
import { agreementDrafted } from "./agreement-events.js";

export const projectRegisteredConsumer = {
  durable: "agreement-project-registered",
  eventTypes: [eventTypes.projectRegistered, eventTypes.projectUpdated],
};

/** A newly registered project gets a draft agreement; a renamed one or a change of its key-project flag follows. */
export const openDraftAgreement: EventHandler = async (tx, event) => {
  const registered = payloadOf(event, "projectRegistered");
  if (registered) {
    const draft = draftAgreement(event.region, registered, event.occurredAt ?? new Date());
    if (!(await insertDraft(tx, draft))) return;
    await new WriteSet(tx)
      .appendLedger([{ region: event.region, chainId: agreementChain(draft.id), actor: "system:agreement", action: "agreement.drafted", to: "draft", details: { projectId: draft.projectId } }])
      .recordEvents([agreementDrafted(draft)])
      .flush();
    return;
  }
  const updated = payloadOf(event, "projectUpdated");
  const agreement = updated ? await findAgreementOf(tx, event.region, { projectId: updated.projectId }) : undefined;
  if (!updated || !agreement) return;
  await tx`${updateAgreementSql(tx, { ...agreement, projectName: updated.projectName, keyProject: updated.keyProject })}`;
};
