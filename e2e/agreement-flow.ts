import type { CallSettings } from "@steward/platform/grpc";
import type { RunningPlatform } from "./platform.js";

/** The commitments a county signs with every key project (the speech: 零收费, first-time response). */
export const signing = (agreementId: string) => ({
  agreementId,
  signedOn: "",
  serviceCentre: "汉滨区政务服务中心",
  enterpriseSignatory: "王经理",
  commitments: { zeroFee: true, responseHours: 24, scope: "从立项到准营的全部审批事项帮办代办" },
});

/**
 * The 1 + 1 + N team and an approved plan, as the console does it: the admin signs, registers and
 * assigns the steward and a liaison per department; the steward drafts; each liaison approves its
 * items; the steward approves the version (which goes to routing).
 */
export async function signAndApprovePlan(
  platform: Pick<RunningPlatform, "clients" | "token">,
  agreementId: string,
  plan: {
    selectionCode?: string;
    items?: { itemCode: string; departmentCode: string }[];
    targetDates?: Record<string, string>;
    /** Prerequisites approved before the plan, by 批文号: routing refuses a plan that leaves one out otherwise. */
    satisfiedPrerequisites?: { itemCode: string; documentRef: string; approvedOn: string }[];
  },
  stewardId = "steward-1",
  /** For the approval call (e.g. its trace context). */
  approveSettings?: CallSettings,
) {
  const admin = platform.clients(await platform.token({ subject: "county-admin", role: "admin" }));
  const steward = platform.clients(await platform.token({ subject: stewardId, role: "steward" }));
  try {
    await admin.agreement.signAgreement(signing(agreementId));
    await admin.agreement.registerSteward({ stewardId, name: "李管家" });
    await admin.agreement.assignSteward({ agreementId, stewardId, note: "" });
    const { plan: drafted } = await steward.agreement.draftPlan({ agreementId, selectionCode: plan.selectionCode ?? "", items: (plan.items ?? []).map((item) => ({ ...item, itemName: "", stage: "", targetDate: "" })), targetDates: plan.targetDates ?? {}, excludedItemCodes: [], satisfiedPrerequisites: plan.satisfiedPrerequisites ?? [] });
    const departments = [...new Set(drafted!.items.map((item) => item.departmentCode))];
    for (const department of departments) {
      await admin.agreement.assignLiaison({ agreementId, departmentCode: department, liaisonId: `${department}-liaison`, liaisonName: `${department} 联络员` });
      const liaison = platform.clients(await platform.token({ subject: `${department}-liaison`, role: "liaison", department }));
      try {
        await liaison.agreement.reviewPlan({ agreementId, version: drafted!.version, approve: true, reason: "" });
      } finally {
        liaison.close();
      }
    }
    const { plan: approved } = await steward.agreement.approvePlan({ agreementId, version: drafted!.version, items: [] }, approveSettings);
    return approved!;
  } finally {
    admin.close();
    steward.close();
  }
}
