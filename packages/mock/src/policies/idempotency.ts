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
  private readonly entries = new Map<string, Entry>();

  reset(): void {
    this.entries.clear();
  }

  /**
   * Runs `produce` once per key; later calls with the same body replay the stored response (with
   * `Idempotent-Replayed: true`), a different body gets 409 `idempotency_error`.
   */
  async run(scope: string, key: string, request: Request, body: string, produce: () => Promise<Response>) {
    const fingerprint = createHash("sha256")
      .update(`${request.method} ${new URL(request.url).pathname}\n${body}`)
      .digest("hex");
    const cacheKey = `${scope}\u0000${key}`;
    const existing = this.entries.get(cacheKey);
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
    this.entries.set(cacheKey, { fingerprint, snapshot });
    snapshot.catch(() => this.entries.delete(cacheKey));
    return response;
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
