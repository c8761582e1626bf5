import { SIGNATURE_HEADER, signatureHeader } from "./signature";

export const API_VERSION = "2026-11-01";

/** Delays before each of the 9 retries: 1 min … about 8 h, 24 h in total (the spec's schedule). */
export const DEFAULT_RETRY_DELAYS_MS = [60, 300, 900, 1_800, 3_600, 7_200, 14_400, 28_800, 29_340].map(
  (s) => s * 1000,
);

export interface WebhookScheduleOptions {
  /** Delays before each retry, in ms (default {@link DEFAULT_RETRY_DELAYS_MS}); its length is the retry count. */
  retryDelaysMs?: number[];
  /** Multiplies every delay, e.g. 0.0001 turns 24 h into under 9 s (default 1). */
  timeScale?: number;
  /** How long one delivery may take before it counts as failed (default 10 000 ms). */
  timeoutMs?: number;
}

/** Where to deliver: a subscription and every secret it currently signs with. */
export interface WebhookTarget {
  id: string;
  url: string;
  events: readonly string[];
  enabled: boolean;
  secrets: readonly string[];
}

export interface WebhookEvent {
  id: string;
  object: "event";
  type: string;
  created_at: string;
  api_version: string;
  data: unknown;
}

export interface DeliveryAttempt {
  attempt: number;
  status: number | null;
  error: string | null;
  at: string;
}

export interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  webhook_id: string;
  url: string;
  /** `cancelled` once the subscription is deleted or disabled: no further attempt is made. */
  state: "pending" | "succeeded" | "failed" | "cancelled";
  attempts: DeliveryAttempt[];
}

/** Events and deliveries kept for `GET /__mock/events` and `/deliveries`; older ones are forgotten. */
export const WEBHOOK_LOG_CAPACITY = 1_000;

/** Appends `item`, dropping the oldest entries beyond `capacity`. */
function pushCapped<T>(log: T[], item: T, capacity: number): void {
  log.push(item);
  if (log.length > capacity) log.splice(0, log.length - capacity);
}

/** Builds events, POSTs them signed to every subscribed endpoint and retries failures on a schedule. */
export class WebhookDispatcher {
  private eventLog: WebhookEvent[] = [];
  private deliveryLog: Delivery[] = [];
  /** Retry timers by delivery id. */
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private counter = 0;

  constructor(
    private readonly targets: () => WebhookTarget[],
    private readonly now: () => Date,
    private readonly initialSchedule: WebhookScheduleOptions = {},
    private readonly capacity = WEBHOOK_LOG_CAPACITY,
  ) {
    this.schedule = initialSchedule;
  }

  private schedule: WebhookScheduleOptions;

  configure(schedule: WebhookScheduleOptions): void {
    const given = Object.entries(schedule).filter(([, value]) => value !== undefined);
    this.schedule = { ...this.schedule, ...Object.fromEntries(given) };
  }

  /** Records an event and starts delivering it to every enabled subscription listening for its type. */
  emit(type: string, data: unknown): WebhookEvent {
    this.counter += 1;
    const event: WebhookEvent = {
      id: `evt_mock${String(this.counter).padStart(6, "0")}`,
      object: "event",
      type,
      created_at: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z"),
      api_version: API_VERSION,
      data,
    };
    pushCapped(this.eventLog, event, this.capacity);
    for (const target of this.targets().filter((t) => t.enabled && t.events.includes(type))) {
      const delivery: Delivery = {
        id: `dlv_${event.id.slice(4)}_${target.id}`,
        event_id: event.id,
        event_type: type,
        webhook_id: target.id,
        url: target.url,
        state: "pending",
        attempts: [],
      };
      pushCapped(this.deliveryLog, delivery, this.capacity);
      void this.attempt(delivery, event);
    }
    return event;
  }

  /** The schedule in effect, in the control endpoints' snake_case. */
  currentSchedule() {
    return {
      retry_delays_ms: this.schedule.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
      time_scale: this.schedule.timeScale ?? 1,
      timeout_ms: this.schedule.timeoutMs ?? 10_000,
    };
  }

  events(): WebhookEvent[] {
    return [...this.eventLog];
  }

  deliveries(): Delivery[] {
    return this.deliveryLog.map((delivery) => ({ ...delivery, attempts: [...delivery.attempts] }));
  }

  /** Resolves once no delivery is in flight or waiting for a retry. */
  settled(): Promise<void> {
    if (this.inFlight === 0 && this.timers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops every pending delivery to a subscription at once (it was deleted), including scheduled retries. */
  cancel(webhookId: string): void {
    for (const delivery of this.deliveryLog) {
      if (delivery.webhook_id !== webhookId || delivery.state !== "pending") continue;
      delivery.state = "cancelled";
      clearTimeout(this.timers.get(delivery.id));
      this.timers.delete(delivery.id);
    }
    this.notifyIfIdle();
  }

  /** Cancels pending retries, forgets events and deliveries and restores the initial schedule. */
  reset(): void {
    this.schedule = this.initialSchedule;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.eventLog = [];
    this.deliveryLog = [];
    this.counter = 0;
    this.notifyIfIdle();
  }

  /** The subscription as it is now (looked up before every attempt), or undefined once it is gone or disabled. */
  private currentTarget(delivery: Delivery): WebhookTarget | undefined {
    return this.targets().find((target) => target.id === delivery.webhook_id && target.enabled);
  }

  private async attempt(delivery: Delivery, event: WebhookEvent): Promise<void> {
    const target = this.currentTarget(delivery);
    if (delivery.state !== "pending" || !target) {
      if (delivery.state === "pending") delivery.state = "cancelled";
      this.notifyIfIdle();
      return;
    }
    this.inFlight += 1;
    const body = JSON.stringify(event);
    const timestamp = Math.floor(this.now().getTime() / 1000);
    const record: DeliveryAttempt = {
      attempt: delivery.attempts.length + 1,
      status: null,
      error: null,
      at: this.now().toISOString(),
    };
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "Embott-Webhooks/1.0 (mock)",
          [SIGNATURE_HEADER]: signatureHeader(target.secrets, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.schedule.timeoutMs ?? 10_000),
      });
      record.status = response.status;
      await response.body?.cancel();
    } catch (thrown) {
      record.error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    delivery.attempts.push(record);
    this.inFlight -= 1;
    this.afterAttempt(delivery, event, record);
  }

  private afterAttempt(delivery: Delivery, event: WebhookEvent, record: DeliveryAttempt) {
    const delays = this.schedule.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const retryDelay = delays[delivery.attempts.length - 1];
    if (delivery.state !== "pending") {
      // Cancelled (or reset) while the attempt was in flight.
    } else if (record.status !== null && record.status >= 200 && record.status < 300) {
      delivery.state = "succeeded";
    } else if (retryDelay === undefined || !this.deliveryLog.includes(delivery)) {
      delivery.state = "failed";
    } else {
      const timer = setTimeout(
        () => {
          this.timers.delete(delivery.id);
          void this.attempt(delivery, event);
        },
        retryDelay * (this.schedule.timeScale ?? 1),
      );
      timer.unref();
      this.timers.set(delivery.id, timer);
    }
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if (this.inFlight > 0 || this.timers.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
