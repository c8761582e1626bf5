import { describe, expect, it } from "vitest";
import { InternalServerError, RateLimitError } from "../src/index";
import { API_BASE_URL, FIXTURE_KEYS, RecordingEmbott, rejectionOf, useMockApi } from "./support/mock-api";

const api = useMockApi();

describe("retries", () => {
  it("retries injected 500s with exponential backoff and succeeds", async () => {
    api.mock.faults.add({ method: "GET", path: "/bots", status: 500, times: 2 });
    const client = api.client();
    const page = await client.bots.list();
    expect(page.data.length).toBeGreaterThan(0);
    const attempts = api.mock.requests.list({ operationId: "listBots" });
    expect(attempts.map((entry) => entry.status)).toEqual([500, 500, 200]);
    expect(client.sleeps).toHaveLength(2);
    expect(client.sleeps[0]).toBeGreaterThan(0);
    expect(client.sleeps[1]!).toBeGreaterThan(client.sleeps[0]! * 1.4);
  });

  it("retries injected 503s, waiting the Retry-After they carry", async () => {
    api.mock.faults.add({ method: "GET", path: "/bots", status: 503, times: 2 });
    const client = api.client();
    await client.bots.list();
    const attempts = api.mock.requests.list({ operationId: "listBots" });
    expect(attempts.map((entry) => entry.status)).toEqual([503, 503, 200]);
    expect(client.sleeps).toHaveLength(2);
    for (const wait of client.sleeps) {
      expect(wait).toBeGreaterThanOrEqual(1000); // never sooner than asked
      expect(wait).toBeLessThan(1100); // up to +10 % jitter
    }
  });

  it("gives up at once when Retry-After exceeds maxRetryAfter, saying when to retry", async () => {
    api.mock.faults.add({ method: "GET", path: "/bots", status: 429, retryAfter: 3600, times: 3 });
    const client = api.client();
    const error = await rejectionOf(() => client.bots.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).rateLimit?.retryAfter).toBe(3600);
    expect((error as Error).message).toMatch(
      /asked to wait 3600 s \(until .*\), longer than maxRetryAfter \(60 s\)/,
    );
    expect(api.mock.requests.list({ operationId: "listBots" })).toHaveLength(1);
    expect(client.sleeps).toEqual([]);
  });

  it("gives up after maxRetries with the last error", async () => {
    api.mock.faults.add({ method: "GET", path: "/bots", status: 503, times: 5 });
    const client = api.client({ maxRetries: 1 });
    const error = await rejectionOf(() => client.bots.list());
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(503);
    expect(api.mock.requests.list({ operationId: "listBots" })).toHaveLength(2);
  });

  it("waits the server's Retry-After on 429, plus at most 10 % jitter", async () => {
    api.mock.faults.add({ method: "GET", path: "/bots/*", status: 429, retryAfter: 3 });
    const client = api.client();
    const bot = await client.bots.get({ botId: (await client.bots.list()).data[0]!.id });
    expect(bot.object).toBe("bot");
    expect(client.sleeps).toHaveLength(1);
    expect(client.sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(client.sleeps[0]).toBeLessThan(3300);
  });

  it("exposes rate-limit headers on a RateLimitError when retries are exhausted", async () => {
    api.mock.faults.add({ method: "GET", path: "/bots", status: 429, retryAfter: 1, times: 3 });
    const error = await rejectionOf(() => api.client({ maxRetries: 0 }).bots.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).rateLimit?.retryAfter).toBe(1);
  });

  it("retries a dropped connection", async () => {
    api.mock.faults.add({ method: "GET", path: "/webhooks", drop: true });
    const client = api.client();
    const page = await client.webhooks.list();
    expect(page.data).toBeDefined();
    expect(client.sleeps).toHaveLength(1);
  });

  it("creates exactly one resource when the connection drops after the server handled a POST", async () => {
    const before = api.mock.store.bots.all().length;
    let calls = 0;
    // The first response is lost on the way back: the server created the bot, the client sees a network error.
    const flakyFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      calls += 1;
      if (calls === 1) throw new TypeError("fetch failed: socket hang up");
      return response;
    };
    const client = new RecordingEmbott({
      apiKey: FIXTURE_KEYS.admin,
      baseURL: API_BASE_URL,
      fetch: flakyFetch,
    });
    const bot = await client.bots.create({ name: "Created once" });
    const attempts = api.mock.requests.list({ operationId: "createBot" });
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.idempotency_key).toBeTruthy();
    expect(attempts[1]?.idempotency_key).toBe(attempts[0]?.idempotency_key);
    expect(api.mock.store.bots.all()).toHaveLength(before + 1);
    expect(api.mock.store.bots.get(bot.id)?.name).toBe("Created once");
  });

  it("sends the caller's idempotency key when one is given", async () => {
    await api.client().bots.create({ name: "Keyed" }, { idempotencyKey: "order-42" });
    expect(api.mock.requests.list({ operationId: "createBot" })[0]?.idempotency_key).toBe("order-42");
  });
});
