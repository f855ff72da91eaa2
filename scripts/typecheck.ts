/**
 * Type-checks every workspace project (the tsconfig.json files scripts/typecheck.sh names) with
 * as few compiler programs as give the same answer: projects whose resolved compiler options are
 * equal are checked as one program over the union of their files. Each project checked on its
 * own re-checked the shared packages (proto, platform, testing) it imports — ten programs of
 * about a thousand files each; grouped, the shared files are checked once per set of options.
 * No project declares globals (no `declare global`, `declare module` or triple-slash
 * references), so a file sees in the union exactly the declarations it sees in its own project.
 */
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";

interface Group {
  options: ts.CompilerOptions;
  rootNames: Set<string>;
  projects: string[];
}

/** Options that name where a project's config lives rather than how its files are checked. */
const locationOnly = new Set(["configFilePath", "pathsBasePath"]);

function groupKey(options: ts.CompilerOptions): string {
  return JSON.stringify(
    Object.keys(options)
      .filter((key) => !locationOnly.has(key))
      .sort()
      .map((key) => [key, options[key]]),
  );
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => "\n",
};

const configProblems: ts.Diagnostic[] = [];
const groups = new Map<string, Group>();
for (const project of process.argv.slice(2)) {
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(project), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => configProblems.push(diagnostic),
  });
  if (!parsed) continue;
  configProblems.push(...parsed.errors);
  const key = groupKey(parsed.options);
  const group = groups.get(key) ?? { options: parsed.options, rootNames: new Set<string>(), projects: [] };
  for (const file of parsed.fileNames) group.rootNames.add(file);
  group.projects.push(relative(process.cwd(), dirname(resolve(project))) || ".");
  groups.set(key, group);
}

const diagnostics: ts.Diagnostic[] = [...configProblems];
for (const group of groups.values()) {
  const program = ts.createProgram({ rootNames: [...group.rootNames], options: group.options });
  diagnostics.push(...ts.getPreEmitDiagnostics(program));
}

if (diagnostics.length > 0) {
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(ts.sortAndDeduplicateDiagnostics(diagnostics), formatHost));
  process.exit(1);
}
process.stdout.write(`${groups.size} programs for ${[...groups.values()].reduce((n, g) => n + g.projects.length, 0)} projects: ${[...groups.values()].map((g) => g.projects.join(" ")).join(" | ")}\n`);
