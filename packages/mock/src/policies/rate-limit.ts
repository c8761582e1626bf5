import { ApiError } from "./errors";

export interface RateLimitOptions {
  /** Requests allowed per key in each window (default 600). */
  limit?: number;
  /** Window length in milliseconds (default 60 000). */
  windowMs?: number;
}

interface Window {
  startedAt: number;
  count: number;
}

/** Fixed-window request counter per API key. */
export class RateLimiter {
  limit: number;
  windowMs: number;
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly initial: RateLimitOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limit = initial.limit ?? 600;
    this.windowMs = initial.windowMs ?? 60_000;
  }

  configure(options: RateLimitOptions): void {
    if (options.limit !== undefined) this.limit = options.limit;
    if (options.windowMs !== undefined) this.windowMs = options.windowMs;
    this.windows.clear();
  }

  /** Forgets every window and restores the limit the limiter was created with. */
  reset(): void {
    this.limit = this.initial.limit ?? 600;
    this.windowMs = this.initial.windowMs ?? 60_000;
    this.windows.clear();
  }

  /** `X-RateLimit-*` of a spent window that resets in `retryAfterSeconds` (for an injected 429). */
  exhaustedHeaders(retryAfterSeconds: number): Record<string, string> {
    return {
      "X-RateLimit-Limit": String(this.limit),
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": String(Math.ceil(this.now() / 1000) + retryAfterSeconds),
    };
  }

  /** Counts one request; returns the `X-RateLimit-*` headers, or throws a 429 once the window is spent. */
  consume(key: string): Record<string, string> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    const resetAtMs = window.startedAt + this.windowMs;
    const headers = {
      "X-RateLimit-Limit": String(this.limit),
      "X-RateLimit-Remaining": String(Math.max(0, this.limit - window.count - 1)),
      "X-RateLimit-Reset": String(Math.ceil(resetAtMs / 1000)),
    };
    if (window.count >= this.limit) {
      const retryAfter = Math.max(1, Math.ceil((resetAtMs - now) / 1000));
      throw new ApiError({
        status: 429,
        code: "rate_limit_exceeded",
        message: `Rate limit of ${this.limit} requests per ${this.windowMs / 1000}s exceeded; retry in ${retryAfter}s.`,
        headers: { ...headers, "X-RateLimit-Remaining": "0", "Retry-After": String(retryAfter) },
      });
    }
    window.count += 1;
    return headers;
  }
}
