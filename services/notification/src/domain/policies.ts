import { fail, invalidArgument, ok, type FieldViolation, type Result } from "@steward/platform/errors";
import { isCivilDate, type CivilDate } from "@steward/calendar";
import type { RulesFile } from "./rules.js";

/**
 * 惠企政策定向推送: a catalogue of pro-business policies tagged by industry chain, site, scale,
 * stage and milestones, matched against each project's profile; a match is pushed to the
 * enterprise once per policy and project. 免申即享 policies are flagged as needing no application.
 */
export interface PolicyTags {
  industryChains: string[];
  divisionCodes: string[];
  scales: string[];
  stages: string[];
  milestones: string[];
  keyProjectsOnly: boolean;
}

export interface Policy {
  id: string;
  code: string;
  title: string;
  summary: string;
  issuer: string;
  url: string;
  tags: PolicyTags;
  noApplication: boolean;
  active: boolean;
  version: number;
  validUntil: CivilDate | undefined;
  updatedAt: Date;
}

/** What the projection knows of a project for matching. */
export interface ProjectProfile {
  projectId: string;
  projectName: string;
  enterpriseId: string;
  creditCode: string;
  industryChain: string;
  divisionCode: string;
  investmentWanYuan: number | undefined;
  stage: string;
  keyProject: boolean;
  /** Catalogue items of the project approved so far (its milestones). */
  approvedItems: ReadonlySet<string>;
}

export function scaleOf(investmentWanYuan: number | undefined, bands: RulesFile["policies"]["scaleBands"]): string | undefined {
  if (investmentWanYuan === undefined) return undefined;
  return bands.find((band) => band.belowWanYuan === null || investmentWanYuan < band.belowWanYuan)?.name;
}

/** A division tag covers itself, and a city (xxxx00) or province (xx0000) code covers what lies within it. */
function divisionCovers(tag: string, code: string): boolean {
  if (tag === code) return true;
  if (tag.endsWith("0000")) return code.startsWith(tag.slice(0, 2));
  if (tag.endsWith("00")) return code.startsWith(tag.slice(0, 4));
  return false;
}

/**
 * Whether a policy applies to a project today, and by which tags: every tag list that is not
 * empty must hold one of the project's values. Undefined when it does not apply.
 */
export function matchPolicy(policy: Policy, project: ProjectProfile, today: CivilDate, bands: RulesFile["policies"]["scaleBands"]): string[] | undefined {
  if (!policy.active || (policy.validUntil !== undefined && policy.validUntil < today)) return undefined;
  const { tags } = policy;
  const matched: string[] = [];
  const check = (name: string, list: string[], hit: (value: string) => boolean) => {
    if (list.length === 0) return true;
    const found = list.find(hit);
    if (found === undefined) return false;
    matched.push(`${name}:${found}`);
    return true;
  };
  const scale = scaleOf(project.investmentWanYuan, bands);
  const applies =
    (!tags.keyProjectsOnly || project.keyProject) &&
    check("industry_chain", tags.industryChains, (value) => value === project.industryChain) &&
    check("division", tags.divisionCodes, (value) => project.divisionCode !== "" && divisionCovers(value, project.divisionCode)) &&
    check("scale", tags.scales, (value) => value === scale) &&
    check("stage", tags.stages, (value) => value === project.stage) &&
    check("milestone", tags.milestones, (value) => project.approvedItems.has(value));
  if (!applies) return undefined;
  if (tags.keyProjectsOnly) matched.push("key_project");
  return matched;
}

export interface PolicyInput {
  code: string;
  title: string;
  summary: string;
  issuer: string;
  url: string;
  tags: PolicyTags;
  noApplication: boolean;
  active: boolean;
  validUntil: string;
}

const listProblems = (field: string, values: string[], pattern: RegExp, description: string): FieldViolation[] =>
  values.length > 50 ? [{ field, description: "holds at most 50 entries" }] : values.flatMap((value, index) => (pattern.test(value) ? [] : [{ field: `${field}[${index}]`, description }]));

/** Checks a policy as an admin gives it; every offending field is named. */
export function checkPolicy(input: PolicyInput, bands: RulesFile["policies"]["scaleBands"]): Result<PolicyInput> {
  const text = (field: string, value: string, max: number, required = true): FieldViolation[] =>
    (required && value.trim() === "") || value.length > max ? [{ field, description: `must be ${required ? 1 : 0}-${max} characters` }] : [];
  const scales = new Set(bands.map((band) => band.name));
  const violations = [
    ...text("code", input.code, 64),
    ...(/^[\w.-]*$/.test(input.code) ? [] : [{ field: "code", description: "must be letters, digits or _ . -" }]),
    ...text("title", input.title, 200),
    ...text("summary", input.summary, 2000),
    ...text("issuer", input.issuer, 200, false),
    ...(input.url === "" || /^https?:\/\/\S{1,2000}$/.test(input.url) ? [] : [{ field: "url", description: "must be an http(s) URL" }]),
    ...listProblems("tags.industry_chains", input.tags.industryChains, /^\S.{0,63}$/u, "must be 1-64 characters"),
    ...listProblems("tags.division_codes", input.tags.divisionCodes, /^\d{6}$/, "must be a 6-digit division code (GB/T 2260)"),
    ...input.tags.scales.flatMap((value, index) => (scales.has(value) ? [] : [{ field: `tags.scales[${index}]`, description: `must be one of ${[...scales].join(", ")}` }])),
    ...listProblems("tags.stages", input.tags.stages, /^[a-z_]{1,40}$/, "must be a stage name"),
    ...listProblems("tags.milestones", input.tags.milestones, /^[A-Z0-9-]{1,40}$/, "must be a catalogue item code"),
    ...(input.validUntil === "" || isCivilDate(input.validUntil) ? [] : [{ field: "valid_until", description: "must be a date YYYY-MM-DD" }]),
  ];
  if (violations.length > 0) return fail(invalidArgument(violations));
  const untagged = Object.entries(input.tags).every(([, value]) => (Array.isArray(value) ? value.length === 0 : value === false));
  if (untagged) return fail(invalidArgument([{ field: "tags", description: "needs at least one tag, or the policy would be pushed to every project" }]));
  return ok({ ...input, code: input.code.trim(), title: input.title.trim(), summary: input.summary.trim(), issuer: input.issuer.trim() });
}
