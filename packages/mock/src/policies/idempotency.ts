import { createHash } from "node:crypto";
import { ApiError } from "./errors";

interface Snapshot {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

interface Entry {
  fingerprint: string;
  snapshot: Promise<Snapshot>;
  /** When the key was first used (mock clock, ms); the entry expires {@link IDEMPOTENCY_TTL_MS} later. */
  storedAt: number;
}

/** Keys are kept for 24 hours (the spec's `IdempotencyKey` parameter). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** At most this many keys are remembered; beyond it the oldest are forgotten (a long soak stays small). */
export const IDEMPOTENCY_MAX_KEYS = 10_000;
/** Expired keys are swept at most this often (mock clock), not only when looked up again. */
const SWEEP_INTERVAL_MS = 60_000;

/** JSON with object keys sorted at every depth, so formatting and key order do not change a fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Method, path and the body as canonical JSON (raw text when it is not JSON). */
function fingerprintOf(request: Request, body: string): string {
  let canonical = body;
  try {
    canonical = body.trim() === "" ? "" : canonicalJson(JSON.parse(body));
  } catch {
    // Not JSON: validation has rejected it already, keep the raw text.
  }
  return createHash("sha256")
    .update(`${request.method} ${new URL(request.url).pathname}\n${canonical}`)
    .digest("hex");
}

/** Headers that describe one delivery rather than the stored result; never replayed. */
const PER_REQUEST_HEADERS = new Set([
  "x-request-id",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
]);

/** Remembers the first response for each (API key, Idempotency-Key) pair and replays it. */
export class IdempotencyCache {
  /** In insertion order, which is also `storedAt` order: the oldest entries come first. */
  private readonly entries = new Map<string, Entry>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    /** The mock's clock in ms, so tests can let keys expire. */
    private readonly now: () => number = Date.now,
    private readonly ttlMs = IDEMPOTENCY_TTL_MS,
    private readonly maxKeys = IDEMPOTENCY_MAX_KEYS,
  ) {}

  /** Keys currently remembered. */
  get size(): number {
    return this.entries.size;
  }

  reset(): void {
    this.entries.clear();
  }

  /**
   * Runs `produce` once per key; later calls with the same body replay the stored response (with
   * `Idempotent-Replayed: true`), a different body gets 409 `idempotency_error`.
   */
  async run(scope: string, key: string, request: Request, body: string, produce: () => Promise<Response>) {
    const fingerprint = fingerprintOf(request, body);
    const cacheKey = `${scope}\u0000${key}`;
    const existing = this.live(cacheKey);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        throw new ApiError({
          status: 409,
          type: "idempotency_error",
          code: "idempotency_key_reused",
          message: `Idempotency-Key '${key}' was already used with a different request.`,
          param: "Idempotency-Key",
        });
      }
      return replay(await existing.snapshot);
    }
    const response = produce();
    const snapshot = response.then(takeSnapshot);
    this.entries.set(cacheKey, { fingerprint, snapshot, storedAt: this.now() });
    this.sweep();
    snapshot.catch(() => this.entries.delete(cacheKey));
    return response;
  }

  /** Drops expired keys (oldest first, stopping at the first live one) and the oldest beyond `maxKeys`. */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep >= SWEEP_INTERVAL_MS) {
      this.lastSweep = now;
      for (const [cacheKey, entry] of this.entries) {
        if (now - entry.storedAt < this.ttlMs) break;
        this.entries.delete(cacheKey);
      }
    }
    for (const cacheKey of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) break;
      this.entries.delete(cacheKey);
    }
  }

  /** The entry of a key unless it has expired (expired entries are dropped). */
  private live(cacheKey: string): Entry | undefined {
    const entry = this.entries.get(cacheKey);
    if (entry && this.now() - entry.storedAt >= this.ttlMs) {
      this.entries.delete(cacheKey);
      return undefined;
    }
    return entry;
  }
}

async function takeSnapshot(response: Response): Promise<Snapshot> {
  const headers = [...response.headers].filter(([name]) => !PER_REQUEST_HEADERS.has(name.toLowerCase()));
  return { status: response.status, headers, body: await response.clone().arrayBuffer() };
}

function replay(snapshot: Snapshot): Response {
  const headers = new Headers(snapshot.headers);
  headers.set("Idempotent-Replayed", "true");
  return new Response(snapshot.body.slice(0), { status: snapshot.status, headers });
}
