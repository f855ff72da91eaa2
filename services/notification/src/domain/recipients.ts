/**
 * Who a notice is for. A recipient is a kind and an id: a person (steward, liaison, the
 * enterprise's contact), a system (a department's approval system, the 12345 system) or an office
 * (the region's administration, the joint meeting). Its key ("steward:zhang.wei",
 * "department:zrzy", "admin:") names it in deliveries, inboxes and preferences; addresses never do.
 */
export const recipientKinds = ["steward", "liaison", "enterprise", "department", "admin", "joint_meeting", "hotline"] as const;
export type RecipientKind = (typeof recipientKinds)[number];

export interface Recipient {
  kind: RecipientKind;
  /** Steward or liaison: their subject; enterprise: its credit code; department: its code; offices: "". */
  id: string;
}

/** Kinds that are systems, reached by signed webhooks; the rest are people and offices. */
export const systemKinds: ReadonlySet<RecipientKind> = new Set(["department", "hotline"]);
/** Kinds with no id: one per region. */
export const officeKinds: ReadonlySet<RecipientKind> = new Set(["admin", "joint_meeting", "hotline"]);

export const recipientKey = (recipient: Recipient): string => `${recipient.kind}:${recipient.id}`;

export function parseRecipientKey(key: string): Recipient | undefined {
  const colon = key.indexOf(":");
  if (colon < 0) return undefined;
  const kind = key.slice(0, colon) as RecipientKind;
  const id = key.slice(colon + 1);
  if (!recipientKinds.includes(kind)) return undefined;
  return officeKinds.has(kind) === (id === "") ? { kind, id } : undefined;
}

/** Whether an id is well-formed for its kind (checked on every id a caller names). */
export function recipientIdProblem(recipient: Recipient): string | undefined {
  if (officeKinds.has(recipient.kind)) return recipient.id === "" ? undefined : "must be empty for this kind";
  if (recipient.kind === "department") return /^[a-z][a-z0-9_-]{0,31}$/.test(recipient.id) ? undefined : "must be a department code";
  if (recipient.kind === "enterprise") return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(recipient.id) ? undefined : "must be a unified social credit code";
  return /^[\w.:@-]{1,200}$/.test(recipient.id) ? undefined : "must be the person's subject (1-200 letters, digits or . _ : @ -)";
}

/** The caller as notification needs to know it. */
export interface Caller {
  role: string;
  subject: string;
  department?: string;
  creditCode?: string;
}

/**
 * The inbox owners a caller reads: its own messages only. Admins read the administration's and
 * the joint meeting's office inboxes (the joint meeting is convened by the region's
 * administration); operators and services have none.
 */
export function inboxOwnersOf(caller: Caller): string[] {
  switch (caller.role) {
    case "steward":
      return [recipientKey({ kind: "steward", id: caller.subject })];
    case "liaison":
      return [recipientKey({ kind: "liaison", id: caller.subject })];
    case "enterprise":
      return caller.creditCode ? [recipientKey({ kind: "enterprise", id: caller.creditCode })] : [];
    case "department":
      return caller.department ? [recipientKey({ kind: "department", id: caller.department })] : [];
    case "admin":
      return [recipientKey({ kind: "admin", id: "" }), recipientKey({ kind: "joint_meeting", id: "" })];
    default:
      return [];
  }
}

/** Whether the caller is the recipient itself (a person's own preferences), as opposed to an admin acting for it. */
export function isOwnRecipient(caller: Caller, recipient: Recipient): boolean {
  return inboxOwnersOf(caller).includes(recipientKey(recipient)) && caller.role !== "admin";
}

/** Who may read and set a recipient's preferences: the recipient itself, or the region's admins. */
export function mayManage(caller: Caller, recipient: Recipient): boolean {
  return caller.role === "admin" || isOwnRecipient(caller, recipient);
}
