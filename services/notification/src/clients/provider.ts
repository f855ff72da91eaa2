/**
 * What a provider (SMS gateway, mail server, webhook receiver) made of one attempt: taken, worth
 * another try later, or refused for good (a number that does not exist, a receiver that says the
 * request is wrong) — the last goes straight to the dead letters.
 */
export type SendResult = ({ kind: "delivered"; providerMessageId?: string } | { kind: "retry"; error: string } | { kind: "permanent"; error: string }) & {
  /** The HTTP status the provider answered, for the access log. */
  status?: number;
};

/** Classifies an HTTP answer: 2xx taken; 5xx, 408, 409, 425, 429 and 401/403 (credentials being put right) retried; other 4xx refused for good. */
export function resultOfStatus(status: number, what: string): SendResult {
  if (status >= 200 && status < 300) return { kind: "delivered", status };
  const retryable = status >= 500 || status === 408 || status === 409 || status === 425 || status === 429 || status === 401 || status === 403;
  return retryable ? { kind: "retry", error: `${what} answered ${status}`, status } : { kind: "permanent", error: `${what} refused it (${status})`, status };
}

/** A failed call (no answer at all) in words; always worth another try. */
export function resultOfThrown(thrown: unknown, what: string, timeoutMs: number): SendResult {
  const error = thrown as Error;
  return { kind: "retry", error: error.name === "TimeoutError" ? `no answer from ${what} in ${timeoutMs} ms` : `could not reach ${what}: ${error.message}` };
}
