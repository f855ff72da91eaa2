/** The walking skeleton's project and plan, told to local processes (walking-skeleton.test.ts) and to a cluster (cluster/story.ts). */
export const demoProject = {
  name: "安康富硒食品深加工产业园项目",
  enterpriseName: "安康富硒生物科技有限公司",
  creditCode: "91610900MA70000010",
  investmentCode: "2026-610902-14-03-000101",
  investmentWanYuan: 58000,
  industryChain: "富硒食品",
  contactName: "王经理",
  contactPhone: "13800000001",
};

/** Two items of two departments, with no prerequisite between them: routed in parallel. */
export const demoPlanItems = [
  { itemCode: "ZRZY-YDYS", departmentCode: "zrzy" },
  { itemCode: "STHJ-HPB", departmentCode: "sthj" },
];

/** 用地预审 requires the project's filing (备案), done before the plan: its project code stands for it. */
export const demoSatisfiedPrerequisites = [{ itemCode: "FGW-BA", documentRef: demoProject.investmentCode, approvedOn: "2026-02-20" }];
