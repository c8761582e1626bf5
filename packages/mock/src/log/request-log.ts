/** One request the mock received, as `GET /__mock/requests` returns it. */
export interface RequestLogEntry {
  request_id: string;
  method: string;
  /** Path without query, e.g. `/v1/bots/bot_123`. */
  path: string;
  query: Record<string, string>;
  operation_id: string | null;
  /** Masked API key, or null when none was sent. */
  api_key: string | null;
  idempotency_key: string | null;
  body: unknown;
  /** Response status; 0 for a dropped connection. */
  status: number;
  /** The injected fault that shaped the response, if any. */
  fault: "status" | "drop" | "delay" | null;
  received_at: string;
}

export interface RequestLogFilter {
  method?: string;
  path?: string;
  operationId?: string;
}

/** Deterministic request ids: `req_` plus a zero-padded counter that restarts on reset. */
export class RequestIdSequence {
  private counter = 0;

  next(): string {
    this.counter += 1;
    return `req_${String(this.counter).padStart(12, "0")}`;
  }

  reset(): void {
    this.counter = 0;
  }
}

/** Every request handled, oldest first (bounded so a long-running server stays small). */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly capacity = 10_000) {}

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(filter: RequestLogFilter = {}): RequestLogEntry[] {
    return this.entries.filter(
      (entry) =>
        (!filter.method || entry.method === filter.method.toUpperCase()) &&
        (!filter.path || entry.path === filter.path) &&
        (!filter.operationId || entry.operation_id === filter.operationId),
    );
  }

  clear(): void {
    this.entries = [];
  }
}
