import { newEvent, type EventEnvelope } from "@steward/platform/events";
import type { Delivery } from "../domain/delivery.js";
import type { Policy, ProjectProfile } from "../domain/policies.js";
import { recipientKey } from "../domain/recipients.js";
import { isBad, ratingLevels, type Invitation, type Rating, type Rectification } from "../domain/reviews.js";

/** notification.delivered: a provider took the delivery. */
export function deliveryDelivered(delivery: Delivery): EventEnvelope {
  return newEvent({
    region: delivery.region,
    aggregateId: delivery.id,
    payload: {
      $case: "notificationDelivered",
      value: {
        deliveryId: delivery.id,
        template: delivery.template,
        channel: delivery.channel,
        sourceEventId: delivery.sourceId,
        recipient: recipientKey(delivery.recipient),
        eventType: delivery.eventType,
        urgency: delivery.urgency,
        attempts: delivery.attempts,
      },
    },
  });
}

/** notification.failed: a dead letter. */
export function deliveryFailed(delivery: Delivery, reason: string): EventEnvelope {
  return newEvent({
    region: delivery.region,
    aggregateId: delivery.id,
    payload: {
      $case: "notificationFailed",
      value: {
        deliveryId: delivery.id,
        template: delivery.template,
        channel: delivery.channel,
        sourceEventId: delivery.sourceId,
        reason,
        recipient: recipientKey(delivery.recipient),
        eventType: delivery.eventType,
        attempts: delivery.attempts,
      },
    },
  });
}

export function reviewInvited(region: string, invitation: Invitation): EventEnvelope {
  return newEvent({
    region,
    aggregateId: invitation.subjectId,
    payload: {
      $case: "reviewInvited",
      value: {
        invitationId: invitation.id,
        subjectKind: invitation.subjectKind,
        subjectId: invitation.subjectId,
        caseId: invitation.caseId,
        projectId: invitation.projectId,
        projectName: invitation.projectName,
        itemCode: invitation.itemCode,
        departmentCode: invitation.departmentCode,
        creditCode: invitation.creditCode,
        round: invitation.round,
        expiresAt: invitation.expiresAt,
      },
    },
  });
}

export function reviewRecorded(region: string, invitation: Invitation, review: { id: string; rating: Rating; comment: string; reviewedAt: Date }): EventEnvelope {
  return newEvent({
    region,
    aggregateId: invitation.subjectId,
    occurredAt: review.reviewedAt,
    payload: {
      $case: "reviewRecorded",
      value: {
        reviewId: review.id,
        invitationId: invitation.id,
        subjectKind: invitation.subjectKind,
        subjectId: invitation.subjectId,
        caseId: invitation.caseId,
        projectId: invitation.projectId,
        projectName: invitation.projectName,
        itemCode: invitation.itemCode,
        departmentCode: invitation.departmentCode,
        creditCode: invitation.creditCode,
        rating: review.rating,
        level: ratingLevels[review.rating],
        bad: isBad(review.rating),
        hasComment: review.comment !== "",
        invitationRound: invitation.round,
        reviewedAt: review.reviewedAt,
      },
    },
  });
}

export function rectificationOpened(region: string, r: Rectification): EventEnvelope {
  return newEvent({
    region,
    aggregateId: r.id,
    payload: {
      $case: "rectificationOpened",
      value: {
        rectificationId: r.id,
        reviewId: r.reviewId,
        projectId: r.projectId,
        projectName: r.projectName,
        departmentCode: r.departmentCode,
        itemCode: r.itemCode,
        rating: r.rating,
        workingDays: r.workingDays,
        dueOn: r.dueOn,
        dueProvisional: r.dueProvisional,
      },
    },
  });
}

export function rectificationRectified(region: string, r: Rectification, by: string, today: string): EventEnvelope {
  return newEvent({
    region,
    aggregateId: r.id,
    payload: { $case: "rectificationRectified", value: { rectificationId: r.id, reviewId: r.reviewId, departmentCode: r.departmentCode, rectifiedBy: by, dueOn: r.dueOn, onTime: today <= r.dueOn } },
  });
}

export function rectificationCalledBack(region: string, r: Rectification, by: string, satisfied: boolean): EventEnvelope {
  return newEvent({
    region,
    aggregateId: r.id,
    payload: {
      $case: "rectificationCalledBack",
      value: { rectificationId: r.id, reviewId: r.reviewId, departmentCode: r.departmentCode, calledBackBy: by, satisfied, outcome: r.status === "closed" ? "closed" : "reopened", dueOn: r.dueOn },
    },
  });
}

export function rectificationOverdue(region: string, r: Rectification): EventEnvelope {
  return newEvent({
    region,
    aggregateId: r.id,
    payload: { $case: "rectificationOverdue", value: { rectificationId: r.id, reviewId: r.reviewId, departmentCode: r.departmentCode, dueOn: r.dueOn, projectId: r.projectId } },
  });
}

export function policyMatched(region: string, policy: Policy, project: ProjectProfile, trigger: string, matchedTags: string[]): EventEnvelope {
  return newEvent({
    region,
    aggregateId: project.projectId,
    payload: {
      $case: "policyMatched",
      value: {
        policyId: policy.id,
        policyCode: policy.code,
        policyVersion: policy.version,
        title: policy.title,
        projectId: project.projectId,
        enterpriseId: project.enterpriseId,
        creditCode: project.creditCode,
        noApplication: policy.noApplication,
        trigger,
        matchedTags,
        summary: policy.summary,
        url: policy.url,
        projectName: project.projectName,
        issuer: policy.issuer,
      },
    },
  });
}
