import type { RetryPolicy } from "../core/options";

/**
 * The policy when the generated client names none. 409 is not retried: a conflict (name taken, closed
 * conversation) stays a conflict however often it is sent.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  statuses: [408, 429],
  minServerErrorStatus: 500,
};

/** Whether a failed response is worth retrying: `x-should-retry` wins, else the policy's statuses. */
export function isRetryableResponse(
  status: number,
  headers: Headers,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): boolean {
  const override = headers.get("x-should-retry")?.trim().toLowerCase();
  if (override === "true") return true;
  if (override === "false") return false;
  return policy.statuses.includes(status) || status >= policy.minServerErrorStatus;
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
