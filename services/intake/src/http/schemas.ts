import { z } from "@hono/zod-openapi";

/** Response shapes of intake's HTTP API, for the OpenAPI document (views.ts builds them). */

const nullableText = z.string().nullable();
const clock = z.object({ dueAt: z.string(), dueOn: z.string(), provisional: z.boolean() }).openapi("ReplyClock");

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ description: "Stable code for machines, e.g. INVALID_ARGUMENT or PROJECT_DUPLICATE" }),
    message: z.string().openapi({ description: "zh-CN message for people" }),
    detail: z.string().optional(),
    instance: z.string().optional(),
    "invalid-params": z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .openapi("Problem");

export const projectSchema = z
  .object({
    id: z.uuid(),
    region: z.string(),
    name: z.string(),
    enterpriseId: z.uuid(),
    enterpriseName: z.string(),
    creditCode: z.string(),
    investmentCode: nullableText,
    investmentWanYuan: z.string().openapi({ description: "Exact decimal of 万元", example: "52000.5" }),
    industryChain: nullableText,
    keyProject: z.boolean(),
    divisionCode: nullableText,
    stage: z.string(),
    stewardId: nullableText,
    stewardName: nullableText,
    caseId: nullableText,
    contactName: z.string(),
    contactPhone: z.string().openapi({ description: "Masked (138****5678) for roles that do not need it" }),
    registeredAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi("Project");

export const enterpriseSchema = z
  .object({
    id: z.uuid(),
    region: z.string(),
    creditCode: z.string(),
    name: z.string(),
    legalRepresentative: nullableText,
    address: nullableText,
    contacts: z.array(z.object({ name: z.string(), title: nullableText, phone: z.string(), idNumber: nullableText })),
    creditStanding: z.object({ barredModes: z.array(z.object({ mode: z.string(), barredUntil: z.string(), reason: z.string() })) }),
    registeredAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi("Enterprise");

export const requestSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    category: z.string(),
    title: z.string(),
    content: z.string(),
    channel: z.string(),
    ownerId: nullableText,
    status: z.string(),
    submittedBy: z.string(),
    submittedAt: z.string(),
    clock,
    answer: nullableText,
    answeredBy: nullableText,
    answeredAt: nullableText,
  })
  .openapi("ServiceRequest");

export const complaintSchema = z
  .object({
    id: z.uuid(),
    channel: z.string(),
    projectId: nullableText,
    enterpriseId: nullableText,
    itemCode: nullableText,
    departments: z.array(z.string()),
    responsibleDepartment: z.string(),
    status: z.string(),
    title: z.string(),
    content: z.string(),
    conduct: z.boolean(),
    complainantName: nullableText,
    complainantPhone: nullableText,
    receivedAt: z.string(),
    clock,
    escalationCause: nullableText,
    answer: nullableText,
    answeredBy: nullableText,
    answeredAt: nullableText,
    answeredOnTime: z.boolean().nullable(),
  })
  .openapi("Complaint");

export const ticketSchema = z
  .object({
    id: z.uuid(),
    ticketNo: z.string(),
    tier: z.string(),
    status: z.string(),
    title: z.string(),
    content: z.string(),
    callerName: nullableText,
    callerPhone: nullableText,
    receivedAt: z.string(),
    dueAt: z.string(),
    projectId: nullableText,
    enterpriseId: nullableText,
    itemCode: nullableText,
    complaintId: nullableText,
    coordinator: z.string(),
    responsibleDepartment: nullableText,
    answer: nullableText,
    answeredAt: nullableText,
    answeredOnTime: z.boolean().nullable(),
  })
  .openapi("HotlineTicket");

export const historyEntrySchema = z
  .object({ position: z.number().int(), recordedAt: z.string(), actor: z.string(), action: z.string(), subject: z.string(), from: z.string(), to: z.string(), reason: z.string(), details: z.record(z.string(), z.unknown()) })
  .openapi("HistoryEntry");

export const progressSchema = z
  .object({
    projectId: z.uuid(),
    caseId: nullableText,
    stage: z.string(),
    items: z.array(
      z.object({
        itemCode: z.string(),
        itemName: z.string(),
        departmentCode: z.string(),
        stage: z.string(),
        state: z.string(),
        mode: z.string(),
        committedDueOn: nullableText,
        dueProvisional: z.boolean(),
        outstandingMaterials: z.array(z.string()),
        supplementDueOn: nullableText,
        verificationDueOn: nullableText,
      }),
    ),
    waitingOnEnterprise: z.array(z.object({ kind: z.string(), itemCode: z.string(), itemName: z.string(), departmentCode: z.string(), materials: z.array(z.string()), dueOn: nullableText })),
  })
  .openapi("ProjectProgress");

export const page = <T extends z.ZodType>(item: T, name: string) => z.object({ items: z.array(item), nextPageToken: z.string() }).openapi(name);

/** A problem answer of `status` in the document. */
export const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
export const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });

export const commonProblems = {
  400: problem("Bad input: invalid-params names every bad field; nothing is written"),
  401: problem("No or invalid bearer token"),
  403: problem("The role may not do this"),
};
