import { randomUUID } from "node:crypto";
import { transaction } from "@steward/platform/db";
import { failedPrecondition, invalidArgument, notFound, permissionDenied, raise } from "@steward/platform/errors";
import { newEvent, recordEvents } from "@steward/platform/events";
import { appendLedger } from "@steward/platform/ledger";
import { bulletinsBefore, insertBulletin, publishedBulletin, type PublishedBulletin } from "../db/bulletins.js";
import { emptyFigures } from "../domain/figures.js";
import { correctionsOf, rankUnits, snapshotDigest, type BulletinCorrection, type BulletinSnapshot, type BulletinSubject, type RankedUnit } from "../domain/bulletin.js";
import { isQuarter, quarterEnded, type Quarter } from "../domain/periods.js";
import { gradeNames, ruleVersionFor, type RuleVersion } from "../domain/scoring.js";
import type { Viewer, Visibility } from "../domain/visibility.js";
import { regionName, today, visibilityFor, type AssessmentContext } from "./context.js";
import { quarterFigures } from "./figures.js";
import { departmentNames } from "./names.js";

/** A quarter's bulletin as the console and the API show it: frozen, or a draft computed now. */
export interface BulletinView {
  snapshot: BulletinSnapshot;
  version: RuleVersion;
  frozen: boolean;
  digest: string;
  publishedAt?: Date;
  publishedBy?: string;
}

/** The whole region's view, whoever asks: a bulletin ranks every unit. */
const everything = (context: AssessmentContext): Visibility => ({ regions: context.sourced, canAdminister: false, canRefer: false });

function versionFor(context: AssessmentContext, quarter: Quarter): RuleVersion {
  const version = ruleVersionFor(context.rules, quarter);
  if (!version) raise(failedPrecondition(`no scoring rules are in force for ${quarter}`, "NO_SCORING_RULES"));
  return version;
}

/** The quarter's units ranked by `version` on the figures as they stand now. */
async function rankedNow(context: AssessmentContext, quarter: Quarter, version: RuleVersion): Promise<RankedUnit[]> {
  const visibility = everything(context);
  const counties = context.isCity ? context.sourced.filter((region) => region !== context.region) : [];
  const [regionFigures, departmentFigures, names] = await Promise.all([
    counties.length > 0 ? quarterFigures(context, visibility, quarter, "region", counties) : Promise.resolve([]),
    quarterFigures(context, visibility, quarter, "department", [context.region]),
    departmentNames(context),
  ]);
  const subjects: BulletinSubject[] = [
    ...counties.map((region): BulletinSubject => {
      const figures = regionFigures.find((f) => f.region === region);
      return { kind: "county", key: region, name: regionName(context, region), figures: figures ?? emptyFigures("region", region, region, quarter) };
    }),
    ...departmentFigures.map((figures): BulletinSubject => ({ kind: "department", key: figures.key, name: names.get(figures.key) ?? figures.key, figures })),
  ];
  return rankUnits(version, subjects);
}

/** Corrections to the quarters published before `quarter`, not yet shown by a later bulletin. */
async function pendingCorrections(context: AssessmentContext, quarter: Quarter): Promise<BulletinCorrection[]> {
  const earlier = await bulletinsBefore(context.sql, context.region, quarter);
  const shown = earlier.flatMap((bulletin) => bulletin.snapshot.corrections);
  const recomputed = await Promise.all(
    earlier.map(async (bulletin) => ({
      snapshot: bulletin.snapshot,
      // The published quarter's own rule version: a correction changes figures, never the rules.
      now: await rankedNow(context, bulletin.snapshot.quarter, ruleByName(context, bulletin)),
    })),
  );
  return correctionsOf(recomputed, shown);
}

function ruleByName(context: AssessmentContext, bulletin: PublishedBulletin): RuleVersion {
  return context.rules.versions.find((version) => version.version === bulletin.ruleVersion) ?? versionFor(context, bulletin.snapshot.quarter);
}

