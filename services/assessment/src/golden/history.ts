import { randomUUID } from "node:crypto";
import { newEvent, type EventEnvelope, type EventPayload } from "@steward/platform/events";

/**
 * The golden history: a small county's March 2026, built by hand. Every figure the test expects
 * (golden/expected.ts) is worked out from these events, with the arithmetic written beside it.
 *
 * Projects P1 (steward 管家甲 s1) and P2 (steward 管家乙 s2, handed over to 管家丙 s3 on 03-18).
 * Case A (P1): A1 自然资源 early, A2 生态环境 容缺 with one 补正 round finished late outside the
 * unit, and a second, follow-up 补正 round on the materials resubmitted after the first (一次性告知
 * allows one round per receipt); A3 发改 告知承诺 approved on acceptance. Case A completes on
 * 03-20; A3's verification (审后核查) lights yellow on 03-23 and red on 03-24, the commitment is
 * found false on 03-25: A3 revoked, the enterprise barred, case A reopened; it completes again on
 * 04-03 (an April completion, counted once).
 * Case B (P2): B1 自然资源 warned, overdue, escalated, extended by 3 days and still late inside the
 * unit; B2 生态环境 on time; B3 自然资源 warned and still open; B4 发改 decided at 00:30 on
 * 1 April Beijing time (16:30 UTC on 31 March): an April figure, not a March one.
 */
export const region = "golden";
export const ids = {
  p1: "11111111-1111-4111-8111-111111111111",
  p2: "22222222-2222-4222-8222-222222222222",
  caseA: "aaaaaaaa-0000-4000-8000-00000000000a",
  caseB: "bbbbbbbb-0000-4000-8000-00000000000b",
  a1: "aaaaaaaa-0000-4000-8000-0000000000a1",
  a2: "aaaaaaaa-0000-4000-8000-0000000000a2",
  a3: "aaaaaaaa-0000-4000-8000-0000000000a3",
  b1: "bbbbbbbb-0000-4000-8000-0000000000b1",
  b2: "bbbbbbbb-0000-4000-8000-0000000000b2",
  b3: "bbbbbbbb-0000-4000-8000-0000000000b3",
  b4: "bbbbbbbb-0000-4000-8000-0000000000b4",
  escalation: "eeeeeeee-0000-4000-8000-0000000000e1",
  c1: "cccccccc-0000-4000-8000-0000000000c1",
  c2: "cccccccc-0000-4000-8000-0000000000c2",
  t1: "dddddddd-0000-4000-8000-0000000000d1",
  t2: "dddddddd-0000-4000-8000-0000000000d2",
};

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const event = (time: string, aggregateId: string, payload: EventPayload): EventEnvelope => ({ ...newEvent({ region, aggregateId, payload, occurredAt: at(time) }), id: randomUUID() });

const items = {
  a1: { caseId: ids.caseA, itemId: ids.a1, itemCode: "ZRZY-YDYS", departmentCode: "zrzy" },
  a2: { caseId: ids.caseA, itemId: ids.a2, itemCode: "STHJ-HPB", departmentCode: "sthj" },
  a3: { caseId: ids.caseA, itemId: ids.a3, itemCode: "FGW-JN", departmentCode: "fgw" },
  b1: { caseId: ids.caseB, itemId: ids.b1, itemCode: "ZRZY-YDGH", departmentCode: "zrzy" },
  b2: { caseId: ids.caseB, itemId: ids.b2, itemCode: "STHJ-PWXK", departmentCode: "sthj" },
  b3: { caseId: ids.caseB, itemId: ids.b3, itemCode: "ZRZY-GCGH", departmentCode: "zrzy" },
  b4: { caseId: ids.caseB, itemId: ids.b4, itemCode: "FGW-BA", departmentCode: "fgw" },
};
type Item = (typeof items)[keyof typeof items];

