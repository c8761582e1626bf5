import type { RequestHandler } from "msw";
import type { MockContext } from "./context";
import { controlHandlers } from "./control/handlers";
import { FaultQueue } from "./faults/fault-queue";
import { headHandler } from "./handlers/head";
import { apiHandlers } from "./handlers/index";
import { RequestIdSequence, RequestLog } from "./log/request-log";
import { IdempotencyCache } from "./policies/idempotency";
import { KeyRegistry } from "./policies/keys";
import { RateLimiter, type RateLimitOptions } from "./policies/rate-limit";
import { seedFromSpec } from "./store/seed";
import { MockStore } from "./store/store";
import { WebhookDispatcher, type WebhookScheduleOptions } from "./webhooks/dispatcher";
import { type RotatedSecret, rotateSecret, signingSecrets } from "./webhooks/rotation";

export interface MockOptions {
  /** Extra API keys and their scopes, on top of the fixture keys. */
  keys?: Record<string, readonly string[]>;
  /** Per-key rate limit (default 600 requests per 60 s). */
  rateLimit?: RateLimitOptions;
  /** Webhook retry schedule; `timeScale` compresses the 24 h of retries for tests. */
  webhookSchedule?: WebhookScheduleOptions;
  /** Runs after the spec's seed on creation and every reset, to add or change records. */
  seed?: (store: MockStore) => void;
  /** Clock for timestamps and rate-limit windows (default: the real clock). */
  now?: () => Date;
}

export interface EmbottMock extends MockContext {
  /** msw handlers: the API under `*\/v1`, the control endpoints under `*\/__mock`. */
  handlers: RequestHandler[];
  /** Restores the seed and clears faults, the request log, idempotency keys, rate windows and webhooks. */
  reset(): void;
  /** Gives a subscription a new signing secret; the old one keeps signing for `gracePeriodMs` (default 24 h). */
  rotateWebhookSecret(webhookId: string, options?: { gracePeriodMs?: number }): RotatedSecret;
}

/** Builds one independent mock: state, policies and msw handlers. */
export function createMock(options: MockOptions = {}): EmbottMock {
  const now = options.now ?? (() => new Date());
  const store = new MockStore((target) => {
    seedFromSpec(target);
    options.seed?.(target);
  });
  const webhooks = new WebhookDispatcher(
    () =>
      store.webhooks.all().map((subscription) => ({
        id: subscription.id,
        url: subscription.url,
        events: subscription.events,
        enabled: subscription.status === "enabled",
        secrets: signingSecrets(subscription, now().getTime()),
      })),
    now,
    options.webhookSchedule,
  );
  const context: MockContext = {
    store,
    keys: new KeyRegistry(options.keys),
    rateLimiter: new RateLimiter(options.rateLimit, () => now().getTime()),
    idempotency: new IdempotencyCache(() => now().getTime()),
    faults: new FaultQueue(),
    requests: new RequestLog(),
    requestIds: new RequestIdSequence(),
    webhooks,
    now,
  };
  const reset = () => {
    store.reset();
    context.keys.reset();
    context.rateLimiter.reset();
    context.idempotency.reset();
    context.faults.clear();
    context.requests.clear();
    context.requestIds.reset();
    webhooks.reset();
  };
  const routes = [...controlHandlers(context, reset), ...apiHandlers(context)];
  return {
    ...context,
    handlers: [headHandler(routes), ...routes],
    reset,
    rotateWebhookSecret: (webhookId, rotation) => rotateSecret(context, webhookId, rotation?.gracePeriodMs),
  };
}
