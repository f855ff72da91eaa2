import { formatTarget, type FuzzReport } from "./run.js";

/** The run as people read it: per target, the totals, and every violation with its input. */
export function formatReport(report: FuzzReport): string {
  const calls = report.targets.reduce((sum, target) => sum + target.calls, 0);
  const byOutcome = new Map<string, number>();
  for (const target of report.targets) for (const [label, count] of Object.entries(target.outcomes)) byOutcome.set(label, (byOutcome.get(label) ?? 0) + count);
  const checked = report.targets.reduce((sum, target) => sum + target.refusedChecked, 0);
  const lines = [
    `fuzz: region ${report.region}, seed ${report.seed}, ${report.targets.length} targets, ${calls} calls in ${(report.durationMs / 1000).toFixed(0)} s`,
    ...report.targets.map(formatTarget),
    `total: ${[...byOutcome].sort(([, a], [, b]) => b - a).map(([label, count]) => `${label} ${count}`).join(", ")}`,
    `refused requests checked against the databases: ${checked}`,
    `violations: ${report.violations.length}; crashed processes: ${report.crashed.length}; error log records: ${report.errorLogs.length}`,
    ...report.violations.slice(0, 20).map((violation) => `  ${violation.kind} in ${violation.target}: ${violation.detail}\n    ${violation.input?.slice(0, 600) ?? ""}`),
    ...report.errorLogs.slice(0, 20).map((record) => `  error log of ${record.service}: ${record.msg}`),
  ];
  return lines.join("\n");
}
