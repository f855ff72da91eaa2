import { newEvent, type EventEnvelope } from "@steward/platform/events";
import { eventPayloadsV1 } from "@steward/proto";
import type { Complaint } from "../domain/complaint.js";
import type { Enterprise } from "../domain/enterprise.js";
import type { HotlineTicket } from "../domain/hotline-ticket.js";
import { wholeWanYuan } from "../domain/investment.js";
import type { Project } from "../domain/project.js";
import type { ReminderStage } from "../domain/reply-clocks.js";
import type { ServiceRequest } from "../domain/service-request.js";

/**
 * Intake's events. None carries personal data (contacts, complainants and callers stay in
 * intake); each carries what a notice or a statistic needs: ids, names, departments, due dates,
 * channel and tier.
 */

/** Names of the project and its enterprise, for events about things linked to them. */
export interface Subject {
  project?: Pick<Project, "id" | "name" | "enterpriseId" | "enterpriseName" | "creditCode" | "stewardId">;
  enterprise?: Pick<Enterprise, "id" | "name" | "creditCode">;
}

const subjectFields = (subject: Subject) => ({
  projectId: subject.project?.id ?? "",
  projectName: subject.project?.name ?? "",
  enterpriseId: subject.project?.enterpriseId ?? subject.enterprise?.id ?? "",
  enterpriseName: subject.project?.enterpriseName ?? subject.enterprise?.name ?? "",
  creditCode: subject.project?.creditCode ?? subject.enterprise?.creditCode ?? "",
});

export function projectRegistered(project: Project): EventEnvelope {
  return newEvent({
    region: project.region,
    aggregateId: project.id,
    payload: {
      $case: "projectRegistered",
      value: eventPayloadsV1.ProjectRegistered.fromPartial({
        projectId: project.id,
        projectName: project.name,
        enterpriseId: project.enterpriseId,
        enterpriseName: project.enterpriseName,
        creditCode: project.creditCode,
        investmentCode: project.investmentCode ?? "",
        investmentWanYuan: wholeWanYuan(project.investmentWanYuan),
        investmentWanYuanExact: project.investmentWanYuan,
        industryChain: project.industryChain ?? "",
        keyProject: project.keyProject,
        divisionCode: project.divisionCode ?? "",
        registeredBy: project.registeredBy,
      }),
    },
    occurredAt: project.registeredAt,
  });
}

export function projectUpdated(project: Project, changedFields: string[], updatedBy: string): EventEnvelope {
  return newEvent({
    region: project.region,
    aggregateId: project.id,
    payload: {
      $case: "projectUpdated",
      value: {
        projectId: project.id,
        projectName: project.name,
        enterpriseId: project.enterpriseId,
        creditCode: project.creditCode,
        changedFields,
        keyProject: project.keyProject,
        investmentWanYuanExact: project.investmentWanYuan,
        stage: project.stage,
        divisionCode: project.divisionCode ?? "",
        updatedBy,
      },
    },
  });
}

export function enterpriseRegistered(enterprise: Enterprise, origin: "enterprise_registration" | "project_registration"): EventEnvelope {
  return newEvent({
    region: enterprise.region,
    aggregateId: enterprise.id,
    payload: { $case: "enterpriseRegistered", value: { enterpriseId: enterprise.id, creditCode: enterprise.creditCode, name: enterprise.name, registeredBy: enterprise.registeredBy, origin } },
    occurredAt: enterprise.registeredAt,
  });
}

export function enterpriseUpdated(enterprise: Enterprise, changedFields: string[], updatedBy: string): EventEnvelope {
  return newEvent({
    region: enterprise.region,
    aggregateId: enterprise.id,
    payload: { $case: "enterpriseUpdated", value: { enterpriseId: enterprise.id, creditCode: enterprise.creditCode, name: enterprise.name, changedFields, updatedBy } },
  });
}

export function requestReceived(request: ServiceRequest, project: Project): EventEnvelope {
  const subject = subjectFields({ project });
  return newEvent({
    region: request.region,
    aggregateId: request.id,
    payload: {
      $case: "requestReceived",
      value: {
        requestId: request.id,
        ...subject,
        category: request.category,
        title: request.title,
        channel: request.channel,
        ownerId: request.ownerId,
        dueAt: request.clock.dueAt,
        dueOn: request.clock.dueOn,
        deadlineProvisional: request.clock.provisional,
        submittedBy: request.submittedBy,
      },
    },
  });
}

export function requestAnswered(request: ServiceRequest, project: Project, onTime: boolean): EventEnvelope {
  return newEvent({
    region: request.region,
    aggregateId: request.id,
    payload: {
      $case: "requestAnswered",
      value: {
        requestId: request.id,
        projectId: project.id,
        projectName: project.name,
        enterpriseId: project.enterpriseId,
        ownerId: request.ownerId,
        answeredBy: request.answeredBy ?? "",
        dueOn: request.clock.dueOn,
        onTime,
        category: request.category,
      },
    },
  });
}

