import type { FaultQueue } from "./faults/fault-queue";
import type { RequestIdSequence, RequestLog } from "./log/request-log";
import type { IdempotencyCache } from "./policies/idempotency";
import type { KeyRegistry } from "./policies/keys";
import type { RateLimiter } from "./policies/rate-limit";
import type { MockStore } from "./store/store";
import type { WebhookDispatcher } from "./webhooks/dispatcher";

/** Everything a handler or policy may read or change; one per mock instance. */
export interface MockContext {
  store: MockStore;
  keys: KeyRegistry;
  rateLimiter: RateLimiter;
  idempotency: IdempotencyCache;
  faults: FaultQueue;
  requests: RequestLog;
  requestIds: RequestIdSequence;
  webhooks: WebhookDispatcher;
  /** Current time; injectable so tests control timestamps. */
  now: () => Date;
}