const routed = (time: string, item: Item) => event(time, item.caseId, { $case: "itemRouted", value: item });
const accepted = (time: string, item: Item, mode: string, committedDueOn: string) =>
  event(time, item.caseId, { $case: "itemAccepted", value: { ...item, mode, missingMaterials: [], committedDueOn, deadlineProvisional: false, supplementDueOn: "", supplementDueProvisional: false } });
const decided = (time: string, item: Item, clock: { acceptedOn: string; statutory: number; committed: number; unit: number; total: number; applicant?: number; extension?: number; mode?: string; due: string }) =>
  event(time, item.caseId, {
    $case: "itemDecided",
    value: {
      ...item,
      outcome: "approved",
      clock: {
        acceptedOn: clock.acceptedOn,
        decidedOn: time.slice(0, 10),
        committedDueOn: clock.due,
        statutoryWorkingDays: clock.statutory,
        committedWorkingDays: clock.committed,
        unitWorkingDays: clock.unit,
        totalWorkingDays: clock.total,
        applicantWorkingDays: clock.applicant ?? 0,
        excludedWorkingDays: 0,
        mode: clock.mode ?? "normal",
        extensionWorkingDays: clock.extension ?? 0,
      },
    },
  });
const alert = (time: string, item: Item, kind: "itemWarned" | "itemOverdue", due: string) =>
  event(time, item.caseId, kind === "itemWarned" ? { $case: "itemWarned", value: { ...item, committedDueOn: due, deadlineProvisional: false } } : { $case: "itemOverdue", value: { ...item, committedDueOn: due, deadlineProvisional: false } });

const supplement = (time: string, item: Item, round: number, followUp: boolean, materials: string[], reason: string) =>
  event(time, item.caseId, { $case: "supplementRequested", value: { ...item, materials, reason, dueOn: "", round, followUp, receivedOn: "", noticeDueOn: "" } });
const completed = (time: string, completion: number) =>
  event(time, ids.caseA, { $case: "caseCompleted", value: { caseId: ids.caseA, projectId: ids.p1, planId: "", projectName: "新材料产业园", itemCount: 3, completion } });
const verification = (time: string, light: "verificationWarned" | "verificationOverdue") =>
  event(time, ids.caseA, { $case: light, value: { ...items.a3, commitmentRef: "CN-A3", verificationDueOn: "2026-03-24", deadlineProvisional: false } } as EventPayload);

