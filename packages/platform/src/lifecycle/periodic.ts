import type { Heartbeat } from "./readiness.js";

/**
 * Runs `round` now and then `intervalMs` after each round ends (never two at once), until
 * stopped; `stop` waits for a round in progress. A round handles its own errors.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private heartbeat: Heartbeat | undefined;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  /** `heartbeat` beats after every round, so readiness sees a round that never ends. */
  start(heartbeat?: Heartbeat): void {
    this.stopped = false;
    this.heartbeat = heartbeat;
    const tick = () => {
      this.running = this.round().finally(() => {
        heartbeat?.beat();
        this.running = undefined;
        if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.heartbeat?.stop();
    clearTimeout(this.timer);
    await this.running;
  }
}
