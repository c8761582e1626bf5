/** 409 is not here: a conflict (name taken, closed conversation) stays a conflict however often it is sent. */
const RETRYABLE_STATUSES = new Set([408, 429]);

/** Whether a failed response is worth retrying: `x-should-retry` wins, else 408, 429 and ≥ 500. */
export function isRetryableResponse(status: number, headers: Headers): boolean {
  const override = headers.get("x-should-retry")?.trim().toLowerCase();
  if (override === "true") return true;
  if (override === "false") return false;
  return RETRYABLE_STATUSES.has(status) || status >= 500;
}

/** Methods that never carry an automatic Idempotency-Key. */
const SAFE_METHODS = new Set(["get", "head", "options"]);

/** Every other method gets one, so a retried POST is never applied twice by a server that honours the key. */
export function needsIdempotencyKey(method: string): boolean {
  return !SAFE_METHODS.has(method.toLowerCase());
}

/** A fresh random key ("idem_<uuid>"), generated once per call and reused on every retry. */
export function newIdempotencyKey(): string {
  return `idem_${globalThis.crypto.randomUUID()}`;
}
