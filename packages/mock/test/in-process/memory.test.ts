import { describe, expect, it } from "vitest";
import { RequestLog } from "../../src/log/request-log";
import { IDEMPOTENCY_TTL_MS, IdempotencyCache } from "../../src/policies/idempotency";
import { WebhookDispatcher } from "../../src/webhooks/dispatcher";

const post = (body: string) => new Request("https://api.embott.com/v1/bots", { method: "POST", body });
const answer = () => Promise.resolve(new Response("{}", { status: 201 }));

describe("the mock's memory is bounded on a long run", () => {
  it("forgets the oldest idempotency keys beyond the cap", async () => {
    const cache = new IdempotencyCache(() => 0, IDEMPOTENCY_TTL_MS, 100);
    for (let index = 0; index < 250; index++)
      await cache.run("key", `idem_${index}`, post("{}"), "{}", answer);
    expect(cache.size).toBe(100);
    // The newest are still replayed; the oldest would run again.
    const replayed = await cache.run("key", "idem_249", post("{}"), "{}", answer);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
  });

  it("sweeps expired keys without waiting for them to be looked up again", async () => {
    let clock = 0;
    const cache = new IdempotencyCache(() => clock, 1_000);
    for (let index = 0; index < 50; index++) await cache.run("key", `old_${index}`, post("{}"), "{}", answer);
    expect(cache.size).toBe(50);
    clock = 120_000; // every key expired and a sweep is due
    await cache.run("key", "fresh", post("{}"), "{}", answer);
    expect(cache.size).toBe(1);
  });

  it("keeps at most the capacity of webhook events and deliveries", () => {
    const target = {
      id: "wh_1",
      url: "http://127.0.0.1:9/none",
      enabled: false,
      events: ["bot.created"],
      secrets: ["s"],
    };
    const dispatcher = new WebhookDispatcher(
      () => [target],
      () => new Date(0),
      {},
      50,
    );
    for (let index = 0; index < 120; index++) dispatcher.emit("bot.created", { index });
    const events = dispatcher.events();
    expect(events).toHaveLength(50);
    expect(events.at(-1)?.data).toEqual({ index: 119 });
  });

  it("keeps at most the capacity of logged requests", () => {
    const log = new RequestLog(20);
    for (let index = 0; index < 45; index++) {
      log.record({
        request_id: `req_${index}`,
        method: "GET",
        path: "/v1/bots",
        query: {},
        operation_id: "listBots",
        api_key: null,
        idempotency_key: null,
        body: null,
        status: 200,
        fault: null,
        received_at: "2027-01-01T00:00:00Z",
      });
    }
    expect(log.list().map((entry) => entry.request_id)).toEqual(
      Array.from({ length: 20 }, (_, index) => `req_${index + 25}`),
    );
  });
});
