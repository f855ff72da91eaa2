/** What the driver watches in the processes under test: peak memory and logged errors. */
import { readdirSync, readFileSync } from "node:fs";

/** kB values of /proc/<pid>/status fields (VmRSS, VmHWM), or undefined once the process is gone. */
function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const mib = (kb: number | undefined) => Math.round(((kb ?? 0) / 1024) * 10) / 10;

/** CPU seconds (user + system) the process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at state: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Peak resident set of a process so far (VmHWM), MiB; 0 once it is gone. */
export function peakRss(pid: number): number {
  return mib(statusKb(pid, "VmHWM"));
}

/**
 * CPU seconds used so far by every PostgreSQL process on the machine (the server and its backends,
 * for the databases of the run and any other): a run's share is the difference over the run.
 */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue;
    }
    total += cpuSeconds(Number(entry)) ?? 0;
  }
  return total;
}

/** The parent pid of a process (/proc/<pid>/stat), or undefined once it is gone. */
function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

const pidIn = (file: string): number | undefined => {
  try {
    const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * CPU seconds used so far by this checkout's stack (scripts/stack.sh): its PostgreSQL (the
 * postmaster of .data/pg and its children, not the other clusters on a shared machine) and its
 * nats-server. Undefined parts when the stack is not this checkout's (postgresCpuSeconds then).
 */
export function stackCpuSeconds(root: string): { postgres?: number; postgresByDatabase?: Record<string, number>; nats?: number } {
  const postmaster = pidIn(`${root}.data/pg/postmaster.pid`);
  const nats = pidIn(`${root}.data/nats/nats.pid`);
  let postgres = 0;
  const postgresByDatabase: Record<string, number> = {};
  if (postmaster !== undefined) {
    for (const entry of readdirSync("/proc")) {
      const pid = Number(entry);
      if (pid !== postmaster && !(/^\d+$/.test(entry) && parentPid(pid) === postmaster)) continue;
      const used = cpuSeconds(pid) ?? 0;
      postgres += used;
      const database = backendDatabase(pid) ?? serverProcesses;
      postgresByDatabase[database] = (postgresByDatabase[database] ?? 0) + used;
    }
  }
  return { ...(postmaster === undefined ? {} : { postgres, postgresByDatabase }), ...(nats === undefined ? {} : { nats: cpuSeconds(nats) ?? 0 }) };
}

/** The key of the postmaster and its background processes (WAL writer, checkpointer, …) in `postgresByDatabase`. */
export const serverProcesses = "(server)";

/**
 * The database a PostgreSQL backend serves, from its process title ("postgres: <role> <database>
 * <client> <state>"); undefined for the postmaster and background processes. A backend's CPU is
 * counted while it lives: a connection closed during a phase takes its CPU with it.
 */
function backendDatabase(pid: number): string | undefined {
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    return /^postgres: \S+ (\S+) (?:\S+\(\d+\)|\[local\])/.exec(title)?.[1];
  } catch {
    return undefined;
  }
}

export interface WatchedProcess {
  name: string;
  pid: number;
  /** Parsed log lines the process wrote so far. */
  logs?: Record<string, unknown>[];
}

export interface ProcessReport {
  name: string;
  pid: number;
  /** Peak resident set over the process's life (VmHWM), MiB. */
  peakRssMiB: number;
  /** Highest VmRSS seen by the sampler during the run, MiB. */
  sampledPeakRssMiB: number;
  /** CPU seconds used while watched, and as a share of one core over that time. */
  cpuSeconds: number;
  cpuCores: number;
  /** Log lines at warn and error level (warn, error and fatal) and the first few error messages. */
  warnings: number;
  errors: number;
  firstErrors: string[];
}

const levels: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };


/** Polls VmRSS of every process while it runs; `report()` adds VmHWM, read before they stop. */
export class ProcessWatcher {
  private readonly peaks = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;
  private readonly cpuAtStart = new Map<number, number>();
  private readonly startedAt = performance.now();

  constructor(private readonly processes: WatchedProcess[], intervalMs = 250) {
    for (const { pid } of processes) this.cpuAtStart.set(pid, cpuSeconds(pid) ?? 0);
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    this.sample();
  }

  private sample(): void {
    for (const { pid } of this.processes) {
      const rss = statusKb(pid, "VmRSS");
      if (rss !== undefined && rss > (this.peaks.get(pid) ?? 0)) this.peaks.set(pid, rss);
    }
  }

  report(): ProcessReport[] {
    this.sample();
    clearInterval(this.timer);
    const elapsedS = (performance.now() - this.startedAt) / 1000;
    return this.processes.map(({ name, pid, logs = [] }) => {
      const cpu = Math.max(0, (cpuSeconds(pid) ?? 0) - (this.cpuAtStart.get(pid) ?? 0));
      // pino writes the level as its label here (packages/platform logging), as a number by default.
      const level = (line: Record<string, unknown>) => (typeof line.level === "number" ? line.level : (levels[String(line.level)] ?? 0));
      const errors = logs.filter((line) => level(line) >= 50);
      return {
        name,
        pid,
        peakRssMiB: mib(statusKb(pid, "VmHWM") ?? this.peaks.get(pid)),
        sampledPeakRssMiB: mib(this.peaks.get(pid)),
        cpuSeconds: Math.round(cpu * 100) / 100,
        cpuCores: Math.round((cpu / Math.max(elapsedS, 1e-9)) * 100) / 100,
        warnings: logs.filter((line) => level(line) === 40).length,
        errors: errors.length,
        firstErrors: [...new Set(errors.map((line) => String(line.msg ?? "") + (line.err ? `: ${String((line.err as { message?: unknown }).message ?? "")}` : "")))].slice(0, 5),
      };
    });
  }
}
