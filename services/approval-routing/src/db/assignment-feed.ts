import type { Sql } from "postgres";

/**
 * Wakes WatchAssignments streams when a change commits: one LISTEN per process for every open
 * stream. A stream still polls on its own timeout, so a missed notification only delays it.
 */
export class AssignmentFeedSignal {
  private waiters = new Set<() => void>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly sql: Sql) {}

  async start(): Promise<void> {
    const listener = await this.sql.listen("steward_assignments", () => this.wakeAll());
    this.unlisten = () => listener.unlisten();
  }

  async stop(): Promise<void> {
    this.wakeAll();
    await this.unlisten?.().catch(() => {});
  }

  /** Resolves on the next committed change, after `timeoutMs`, or when `signal` aborts. */
  next(signal: AbortSignal, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      // A stream aborted while it was reading or sending gets here with the signal already
      // aborted: "abort" will not fire again, so without this check the stream (and a graceful
      // shutdown waiting for it) hung on for the whole poll interval.
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener("abort", done, { once: true });
      this.waiters.add(done);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
