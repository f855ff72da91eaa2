import { civilDateOf } from "@steward/calendar";
import type { Sql } from "@steward/platform/db";
import type { Catalogue } from "../domain/plan.js";

/** What agreement's commands need: the database, the region, routing's catalogue and the time. */
export interface AgreementDeps {
  sql: Sql;
  region: string;
  catalogue: () => Promise<Catalogue>;
  now: () => Date;
}

/** Today in Asia/Shanghai. */
export const todayOf = (deps: Pick<AgreementDeps, "now">) => civilDateOf(deps.now());

/** The agreement's service ledger (服务台账), on the platform's hash chain: signatures, team and plan approvals. */
export const agreementChain = (agreementId: string) => `agreement:${agreementId}`;
