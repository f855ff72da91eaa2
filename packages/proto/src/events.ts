export { ProjectRegistered } from "./gen/steward/events/v1/intake.js";
export { AgreementSigned, PlanApproved, PlannedItem, SatisfiedPrerequisite } from "./gen/steward/events/v1/agreement.js";
export {
  ItemRouted,
  ItemDecided,
  CaseCompleted,
  ItemAccepted,
  SupplementRequested,
  ItemTransitioned,
  ItemDeadlineAlert,
  ItemEscalated,
  EscalationResolved,
  DeadlinesRecomputed,
  ConsultationRequested,
  ConsultationAnswered,
  CaseReopened,
  ItemDeemedAccepted,
  VerificationDeadlineAlert,
  EnterpriseBarred,
} from "./gen/steward/events/v1/routing.js";
export { NotificationDelivered, NotificationFailed } from "./gen/steward/events/v1/notification.js";