function checkQuarter(quarter: string): Quarter {
  if (!isQuarter(quarter)) raise(invalidArgument([{ field: "quarter", description: "must be a quarter like 2026-Q1" }]));
  return quarter;
}

export async function bulletinOf(context: AssessmentContext, viewer: Viewer, quarterText: string): Promise<BulletinView> {
  visibilityFor(context, viewer);
  const quarter = checkQuarter(quarterText);
  const published = await publishedBulletin(context.sql, context.region, quarter);
  if (published) return { snapshot: published.snapshot, version: ruleByName(context, published), frozen: true, digest: published.digest, publishedAt: published.publishedAt, publishedBy: published.publishedBy };
  const version = versionFor(context, quarter);
  const snapshot: BulletinSnapshot = { quarter, region: context.region, ruleVersion: version.version, units: await rankedNow(context, quarter, version), corrections: await pendingCorrections(context, quarter) };
  return { snapshot, version, frozen: false, digest: snapshotDigest(snapshot) };
}

/**
 * Publishes and freezes a finished quarter's bulletin: the snapshot (rankings, measures, the
 * corrections to earlier quarters it shows) and the rule version, its digest on the region's
 * ledger and `assessment.report.published` on the bus, in one transaction. A quarter is published
 * once; asking again returns the frozen bulletin unchanged.
 */
export async function publishBulletin(context: AssessmentContext, viewer: Viewer, quarterText: string): Promise<BulletinView> {
  const visibility = visibilityFor(context, viewer);
  if (!visibility.canAdminister) raise(permissionDenied("only the region's administration publishes bulletins", "BULLETIN_PUBLISH_DENIED"));
  const quarter = checkQuarter(quarterText);
  if (!quarterEnded(quarter, today(context))) raise(failedPrecondition(`${quarter} has not ended`, "QUARTER_NOT_ENDED"));
  const existing = await publishedBulletin(context.sql, context.region, quarter);
  if (existing) return bulletinOf(context, viewer, quarter);
  const draft = await bulletinOf(context, viewer, quarter);
  const publishedAt = context.now();
  const bulletin: PublishedBulletin = { snapshot: draft.snapshot, ruleVersion: draft.version.version, digest: draft.digest, publishedAt, publishedBy: viewer.subject };
  await transaction(context.sql, async (tx) => {
    if (!(await insertBulletin(tx, context.region, bulletin))) return;
    await appendLedger(tx, [
      {
        region: context.region,
        chainId: `bulletin:${context.region}`,
        actor: viewer.subject,
        action: "bulletin.published",
        subject: quarter,
        to: "published",
        details: { quarter, ruleVersion: bulletin.ruleVersion, digest: bulletin.digest, units: bulletin.snapshot.units.length, corrections: bulletin.snapshot.corrections.length },
      },
    ]);
    const ranked = bulletin.snapshot.units.filter((unit) => unit.grade !== "");
    await recordEvents(tx, [
      newEvent({
        region: context.region,
        aggregateId: `bulletin:${quarter}`,
        occurredAt: publishedAt,
        payload: {
          $case: "reportPublished",
          value: {
            reportId: randomUUID(),
            quarter,
            ruleVersion: bulletin.ruleVersion,
            publishedBy: viewer.subject,
            snapshotDigest: bulletin.digest,
            rankedUnits: ranked.length,
            grades: gradeNames.map((grade) => ({ grade, units: ranked.filter((unit) => unit.grade === grade).length })),
            corrections: bulletin.snapshot.corrections.length,
          },
        },
      }),
    ]);
  });
  const frozen = await publishedBulletin(context.sql, context.region, quarter);
  if (!frozen) raise(notFound(`bulletin ${quarter}`));
  return { snapshot: frozen.snapshot, version: ruleByName(context, frozen), frozen: true, digest: frozen.digest, publishedAt: frozen.publishedAt, publishedBy: frozen.publishedBy };
}
