/**
 * The platform's contracts, generated from /proto. Each API is exposed as a namespace named after
 * its protobuf package so that message names never collide across services.
 */
export * as intakeV1 from "./gen/steward/intake/v1/intake.js";
export * as agreementV1 from "./gen/steward/agreement/v1/agreement.js";
export * as routingV1 from "./gen/steward/routing/v1/routing.js";
export * as routingCatalogueV1 from "./gen/steward/routing/v1/catalogue.js";
export * as routingLinkV1 from "./gen/steward/routing/v1/linkage.js";
export * as notificationV1 from "./gen/steward/notification/v1/notification.js";
export * as notificationInboxV1 from "./gen/steward/notification/v1/inbox.js";
export * as notificationPolicyV1 from "./gen/steward/notification/v1/policy.js";
export * as notificationFollowUpV1 from "./gen/steward/notification/v1/follow_up.js";
export * as assessmentV1 from "./gen/steward/assessment/v1/assessment.js";
export * as errorsV1 from "./gen/steward/errors/v1/error_reason.js";
export * as eventsV1 from "./gen/steward/events/v1/envelope.js";
export * as eventPayloadsV1 from "./events.js";
export { Status as RpcStatus } from "./gen/google/rpc/status.js";
export { BadRequest, ErrorInfo } from "./gen/google/rpc/error_details.js";
export { Any } from "./gen/google/protobuf/any.js";
