import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APIConnectionError, InternalServerError, RateLimitError } from "../src/core/error";
import { backoffDelayMs, retryDelayMs, serverRetryAfterMs } from "../src/internal/backoff";
import { Embott } from "./helpers/embott-fixture";
import { apiError, dropConnection, json, TestServer } from "./helpers/test-server";

const BOT = { id: "bot_1", object: "bot", name: "Support" };
const NOW = Date.parse("2027-01-01T00:00:00Z");

describe("backoff", () => {
  it("never waits 0 s before the first retry (the anthropic-ruby/php 0.5·n² bug)", () => {
    expect(backoffDelayMs(0, 0)).toBe(500);
    expect(backoffDelayMs(0, 0.999)).toBeGreaterThan(375);
  });

  it("doubles and caps at 8 s with up to 25 % jitter", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelayMs(10, 1)).toBe(6000);
  });
});

describe("server-requested waits", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("prefers retry-after-ms, then Retry-After seconds", () => {
    expect(serverRetryAfterMs(headers({ "retry-after-ms": "1500", "retry-after": "9" }), NOW)).toBe(1500);
    expect(serverRetryAfterMs(headers({ "retry-after": "3" }), NOW)).toBe(3000);
  });

  it("keeps fractional seconds (the ruby .to_i and php truncation bugs)", () => {
    expect(serverRetryAfterMs(headers({ "retry-after": "0.25" }), NOW)).toBe(250);
  });

  it("reads an HTTP-date as a wait into the future (the anthropic-php sign bug)", () => {
    const inTwelve = new Date(NOW + 12_000).toUTCString();
    expect(serverRetryAfterMs(headers({ "retry-after": inTwelve }), NOW)).toBe(12_000);
    const past = new Date(NOW - 12_000).toUTCString();
    expect(serverRetryAfterMs(headers({ "retry-after": past }), NOW)).toBeUndefined();
  });

  it("ignores garbage", () => {
    expect(serverRetryAfterMs(headers({ "retry-after": "soon" }), NOW)).toBeUndefined();
    expect(serverRetryAfterMs(headers({ "retry-after": "-4" }), NOW)).toBeUndefined();
  });

  it("uses the server's wait within the cap, and none (give up) above it", () => {
    const input = { retryIndex: 0, maxRetryAfterMs: 60_000, random: 0, nowMs: NOW };
    expect(retryDelayMs({ ...input, headers: headers({ "retry-after": "60" }) })).toBe(60_000);
    expect(retryDelayMs({ ...input, random: 0.5, headers: headers({ "retry-after": "2" }) })).toBe(2100);
    expect(retryDelayMs({ ...input, headers: headers({ "retry-after": "0" }) })).toBe(500);
    expect(retryDelayMs({ ...input, headers: headers({ "retry-after": "3600" }) })).toBeUndefined();
  });
});

