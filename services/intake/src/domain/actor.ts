/**
 * Who acts, as the domain needs to know it: the role decides what may be done and what personal
 * data is shown; an enterprise acts for its own credit code only, a liaison or department for its
 * own department only.
 */
export type ActorRole = "enterprise" | "steward" | "liaison" | "department" | "admin" | "operator" | "service";

export interface Actor {
  subject: string;
  role: ActorRole;
  creditCode?: string;
  department?: string;
}

/** Staff of the service centre: they act for any enterprise of the region. */
export const isStaff = (actor: Actor): boolean => actor.role === "steward" || actor.role === "admin";

/**
 * Phone and ID numbers (and the names of complainants and callers) are shown only to those who
 * must call or serve the person: the service centre's stewards and admins. Everyone else
 * (enterprises, liaisons, departments, operators) reads them masked.
 */
export const seesPersonalData = (actor: Actor): boolean => isStaff(actor);

/** Whether the actor may reach an object of enterprise `creditCode` (an enterprise: its own only). */
export function reachesEnterprise(actor: Actor, creditCode: string | undefined): boolean {
  if (actor.role !== "enterprise") return true;
  return creditCode !== undefined && actor.creditCode === creditCode;
}
