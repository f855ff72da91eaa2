import { randomUUID } from "node:crypto";
import type { ProjectRegistration } from "./project-registration.js";

/** A key project registered for assisted handling, as intake keeps it. */
export interface Project extends ProjectRegistration {
  id: string;
  region: string;
  registeredBy: string;
  registeredAt: Date;
}

export function newProject(registration: ProjectRegistration, region: string, registeredBy: string, now = new Date()): Project {
  return { ...registration, id: randomUUID(), region, registeredBy, registeredAt: now };
}