export function goldenHistory(): EventEnvelope[] {
  return [
    // Stewards: s1 holds P1; s2 holds P2 until 03-18, when s3 takes it over.
    event("2026-02-20T10:00:00", ids.p1, { $case: "stewardAssigned", value: { agreementId: randomUUID(), projectId: ids.p1, projectName: "新材料产业园", stewardId: "s1", stewardName: "管家甲", previousStewardId: "", previousStewardName: "", assignedBy: "admin", note: "", keyProject: true, enterpriseId: "", stewardWorkload: 1 } }),
    event("2026-02-25T10:00:00", ids.p2, { $case: "stewardAssigned", value: { agreementId: randomUUID(), projectId: ids.p2, projectName: "富硒食品加工", stewardId: "s2", stewardName: "管家乙", previousStewardId: "", previousStewardName: "", assignedBy: "admin", note: "", keyProject: true, enterpriseId: "", stewardWorkload: 1 } }),
    event("2026-03-18T09:00:00", ids.p2, { $case: "stewardAssigned", value: { agreementId: randomUUID(), projectId: ids.p2, projectName: "富硒食品加工", stewardId: "s3", stewardName: "管家丙", previousStewardId: "s2", previousStewardName: "管家乙", assignedBy: "admin", note: "工作调整", keyProject: true, enterpriseId: "", stewardWorkload: 1 } }),
    event("2026-03-02T09:00:00", ids.caseA, { $case: "planAccepted", value: { planId: randomUUID(), version: 1, agreementId: randomUUID(), projectId: ids.p1, projectName: "新材料产业园", caseId: ids.caseA, stewardId: "s1", itemCount: 3 } }),
    event("2026-03-03T09:00:00", ids.caseB, { $case: "planAccepted", value: { planId: randomUUID(), version: 1, agreementId: randomUUID(), projectId: ids.p2, projectName: "富硒食品加工", caseId: ids.caseB, stewardId: "s2", itemCount: 4 } }),

    // Case A.
    routed("2026-03-02T09:00:01", items.a1),
    routed("2026-03-02T09:00:01", items.a2),
    routed("2026-03-02T09:00:01", items.a3),
    accepted("2026-03-02T10:00:00", items.a1, "normal", "2026-03-16"),
    decided("2026-03-05T16:00:00", items.a1, { acceptedOn: "2026-03-02", statutory: 20, committed: 10, unit: 3, total: 3, due: "2026-03-16" }),
    accepted("2026-03-03T10:00:00", items.a2, "tolerant", "2026-03-12"),
    supplement("2026-03-04T11:00:00", items.a2, 1, false, ["环评公示说明"], "公示材料不全"),
    supplement("2026-03-10T11:00:00", items.a2, 2, true, ["公示照片"], "补交的公示说明缺少现场照片"),
    decided("2026-03-20T15:00:00", items.a2, { acceptedOn: "2026-03-03", statutory: 20, committed: 7, unit: 7, total: 12, applicant: 5, mode: "tolerant", due: "2026-03-19" }),
    accepted("2026-03-02T11:00:00", items.a3, "commitment", "2026-03-09"),
    decided("2026-03-02T11:00:00", items.a3, { acceptedOn: "2026-03-02", statutory: 20, committed: 5, unit: 0, total: 0, mode: "commitment", due: "2026-03-09" }),
    completed("2026-03-20T15:00:01", 1),
    verification("2026-03-23T08:00:00", "verificationWarned"),
    verification("2026-03-24T08:00:00", "verificationOverdue"),
    event("2026-03-25T10:00:00", ids.caseA, { $case: "itemTransitioned", value: { ...items.a3, action: "revoke", fromState: "approved", toState: "revoked", reason: "承诺内容不实" } }),
    event("2026-03-25T10:00:00", ids.p1, { $case: "enterpriseBarred", value: { creditCode: "91610900MA70000036", originRegion: "", originItemId: ids.a3, itemCode: items.a3.itemCode, revokedOn: "2026-03-25", barredThrough: "2026-09-24", reason: "承诺内容不实", caseId: ids.caseA, modes: ["commitment", "tolerant"] } }),
    event("2026-03-25T10:00:01", ids.caseA, { $case: "caseReopened", value: { caseId: ids.caseA, projectId: ids.p1, planId: "", projectName: "新材料产业园", cause: "revoked", reason: "承诺内容不实", undoesCompletion: 1, itemId: ids.a3, itemCode: items.a3.itemCode } }),
    completed("2026-04-03T10:00:00", 2),

    // Case B.
    routed("2026-03-03T09:00:01", items.b1),
    routed("2026-03-03T09:00:01", items.b2),
    accepted("2026-03-03T10:00:00", items.b1, "normal", "2026-03-17"),
    alert("2026-03-16T08:00:00", items.b1, "itemWarned", "2026-03-17"),
    alert("2026-03-18T08:00:00", items.b1, "itemOverdue", "2026-03-17"),
    event("2026-03-18T10:00:00", ids.caseB, { $case: "itemEscalated", value: { ...items.b1, escalationId: ids.escalation, cause: "overdue", reason: "超期未办结" } }),
    event("2026-03-19T15:00:00", ids.caseB, { $case: "escalationResolved", value: { escalationId: ids.escalation, caseId: ids.caseB, itemId: ids.b1, resolution: "extend", reason: "联席会议同意延长3个工作日" } }),
    decided("2026-03-24T17:00:00", items.b1, { acceptedOn: "2026-03-03", statutory: 20, committed: 13, unit: 14, total: 14, extension: 3, due: "2026-03-20" }),
    accepted("2026-03-03T10:30:00", items.b2, "normal", "2026-03-13"),
    decided("2026-03-13T16:00:00", items.b2, { acceptedOn: "2026-03-03", statutory: 15, committed: 8, unit: 8, total: 8, due: "2026-03-13" }),
    routed("2026-03-25T09:00:00", items.b3),
    accepted("2026-03-26T09:00:00", items.b3, "normal", "2026-03-31"),
    alert("2026-03-30T08:00:00", items.b3, "itemWarned", "2026-03-31"),
    routed("2026-03-28T09:00:00", items.b4),
    accepted("2026-03-30T09:00:00", items.b4, "normal", "2026-04-03"),
    decided("2026-04-01T00:30:00", items.b4, { acceptedOn: "2026-03-30", statutory: 20, committed: 4, unit: 2, total: 2, due: "2026-04-03" }),

    // Complaints and 12345 tickets.
    event("2026-03-10T09:00:00", ids.c1, { $case: "complaintReceived", value: { complaintId: ids.c1, channel: "window", projectId: ids.p1, projectName: "新材料产业园", enterpriseId: "", enterpriseName: "", creditCode: "", itemCode: "ZRZY-YDYS", departments: ["zrzy"], responsibleDepartment: "zrzy", dueOn: "2026-03-13", deadlineProvisional: false, title: "用地预审材料反复要求", hotlineTicketNo: "", conduct: false } }),
    event("2026-03-12T10:00:00", ids.c1, { $case: "complaintAnswered", value: { complaintId: ids.c1, channel: "window", projectId: ids.p1, projectName: "新材料产业园", enterpriseId: "", responsibleDepartment: "zrzy", answeredBy: "zrzy", dueOn: "2026-03-13", onTime: true, hotlineTicketNo: "" } }),
    event("2026-03-15T09:00:00", ids.c2, { $case: "complaintReceived", value: { complaintId: ids.c2, channel: "hotline", projectId: ids.p2, projectName: "富硒食品加工", enterpriseId: "", enterpriseName: "", creditCode: "", itemCode: "", departments: ["sthj"], responsibleDepartment: "sthj", dueOn: "2026-03-18", deadlineProvisional: false, title: "排污许可咨询无人答复", hotlineTicketNo: "HL-0002", conduct: true } }),
    event("2026-03-15T09:00:00", ids.t1, { $case: "hotlineTicketLinked", value: { ticketId: ids.t1, ticketNo: "HL-0001", tier: "general", dueAt: at("2026-03-22T09:00:00"), projectId: ids.p2, projectName: "富硒食品加工", enterpriseId: "", enterpriseName: "", creditCode: "", itemCode: "", complaintId: "", coordinator: "hotline", responsibleDepartment: "sthj", title: "排污许可咨询" } }),
    event("2026-03-18T16:00:00", ids.t1, { $case: "hotlineTicketUpdated", value: { ticketId: ids.t1, ticketNo: "HL-0001", tier: "general", status: "answered", dueAt: at("2026-03-22T09:00:00"), onTime: true, projectId: ids.p2, enterpriseId: "", complaintId: "", responsibleDepartment: "sthj", updatedBy: "sthj" } }),
    event("2026-03-28T20:00:00", ids.t2, { $case: "hotlineTicketLinked", value: { ticketId: ids.t2, ticketNo: "HL-0003", tier: "urgent", dueAt: at("2026-03-28T22:00:00"), projectId: "", projectName: "", enterpriseId: "", enterpriseName: "", creditCode: "", itemCode: "", complaintId: "", coordinator: "hotline", responsibleDepartment: "", title: "停水影响施工" } }),
  ];
}
