import { describe, expect, it } from "vitest";
import { checkPolicy, matchPolicy, scaleOf, type Policy, type PolicyInput, type ProjectProfile } from "./policies.js";
import { testRulesFile } from "./test-rules.js";

const bands = testRulesFile.policies.scaleBands;
const noTags = { industryChains: [], divisionCodes: [], scales: [], stages: [], milestones: [], keyProjectsOnly: false };
const policy = (tags: Partial<Policy["tags"]>, extra: Partial<Policy> = {}): Policy => ({
  id: "pol",
  code: "AK-2026-017",
  title: "富硒产业扶持",
  summary: "",
  issuer: "",
  url: "",
  tags: { ...noTags, ...tags },
  noApplication: false,
  active: true,
  version: 1,
  validUntil: undefined,
  updatedAt: new Date(),
  ...extra,
});
const project: ProjectProfile = {
  projectId: "p",
  projectName: "项目",
  enterpriseId: "e",
  creditCode: "91610900MA70000010",
  industryChain: "富硒食品",
  divisionCode: "610902",
  investmentWanYuan: 58000.5,
  stage: "construction_permit",
  keyProject: true,
  approvedItems: new Set(["ZJ-JGYS"]),
};

describe("policy matching", () => {
  it("bands investment by scale", () => {
    expect([undefined, 4999.99, 5000, 49_999, 50_000].map((value) => scaleOf(value, bands))).toEqual([undefined, "small", "medium", "medium", "large"]);
  });

  it("matches when every tag list that is given holds one of the project's values, and says which", () => {
    expect(matchPolicy(policy({ industryChains: ["富硒食品", "新材料"], divisionCodes: ["610900"], scales: ["large"] }), project, "2026-03-01", bands)).toEqual(["industry_chain:富硒食品", "division:610900", "scale:large"]);
    expect(matchPolicy(policy({ milestones: ["ZJ-JGYS"], keyProjectsOnly: true }), project, "2026-03-01", bands)).toEqual(["milestone:ZJ-JGYS", "key_project"]);
    expect(matchPolicy(policy({ industryChains: ["新材料"] }), project, "2026-03-01", bands)).toBeUndefined();
    expect(matchPolicy(policy({ divisionCodes: ["610921"] }), project, "2026-03-01", bands)).toBeUndefined();
    expect(matchPolicy(policy({ divisionCodes: ["610000"] }), project, "2026-03-01", bands)).toEqual(["division:610000"]);
    expect(matchPolicy(policy({ milestones: ["ZRZY-BDCDJ"] }), project, "2026-03-01", bands)).toBeUndefined();
    expect(matchPolicy(policy({ keyProjectsOnly: true }), { ...project, keyProject: false }, "2026-03-01", bands)).toBeUndefined();
  });

  it("never matches an inactive policy or one past its last day", () => {
    expect(matchPolicy(policy({ industryChains: ["富硒食品"] }, { active: false }), project, "2026-03-01", bands)).toBeUndefined();
    expect(matchPolicy(policy({ industryChains: ["富硒食品"] }, { validUntil: "2026-02-28" }), project, "2026-03-01", bands)).toBeUndefined();
    expect(matchPolicy(policy({ industryChains: ["富硒食品"] }, { validUntil: "2026-03-01" }), project, "2026-03-01", bands)).toBeDefined();
  });

  it("refuses a policy with bad fields, naming each, and one without any tag", () => {
    const input: PolicyInput = { code: "AK 1", title: "", summary: "s", issuer: "", url: "ftp://x", tags: { ...noTags, divisionCodes: ["6109"], scales: ["huge"] }, noApplication: true, active: true, validUntil: "2026-13-01" };
    const refused = checkPolicy(input, bands);
    expect(!refused.ok && refused.error.violations?.map((v) => v.field)).toEqual(["code", "title", "url", "tags.division_codes[0]", "tags.scales[0]", "valid_until"]);
    const untagged = checkPolicy({ ...input, code: "AK-1", title: "t", url: "", tags: noTags, validUntil: "" }, bands);
    expect(!untagged.ok && untagged.error.violations?.map((v) => v.field)).toEqual(["tags"]);
  });
});