export function complaintReceived(complaint: Complaint, subject: Subject, ticketNo = ""): EventEnvelope {
  return newEvent({
    region: complaint.region,
    aggregateId: complaint.id,
    payload: {
      $case: "complaintReceived",
      value: {
        complaintId: complaint.id,
        channel: complaint.channel,
        ...subjectFields(subject),
        itemCode: complaint.itemCode ?? "",
        departments: complaint.departments,
        responsibleDepartment: complaint.responsibleDepartment,
        dueOn: complaint.clock.dueOn,
        deadlineProvisional: complaint.clock.provisional,
        title: complaint.title,
        hotlineTicketNo: ticketNo,
        conduct: complaint.conduct,
      },
    },
  });
}

export function complaintAnswered(complaint: Complaint, subject: Subject, onTime: boolean, ticketNo = ""): EventEnvelope {
  const fields = subjectFields(subject);
  return newEvent({
    region: complaint.region,
    aggregateId: complaint.id,
    payload: {
      $case: "complaintAnswered",
      value: {
        complaintId: complaint.id,
        channel: complaint.channel,
        projectId: fields.projectId,
        projectName: fields.projectName,
        enterpriseId: fields.enterpriseId,
        responsibleDepartment: complaint.responsibleDepartment,
        answeredBy: complaint.answeredBy ?? "",
        dueOn: complaint.clock.dueOn,
        onTime,
        hotlineTicketNo: ticketNo,
      },
    },
  });
}

export function complaintEscalated(complaint: Complaint, subject: Subject, fromDepartment: string, reason: string): EventEnvelope {
  const fields = subjectFields(subject);
  return newEvent({
    region: complaint.region,
    aggregateId: complaint.id,
    payload: {
      $case: "complaintEscalated",
      value: {
        complaintId: complaint.id,
        projectId: fields.projectId,
        projectName: fields.projectName,
        enterpriseId: fields.enterpriseId,
        fromDepartment,
        toDepartment: complaint.responsibleDepartment,
        cause: complaint.escalationCause ?? "requested",
        reason,
        dueOn: complaint.clock.dueOn,
        departments: complaint.departments,
      },
    },
  });
}

export function hotlineTicketLinked(ticket: HotlineTicket, subject: Subject): EventEnvelope {
  return newEvent({
    region: ticket.region,
    aggregateId: ticket.id,
    payload: {
      $case: "hotlineTicketLinked",
      value: {
        ticketId: ticket.id,
        ticketNo: ticket.ticketNo,
        tier: ticket.tier,
        dueAt: ticket.clock.dueAt,
        ...subjectFields(subject),
        itemCode: ticket.itemCode ?? "",
        complaintId: ticket.complaintId ?? "",
        coordinator: ticket.coordinator,
        responsibleDepartment: ticket.responsibleDepartment,
        title: ticket.title,
      },
    },
  });
}

export function hotlineTicketUpdated(ticket: HotlineTicket, updatedBy: string): EventEnvelope {
  return newEvent({
    region: ticket.region,
    aggregateId: ticket.id,
    payload: {
      $case: "hotlineTicketUpdated",
      value: {
        ticketId: ticket.id,
        ticketNo: ticket.ticketNo,
        tier: ticket.tier,
        status: ticket.status,
        dueAt: ticket.clock.dueAt,
        onTime: ticket.answeredAt ? ticket.answeredAt < ticket.clock.dueAt : false,
        projectId: ticket.projectId ?? "",
        enterpriseId: ticket.enterpriseId ?? "",
        complaintId: ticket.complaintId ?? "",
        responsibleDepartment: ticket.responsibleDepartment,
        updatedBy,
      },
    },
  });
}

export interface DueReply {
  kind: "complaint" | "hotline_ticket" | "request";
  id: string;
  region: string;
  stage: ReminderStage | "rescheduled";
  /** A rescheduled clock: the due date and instant it replaces. */
  previous?: { dueOn: string; dueAt: Date };
  dueProvisional?: boolean;
  dueAt: Date;
  dueOn: string;
  responsibleDepartment?: string;
  ownerId?: string;
  tier?: string;
  channel?: string;
  title: string;
  ticketNo?: string;
}

export function replyDue(reply: DueReply, subject: Subject): EventEnvelope {
  const fields = subjectFields(subject);
  return newEvent({
    region: reply.region,
    aggregateId: reply.id,
    payload: {
      $case: "replyDue",
      value: {
        kind: reply.kind,
        id: reply.id,
        stage: reply.stage,
        projectId: fields.projectId,
        projectName: fields.projectName,
        enterpriseId: fields.enterpriseId,
        enterpriseName: fields.enterpriseName,
        responsibleDepartment: reply.responsibleDepartment ?? "",
        ownerId: reply.ownerId ?? "",
        dueAt: reply.dueAt,
        dueOn: reply.dueOn,
        tier: reply.tier ?? "",
        channel: reply.channel ?? "",
        title: reply.title,
        hotlineTicketNo: reply.ticketNo ?? "",
        previousDueOn: reply.previous?.dueOn ?? "",
        previousDueAt: reply.previous?.dueAt,
        dueProvisional: reply.dueProvisional ?? false,
      },
    },
  });
}
