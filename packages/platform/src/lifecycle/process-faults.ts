import type { Logger } from "pino";
import { isDependencyUnavailable } from "../errors/index.js";
import { createCounter } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions } from "../telemetry/names.js";

const faultKinds = ["uncaught_exception", "unhandled_rejection"] as const;
export type ProcessFaultKind = (typeof faultKinds)[number];

/** Exit status of a process stopped by an exception it could not survive (EX_SOFTWARE). */
export const faultExitCode = 70;

/**
 * Whether the process may go on after a fault. An unhandled rejection is a promise nobody awaited:
 * its work already failed and left nothing half-done that the process depends on. An uncaught
 * exception is thrown from a callback with nobody above it; only a lost connection (a library's
 * socket callback: the connection is dropped and the next call dials again) is known to leave the
 * process sound. Anything else may have stopped a loop or left state half-changed: exit, and let
 * the supervisor (dev.sh, Kubernetes) start a clean process.
 */
export function survivable(kind: ProcessFaultKind, error: unknown): boolean {
  return kind === "unhandled_rejection" || isDependencyUnavailable(error);
}

/**
 * Routes uncaught exceptions and unhandled rejections through the service's JSON logger (never
 * Node's raw stderr text), counts them in steward.process.faults (steward_process_faults_total,
 * from 0 for every kind and outcome), and exits only when continuing is unsafe (`survivable`).
 */
export function installProcessFaultHandlers(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  const faults = createCounter(
    metricDefinitions.processFaults,
    faultKinds.flatMap((kind) => ["continued", "exited"].map((outcome) => ({ [attributeNames.faultKind]: kind, [attributeNames.outcome]: outcome }))),
  );
  const handle = (kind: ProcessFaultKind, error: unknown) => {
    const continues = survivable(kind, error);
    faults.add(1, { [attributeNames.faultKind]: kind, [attributeNames.outcome]: continues ? "continued" : "exited" });
    if (continues) {
      logger.error({ err: error, fault: kind }, `${kind.replace("_", " ")}; the process continues`);
      return;
    }
    logger.fatal({ err: error, fault: kind }, `${kind.replace("_", " ")}; the process exits`);
    logger.flush?.();
    exit(faultExitCode);
  };
  process.on("uncaughtException", (error) => handle("uncaught_exception", error));
  process.on("unhandledRejection", (reason) => handle("unhandled_rejection", reason));
}
