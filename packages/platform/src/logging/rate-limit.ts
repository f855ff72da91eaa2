import type { Logger } from "pino";

export interface RateLimitOptions {
  /** Lines let through per key in each window. */
  burst: number;
  windowMs: number;
  /** Keys remembered at once; beyond this the oldest windows are forgotten. */
  maxKeys?: number;
}

interface Window {
  startedAt: number;
  logged: number;
  suppressed: number;
}

/**
 * Failure logs that cannot flood: a handler failing on every redelivery, a receiver down for an
 * hour or a database outage under load logs `burst` lines per key and window, and the next line
 * that gets through says how many were left out (`suppressed`). The access log is not limited; its
 * one line per request, event and delivery already says what failed.
 */
export class RateLimitedLog {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly logger: Logger,
    private readonly options: RateLimitOptions = { burst: 5, windowMs: 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  error(key: string, fields: Record<string, unknown>, message: string): void {
    this.write("error", key, fields, message);
  }

  warn(key: string, fields: Record<string, unknown>, message: string): void {
    this.write("warn", key, fields, message);
  }

  private write(level: "error" | "warn", key: string, fields: Record<string, unknown>, message: string): void {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.options.windowMs) {
      const suppressed = window?.suppressed ?? 0;
      if (!window && this.windows.size >= (this.options.maxKeys ?? 1000)) this.windows.delete(this.windows.keys().next().value!);
      window = { startedAt: now, logged: 0, suppressed };
      this.windows.delete(key);
      this.windows.set(key, window);
    }
    if (window.logged >= this.options.burst) {
      window.suppressed++;
      return;
    }
    window.logged++;
    const suppressed = window.suppressed;
    window.suppressed = 0;
    this.logger[level](suppressed > 0 ? { ...fields, suppressed } : fields, message);
  }
}
