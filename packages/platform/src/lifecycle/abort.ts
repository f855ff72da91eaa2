/**
 * `work`, or a rejection with the signal's reason once it aborts: where a round waits on something
 * that has no cancel of its own (a query that Postgres bounds with its statement timeout anyway, a
 * JetStream request with its own timeout), the round stops waiting at its deadline. What `work`
 * does later is nobody's concern: its late rejection is swallowed, and a resource it yields late is
 * handed to `late` (a reserved connection, to be released).
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, late?: (value: T) => void): Promise<T> {
  if (!signal) return work;
  const aborted = () => (signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason ?? "aborted")));
  if (signal.aborted) {
    work.then(late, () => {});
    return Promise.reject(aborted());
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      settled = true;
      reject(aborted());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        if (settled) late?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        if (!settled) reject(error);
      },
    );
  });
}
