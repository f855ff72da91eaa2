import { seesPersonalData, type Actor } from "../domain/actor.js";
import type { Complaint } from "../domain/complaint.js";
import type { Enterprise } from "../domain/enterprise.js";
import type { HotlineTicket } from "../domain/hotline-ticket.js";
import { maskIdNumber } from "../domain/id-number.js";
import { maskPhone } from "../domain/phone.js";
import type { Project } from "../domain/project.js";
import type { ServiceRequest } from "../domain/service-request.js";

/**
 * What the HTTP API shows of intake's records. Personal data is masked for every reader who does
 * not need it (see seesPersonalData): phone and ID numbers keep their ends only, the names of
 * complainants and callers their first character.
 */

const maskName = (name: string) => [...name][0] + "*".repeat(Math.max([...name].length - 1, 1));

export function projectView(project: Project, actor: Actor) {
  const personal = seesPersonalData(actor);
  return {
    id: project.id,
    region: project.region,
    name: project.name,
    enterpriseId: project.enterpriseId,
    enterpriseName: project.enterpriseName,
    creditCode: project.creditCode,
    investmentCode: project.investmentCode ?? null,
    investmentWanYuan: project.investmentWanYuan,
    industryChain: project.industryChain ?? null,
    keyProject: project.keyProject,
    divisionCode: project.divisionCode ?? null,
    stage: project.stage,
    stewardId: project.stewardId ?? null,
    stewardName: project.stewardName ?? null,
    caseId: project.caseId ?? null,
    contactName: project.contactName,
    contactPhone: personal ? project.contactPhone : maskPhone(project.contactPhone),
    registeredAt: project.registeredAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
    version: project.version,
  };
}

export function enterpriseView(enterprise: Enterprise, actor: Actor) {
  const personal = seesPersonalData(actor);
  return {
    id: enterprise.id,
    region: enterprise.region,
    creditCode: enterprise.creditCode,
    name: enterprise.name,
    legalRepresentative: enterprise.legalRepresentative ?? null,
    address: enterprise.address ?? null,
    contacts: enterprise.contacts.map((contact) => ({
      name: contact.name,
      title: contact.title ?? null,
      phone: personal ? contact.phone : maskPhone(contact.phone),
      idNumber: contact.idNumber ? (personal ? contact.idNumber : maskIdNumber(contact.idNumber)) : null,
    })),
    creditStanding: { barredModes: enterprise.creditBars.map((bar) => ({ mode: bar.mode, barredUntil: bar.barredUntil, reason: bar.reason })) },
    registeredAt: enterprise.registeredAt.toISOString(),
    updatedAt: enterprise.updatedAt.toISOString(),
    version: enterprise.version,
  };
}

const clockView = (clock: { dueAt: Date; dueOn: string; provisional: boolean }) => ({ dueAt: clock.dueAt.toISOString(), dueOn: clock.dueOn, provisional: clock.provisional });

export function requestView(request: ServiceRequest) {
  return {
    id: request.id,
    projectId: request.projectId,
    category: request.category,
    title: request.title,
    content: request.content,
    channel: request.channel,
    ownerId: request.ownerId || null,
    status: request.status,
    submittedBy: request.submittedBy,
    submittedAt: request.submittedAt.toISOString(),
    clock: clockView(request.clock),
    answer: request.answer ?? null,
    answeredBy: request.answeredBy ?? null,
    answeredAt: request.answeredAt?.toISOString() ?? null,
  };
}

export function complaintView(complaint: Complaint, actor: Actor) {
  const personal = seesPersonalData(actor);
  return {
    id: complaint.id,
    channel: complaint.channel,
    projectId: complaint.projectId ?? null,
    enterpriseId: complaint.enterpriseId ?? null,
    itemCode: complaint.itemCode ?? null,
    departments: complaint.departments,
    responsibleDepartment: complaint.responsibleDepartment,
    status: complaint.status,
    title: complaint.title,
    content: complaint.content,
    conduct: complaint.conduct,
    complainantName: complaint.complainantName ? (personal ? complaint.complainantName : maskName(complaint.complainantName)) : null,
    complainantPhone: complaint.complainantPhone ? (personal ? complaint.complainantPhone : maskPhone(complaint.complainantPhone)) : null,
    receivedAt: complaint.receivedAt.toISOString(),
    clock: clockView(complaint.clock),
    escalationCause: complaint.escalationCause ?? null,
    answer: complaint.answer ?? null,
    answeredBy: complaint.answeredBy ?? null,
    answeredAt: complaint.answeredAt?.toISOString() ?? null,
    answeredOnTime: complaint.answeredAt ? complaint.answeredAt < complaint.clock.dueAt : null,
  };
}

export function ticketView(ticket: HotlineTicket, actor: Actor) {
  const personal = seesPersonalData(actor);
  return {
    id: ticket.id,
    ticketNo: ticket.ticketNo,
    tier: ticket.tier,
    status: ticket.status,
    title: ticket.title,
    content: ticket.content,
    callerName: ticket.callerName ? (personal ? ticket.callerName : maskName(ticket.callerName)) : null,
    callerPhone: ticket.callerPhone ? (personal ? ticket.callerPhone : maskPhone(ticket.callerPhone)) : null,
    receivedAt: ticket.receivedAt.toISOString(),
    dueAt: ticket.clock.dueAt.toISOString(),
    projectId: ticket.projectId ?? null,
    enterpriseId: ticket.enterpriseId ?? null,
    itemCode: ticket.itemCode ?? null,
    complaintId: ticket.complaintId ?? null,
    coordinator: ticket.coordinator,
    responsibleDepartment: ticket.responsibleDepartment || null,
    answer: ticket.answer ?? null,
    answeredAt: ticket.answeredAt?.toISOString() ?? null,
    answeredOnTime: ticket.answeredAt ? ticket.answeredAt < ticket.clock.dueAt : null,
  };
}
