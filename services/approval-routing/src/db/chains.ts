/** The ledger chains of the routing service. */

/** Every transition of a case and its items. */
export const caseChain = (caseId: string) => `case:${caseId}`;

/** Bars after false commitments against one enterprise (by unified social credit code). */
export const enterpriseChain = (creditCode: string) => `enterprise:${creditCode}`;
