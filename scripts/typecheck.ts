/**
 * Type-checks every workspace project (the tsconfig.json files scripts/typecheck.sh names) with
 * as few compiler programs as give the same answer: projects whose resolved compiler options are
 * equal are checked as one program over the union of their files. Each project checked on its
 * own re-checked the shared packages (proto, platform, testing) it imports — eleven programs of
 * about a thousand files each; grouped, the shared files are checked once per set of options.
 * No project declares globals (no `declare global`, `declare module` or triple-slash
 * references), so a file sees in the union exactly the declarations it sees in its own project.
 * The programs run in worker threads, as many at once as there are cores.
 */
import { availableParallelism } from "node:os";
import { dirname, relative, resolve } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import ts from "typescript";

interface Group {
  options: ts.CompilerOptions;
  rootNames: Set<string>;
  projects: string[];
}

/** Options that name where a project's config lives rather than how its files are checked. */
const locationOnly = new Set(["configFilePath", "pathsBasePath"]);

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => "\n",
};

const format = (diagnostics: readonly ts.Diagnostic[]) =>
  diagnostics.length > 0 ? ts.formatDiagnosticsWithColorAndContext(ts.sortAndDeduplicateDiagnostics(diagnostics), formatHost) : "";

function groupKey(options: ts.CompilerOptions): string {
  return JSON.stringify(
    Object.keys(options)
      .filter((key) => !locationOnly.has(key))
      .sort()
      .map((key) => [key, options[key]]),
  );
}

/** The projects grouped by their resolved compiler options, and the problems of their configs. */
function groupProjects(projects: string[]): { groups: Group[]; problems: ts.Diagnostic[] } {
  const problems: ts.Diagnostic[] = [];
  const groups = new Map<string, Group>();
  for (const project of projects) {
    const parsed = ts.getParsedCommandLineOfConfigFile(resolve(project), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => problems.push(diagnostic) });
    if (!parsed) continue;
    problems.push(...parsed.errors);
    const key = groupKey(parsed.options);
    const group = groups.get(key) ?? { options: parsed.options, rootNames: new Set<string>(), projects: [] };
    for (const file of parsed.fileNames) group.rootNames.add(file);
    group.projects.push(relative(process.cwd(), dirname(resolve(project))) || ".");
    groups.set(key, group);
  }
  return { groups: [...groups.values()], problems };
}

/** One group's program in a worker thread: resolves with its diagnostics, formatted ("" when none). */
function checkInWorker(group: Group): Promise<string> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { rootNames: [...group.rootNames], options: group.options }, execArgv: process.execArgv });
    worker.once("message", done);
    worker.once("error", fail);
  });
}

async function main(projects: string[]): Promise<number> {
  const { groups, problems } = groupProjects(projects);
  if (problems.length > 0) {
    process.stderr.write(format(problems));
    return 1;
  }
  const pending = [...groups].sort((a, b) => b.rootNames.size - a.rootNames.size);
  const reports: string[] = [];
  const lane = async () => {
    for (let group = pending.shift(); group; group = pending.shift()) reports.push(await checkInWorker(group));
  };
  await Promise.all(Array.from({ length: Math.min(groups.length, availableParallelism()) }, lane));
  const failures = reports.filter((report) => report !== "");
  if (failures.length > 0) {
    process.stderr.write(failures.join(""));
    return 1;
  }
  process.stdout.write(`${groups.length} programs for ${projects.length} projects: ${groups.map((group) => group.projects.join(" ")).join(" | ")}\n`);
  return 0;
}

if (isMainThread) {
  process.exitCode = await main(process.argv.slice(2));
} else {
  const { rootNames, options } = workerData as { rootNames: string[]; options: ts.CompilerOptions };
  parentPort!.postMessage(format(ts.getPreEmitDiagnostics(ts.createProgram({ rootNames, options }))));
}
