/**
 * The figures of the golden history (history.ts), worked out by hand. Each figure carries the
 * arithmetic that gives it; the test compares the service's figures with `value`.
 * Definitions: src/domain/item-timing.ts (early: total < committed; on time: total = committed;
 * late inside the unit: unit > committed; late outside: total > committed ≥ unit).
 */
type Worked = Record<string, { value: unknown; arithmetic: string }>;

export const march: { region: Worked; departments: Record<string, Worked>; stewards: Record<string, Worked> } = {
  region: {
    casesOpened: { value: 2, arithmetic: "case A (03-02) + case B (03-03)" },
    casesCompleted: { value: 1, arithmetic: "case A completed 03-20; B still has B3 open" },
    itemsCompleted: { value: 5, arithmetic: "A1 03-05, A2 03-20, A3 03-02, B1 03-24, B2 03-13; B4 was decided 04-01 00:30 Beijing time (03-31 16:30 UTC): April" },
    itemsEarly: { value: 2, arithmetic: "A1 total 3 < committed 10; A3 total 0 < committed 5" },
    itemsOnTime: { value: 1, arithmetic: "B2 total 8 = committed 8" },
    itemsLateInsideUnit: { value: 1, arithmetic: "B1 unit 14 > committed 10 + 3 extension = 13" },
    itemsLateOutsideUnit: { value: 1, arithmetic: "A2 total 12 > committed 7, but unit 7 ≤ 7: the 5 days of 补正 were the applicant's" },
    itemsWithoutClock: { value: 0, arithmetic: "every decision carried its clock" },
    onTimeRate: { value: 0.6, arithmetic: "(early 2 + on time 1) / 5 = 0.6" },
    statutoryWorkingDays: { value: 95, arithmetic: "20 + 20 + 20 + 20 + 15" },
    committedWorkingDays: { value: 43, arithmetic: "10 + 7 + 5 + 13 + 8" },
    actualWorkingDays: { value: 32, arithmetic: "3 + 7 + 0 + 14 + 8" },
    committedCompressionRate: { value: 52 / 95, arithmetic: "1 − 43/95 = 52/95 ≈ 54.7 %" },
    actualCompressionRate: { value: 63 / 95, arithmetic: "1 − 32/95 = 63/95 ≈ 66.3 %" },
    tolerantAcceptances: { value: 1, arithmetic: "A2 accepted 容缺 on 03-03" },
    commitmentAcceptances: { value: 1, arithmetic: "A3 accepted 告知承诺 on 03-02" },
    supplementRounds: { value: 1, arithmetic: "A2's 补正 on 03-04" },
    itemsWithSupplement: { value: 1, arithmetic: "A2" },
    itemsWarned: { value: 2, arithmetic: "B1 03-16, B3 03-30" },
    itemsOverdue: { value: 1, arithmetic: "B1 03-18" },
    escalationsRaised: { value: 1, arithmetic: "B1 to the joint meeting 03-18" },
    escalationsResolved: { value: 1, arithmetic: "extended 03-19" },
    complaintsByChannel: { value: { window: 1, hotline: 1 }, arithmetic: "C1 at the window 03-10, C2 by the hotline 03-15" },
    complaintsAnswered: { value: 1, arithmetic: "C1 answered 03-12" },
    complaintsAnsweredOnTime: { value: 1, arithmetic: "C1 due 03-13, answered 03-12" },
    hotlineTicketsByTier: { value: { general: 1, urgent: 1 }, arithmetic: "T1 general 03-15, T2 urgent 03-28" },
    hotlineTicketsAnsweredOnTime: { value: 1, arithmetic: "T1 answered 03-18, due 03-22" },
  },
  departments: {
    zrzy: {
      itemsCompleted: { value: 2, arithmetic: "A1, B1" },
      itemsEarly: { value: 1, arithmetic: "A1" },
      itemsLateInsideUnit: { value: 1, arithmetic: "B1" },
      onTimeRate: { value: 0.5, arithmetic: "1 / 2" },
      statutoryWorkingDays: { value: 40, arithmetic: "20 + 20" },
      committedWorkingDays: { value: 23, arithmetic: "10 + 13" },
      actualWorkingDays: { value: 17, arithmetic: "3 + 14" },
      itemsWarned: { value: 2, arithmetic: "B1, B3" },
      itemsOverdue: { value: 1, arithmetic: "B1" },
      escalationsRaised: { value: 1, arithmetic: "B1" },
      complaintsByChannel: { value: { window: 1 }, arithmetic: "C1 names 自然资源" },
      complaintsAnsweredOnTime: { value: 1, arithmetic: "C1" },
      casesOpened: { value: 0, arithmetic: "cases belong to no department" },
    },
    sthj: {
      itemsCompleted: { value: 2, arithmetic: "A2, B2" },
      itemsOnTime: { value: 1, arithmetic: "B2" },
      itemsLateOutsideUnit: { value: 1, arithmetic: "A2" },
      onTimeRate: { value: 0.5, arithmetic: "1 / 2: late outside the unit still is not on time" },
      statutoryWorkingDays: { value: 35, arithmetic: "20 + 15" },
      tolerantAcceptances: { value: 1, arithmetic: "A2" },
      supplementRounds: { value: 1, arithmetic: "A2" },
      complaintsByChannel: { value: { hotline: 1 }, arithmetic: "C2" },
      complaintsAnswered: { value: 0, arithmetic: "C2 unanswered" },
      hotlineTicketsByTier: { value: { general: 1 }, arithmetic: "T1 names 生态环境; T2 names no department" },
    },
    fgw: {
      itemsCompleted: { value: 1, arithmetic: "A3 (B4 is April's)" },
      itemsEarly: { value: 1, arithmetic: "A3" },
      onTimeRate: { value: 1, arithmetic: "1 / 1" },
      commitmentAcceptances: { value: 1, arithmetic: "A3" },
      actualWorkingDays: { value: 0, arithmetic: "approved on acceptance" },
    },
  },
  stewards: {
    s1: {
      casesOpened: { value: 1, arithmetic: "case A" },
      casesCompleted: { value: 1, arithmetic: "case A" },
      itemsCompleted: { value: 3, arithmetic: "A1, A2, A3" },
      onTimeRate: { value: 2 / 3, arithmetic: "(A1 + A3) / 3" },
      statutoryWorkingDays: { value: 60, arithmetic: "20 × 3" },
      committedWorkingDays: { value: 22, arithmetic: "10 + 7 + 5" },
      tolerantAcceptances: { value: 1, arithmetic: "A2" },
      commitmentAcceptances: { value: 1, arithmetic: "A3" },
      complaintsByChannel: { value: { window: 1 }, arithmetic: "C1 is about P1" },
    },
    s2: {
      casesOpened: { value: 1, arithmetic: "case B opened 03-03, s2 held P2" },
      itemsCompleted: { value: 1, arithmetic: "B2 decided 03-13, before the hand-over on 03-18" },
      itemsOnTime: { value: 1, arithmetic: "B2" },
      itemsWarned: { value: 1, arithmetic: "B1 warned 03-16" },
      itemsOverdue: { value: 1, arithmetic: "B1 overdue 03-18 08:00, an hour before the hand-over" },
      escalationsRaised: { value: 0, arithmetic: "B1 was escalated 03-18 10:00, after the hand-over" },
      complaintsByChannel: { value: { hotline: 1 }, arithmetic: "C2 03-15" },
    },
    s3: {
      itemsCompleted: { value: 1, arithmetic: "B1 decided 03-24" },
      itemsLateInsideUnit: { value: 1, arithmetic: "B1" },
      onTimeRate: { value: 0, arithmetic: "0 / 1" },
      itemsWarned: { value: 1, arithmetic: "B3 warned 03-30" },
      escalationsRaised: { value: 1, arithmetic: "B1 03-18 10:00" },
      escalationsResolved: { value: 1, arithmetic: "03-19" },
    },
  },
};

export const april: { region: Worked } = {
  region: {
    itemsCompleted: { value: 1, arithmetic: "B4 decided 04-01 00:30 Beijing time" },
    itemsEarly: { value: 1, arithmetic: "B4 total 2 < committed 4" },
    onTimeRate: { value: 1, arithmetic: "1 / 1" },
    casesOpened: { value: 0, arithmetic: "no case opened in April" },
    committedCompressionRate: { value: 0.8, arithmetic: "1 − 4/20" },
  },
};
