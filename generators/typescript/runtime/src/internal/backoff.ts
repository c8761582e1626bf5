const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
const MAX_JITTER = 0.25;
/** A server-requested wait is stretched by up to 10% so clients told the same Retry-After do not return at once. */
const SERVER_WAIT_JITTER = 0.1;

/**
 * Exponential backoff for the `retryIndex`-th retry (0 = first): min(0.5 s·2^n, 8 s) × (1 − 0.25·random).
 * `random` is in [0, 1), so the first wait is always between 375 and 500 ms, never 0.
 */
export function backoffDelayMs(retryIndex: number, random: number): number {
  const base = Math.min(INITIAL_DELAY_MS * 2 ** retryIndex, MAX_DELAY_MS);
  return base * (1 - MAX_JITTER * random);
}

/**
 * The wait the server asked for, in ms: `retry-after-ms`, else `Retry-After` as seconds (fractions allowed) or
 * an HTTP-date (relative to `nowMs`). Undefined when absent, unparsable or not in the future.
 */
export function serverRetryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const ms = parseNonNegativeNumber(headers.get("retry-after-ms"));
  if (ms !== undefined) return ms;
  const retryAfter = headers.get("retry-after")?.trim();
  if (!retryAfter) return undefined;
  const seconds = parseNonNegativeNumber(retryAfter);
  if (seconds !== undefined) return seconds * 1000;
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  const wait = date - nowMs;
  return wait > 0 ? wait : undefined;
}

export interface RetryDelayInput {
  retryIndex: number;
  headers: Headers | undefined;
  maxRetryAfterMs: number;
  random: number;
  nowMs: number;
}

/**
 * How long to wait before the next retry: the server's wait when it is positive and within the cap, stretched by
 * up to 10% (× (1 + 0.1·random), never shorter than asked), else our backoff. Undefined when the server asked for more than `maxRetryAfterMs`: the caller gives up at once rather
 * than retry early (bound to fail and burn rate limit) or sleep unbounded.
 */
export function retryDelayMs(input: RetryDelayInput): number | undefined {
  const requested = input.headers ? serverRetryAfterMs(input.headers, input.nowMs) : undefined;
  if (requested !== undefined && requested > input.maxRetryAfterMs) return undefined;
  if (requested !== undefined && requested > 0) return requested * (1 + SERVER_WAIT_JITTER * input.random);
  return backoffDelayMs(input.retryIndex, input.random);
}

function parseNonNegativeNumber(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}