describe("retry loop against a real server", () => {
  let server: TestServer;
  let client: Embott;

  beforeEach(async () => {
    server = await TestServer.start();
    client = new Embott({ baseURL: server.url });
  });
  afterEach(() => server.close());

  it("retries a 500 and reuses one Idempotency-Key, counting attempts in X-Embott-Retry-Count", async () => {
    server.enqueue(apiError(500, "api_error", "boom"), apiError(503, "api_error", "busy"), json(200, BOT));
    const bot = await client.bots.create({ name: "Support" });
    expect(bot).toEqual(BOT);
    const keys = server.requests.map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^idem_[0-9a-f-]{36}$/);
    expect(server.requests.map((request) => request.headers["x-embott-retry-count"])).toEqual([
      "0",
      "1",
      "2",
    ]);
    expect(client.sleeps).toEqual([437.5, 875]); // jitter 0.5: × (1 − 0.125)
  });

  it("uses a fresh key per call and the caller's key when given", async () => {
    server.enqueue(json(200, BOT));
    await client.bots.create({ name: "a" });
    await client.bots.create({ name: "b" });
    await client.bots.create({ name: "c" }, { idempotencyKey: "my-key" });
    const keys = server.requests.map((request) => request.headers["idempotency-key"]);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe("my-key");
  });

  it("sends an Idempotency-Key on every non-GET/HEAD/OPTIONS request, and none on those", async () => {
    server.enqueue(json(200, BOT));
    for (const method of ["get", "head", "options", "post", "put", "patch", "delete"] as const) {
      await client.request({ method, path: "/ping" });
    }
    // Older generated code passed `idempotent: false` for POSTs without a declared key; they are retried too.
    await client.request({ method: "post", path: "/ping", body: {}, ...{ idempotent: false } });
    const keys = server.requests.map((request) => request.headers["idempotency-key"]);
    expect(keys.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    for (const key of keys.slice(3)) expect(key).toMatch(/^idem_/);
  });

  it("stops after maxRetries (default 2) and says so in the error", async () => {
    server.enqueue(apiError(500, "api_error", "still broken"));
    const error = await client.bots.get({ botId: "bot_1" }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toContain("after 2 retries");
    expect(server.requests).toHaveLength(3);
  });

  it("honours a per-request maxRetries", async () => {
    server.enqueue(apiError(500, "api_error", "boom"));
    await expect(client.bots.get({ botId: "bot_1" }, { maxRetries: 0 })).rejects.toThrow(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it.each([408, 429, 502])("retries status %i", async (status) => {
    server.enqueue(apiError(status, "api_error", "retry me"), json(200, BOT));
    await expect(client.bots.get({ botId: "bot_1" })).resolves.toEqual(BOT);
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 422])("does not retry status %i", async (status) => {
    server.enqueue(apiError(status, "invalid_request_error", "no"), json(200, BOT));
    await expect(client.bots.get({ botId: "bot_1" })).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it("lets x-should-retry override the status rule both ways", async () => {
    server.enqueue(apiError(500, "api_error", "final", { "x-should-retry": "false" }));
    await expect(client.bots.get({ botId: "bot_1" })).rejects.toThrow(InternalServerError);
    expect(server.requests).toHaveLength(1);
    server.enqueue(
      apiError(400, "invalid_request_error", "try again", { "x-should-retry": "true" }),
      json(200, BOT),
    );
    await expect(client.bots.get({ botId: "bot_1" })).resolves.toEqual(BOT);
    expect(server.requests).toHaveLength(3);
  });

  it("waits what a 429 asks for, within the cap, stretched by a little jitter (never less)", async () => {
    server.enqueue(apiError(429, "rate_limit_error", "slow down", { "retry-after": "2" }), json(200, BOT));
    await client.bots.get({ botId: "bot_1" });
    expect(client.sleeps).toEqual([2100]); // jitter 0.5 → 2 s × 1.05
  });

  it("spreads 30 clients told the same Retry-After over 10% of the wait instead of one instant", () => {
    const waits = Array.from({ length: 30 }, () =>
      retryDelayMs({
        retryIndex: 0,
        headers: new Headers({ "retry-after": "30" }),
        maxRetryAfterMs: 60_000,
        random: Math.random(),
        nowMs: NOW,
      }),
    ) as number[];
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(30_000);
    expect(Math.max(...waits)).toBeLessThan(33_000);
    expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThan(500);
  });

  it("puts the Idempotency-Key it sent on the thrown error, for an application-level retry", async () => {
    server.enqueue(apiError(503, "api_error", "lost"));
    const error = (await client.bots
      .create({ name: "Support" }, { maxRetries: 1 })
      .catch((e: unknown) => e)) as InternalServerError;
    const sent = server.requests.map((request) => request.headers["idempotency-key"]);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^idem_/);
    expect(sent[1]).toBe(sent[0]);
    expect(error.idempotencyKey).toBe(sent[0]);
    server.enqueue(dropConnection());
    const dropped = (await client.bots
      .create({ name: "Support" }, { maxRetries: 0, idempotencyKey: "mine_1" })
      .catch((e: unknown) => e)) as APIConnectionError;
    expect(dropped).toBeInstanceOf(APIConnectionError);
    expect(dropped.idempotencyKey).toBe("mine_1");
    server.enqueue(apiError(404, "not_found_error", "no"));
    const notFound = (await client.bots.get({ botId: "x" }).catch((e: unknown) => e)) as APIConnectionError;
    expect(notFound.idempotencyKey).toBeUndefined();
  });

  it("gives up at once, saying when to retry, when Retry-After exceeds maxRetryAfter", async () => {
    server.enqueue(apiError(429, "rate_limit_error", "slow down", { "retry-after": "3600" }), json(200, BOT));
    const error = (await client.bots.get({ botId: "bot_1" }).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
    expect(client.sleeps).toEqual([]);
    expect(error.rateLimit?.retryAfter).toBe(3600);
    expect(error.message).toContain(
      "The server asked to wait 3600 s (until 2027-01-01T01:00:00.000Z), longer than maxRetryAfter (60 s), " +
        "so the request was not retried: retry after that time or raise maxRetryAfter.",
    );
  });

  it("applies the cap to every form of the wait and to 5xx too (retry-after-ms, HTTP-date)", async () => {
    client = new Embott({ baseURL: server.url, maxRetryAfter: 1000 });
    const inTwoMinutes = new Date(client.clock + 120_000).toUTCString();
    server.enqueue(
      apiError(503, "api_error", "busy", { "retry-after": "0.5" }),
      apiError(503, "api_error", "down", { "retry-after": inTwoMinutes }),
    );
    const error = (await client.bots.get({ botId: "bot_1" }).catch((e: unknown) => e)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(client.sleeps).toEqual([525]); // 0.5 s asked, × 1.05 jitter
    expect(error.rateLimit?.retryAfter).toBe(120);
    expect(error.message).toMatch(/wait 120 s .*maxRetryAfter \(1 s\), so the request was not retried again/);
    server.enqueue(apiError(429, "rate_limit_error", "slow", { "retry-after-ms": "1500" }), json(200, BOT));
    await expect(client.bots.get({ botId: "bot_1" })).rejects.toMatchObject({
      rateLimit: { retryAfter: 1.5 },
    });
  });

  it("exposes rate-limit headers on the final error", async () => {
    const limits = {
      "retry-after": "7",
      "x-ratelimit-limit": "600",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": "1798761660",
    };
    server.enqueue(apiError(429, "rate_limit_error", "slow down", limits));
    const error = (await client.bots
      .get({ botId: "bot_1" }, { maxRetries: 0 })
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.rateLimit).toEqual({ limit: 600, remaining: 0, reset: 1798761660, retryAfter: 7 });
    expect(error.message).toContain("Retry after 7 s or lower your request rate");
  });

  it("retries dropped connections and then reports a connection error", async () => {
    server.enqueue(dropConnection(), json(200, BOT));
    await expect(client.bots.get({ botId: "bot_1" })).resolves.toEqual(BOT);
    server.enqueue(dropConnection());
    await expect(client.bots.get({ botId: "bot_1" })).rejects.toThrow(APIConnectionError);
    expect(server.requests).toHaveLength(5);
  });
});
