import type { AppError } from "@steward/platform/errors";
import { addMonths } from "@steward/calendar";
import type { CaseItem, ProcessingModeName } from "./case-item.js";
import { ruleRefusal } from "./refusal.js";
import type { RoutingRules } from "./rules.js";

/**
 * The bar after a false commitment: the post-approval verification (审后核查) of an approval on
 * commitment (告知承诺) found it false, so the enterprise is refused the modes of the rule
 * (告知承诺, and 容缺 as an applicant with a bad credit record) through `barredThrough`, across its
 * projects in the region where it happened and in the city, which learns of it (纵向联动).
 */
export interface CommitmentBar {
  /** Unified social credit code of the enterprise. */
  creditCode: string;
  /** Where the commitment was found false, and the item it was made for. */
  originRegion: string;
  originItemId: string;
  itemCode: string;
  revokedOn: string;
  /** The last day of the bar. */
  barredThrough: string;
  reason: string;
  /** This region's case of the revoked item; none for a bar learned from another region. */
  caseId?: string;
}

/** The bar that follows the revocation of `item`'s approval on `revokedOn`. */
export function barAfterRevocation(
  item: Pick<CaseItem, "id" | "region" | "itemCode" | "caseId">,
  creditCode: string,
  revokedOn: string,
  reason: string,
  rules: RoutingRules,
  origin: { region: string; itemId: string } = { region: item.region, itemId: item.id },
): CommitmentBar {
  // 民法典 §201, §202: the day of the revocation is not counted, and a period of months ends on the
  // corresponding day of its last month, or on that month's last day when it has none. Revoked
  // 2026-03-20, six months: barred through 2026-09-20; revoked 2026-08-31: through 2027-02-28.
  const barredThrough = addMonths(revokedOn, rules.commitmentBar.months);
  return { creditCode, originRegion: origin.region, originItemId: origin.itemId, itemCode: item.itemCode, revokedOn, barredThrough, reason, caseId: item.caseId };
}

const modeNames: Record<ProcessingModeName, string> = { normal: "normal acceptance", tolerant: "容缺受理", commitment: "告知承诺" };

/**
 * The refusal of an acceptance in `mode` while `bar` runs, naming the revoked item and the day the
 * bar ends; undefined when the mode is not barred or the bar is over by `today`.
 */
export function barRefusal(bar: CommitmentBar | undefined, mode: ProcessingModeName, today: string, rules: RoutingRules): AppError | undefined {
  if (!bar || today < bar.revokedOn || bar.barredThrough < today || !(rules.commitmentBar.modes as ProcessingModeName[]).includes(mode)) return undefined;
  const barred = rules.commitmentBar.modes.map((barredMode) => modeNames[barredMode]).join(" and ");
  return ruleRefusal(
    "COMMITMENT_BAR_ACTIVE",
    `${modeNames[mode]} is refused: ${rules.commitmentBar.citation} bars enterprise ${bar.creditCode} from ${barred} for ${rules.commitmentBar.months} months, through ${bar.barredThrough}, because its commitment for ${bar.itemCode} (item ${bar.originItemId} in ${bar.originRegion}) was found false and revoked on ${bar.revokedOn}`,
    {
      creditCode: bar.creditCode,
      revokedItemId: bar.originItemId,
      revokedItemCode: bar.itemCode,
      revokedRegion: bar.originRegion,
      revokedOn: bar.revokedOn,
      barredThrough: bar.barredThrough,
    },
  );
}
