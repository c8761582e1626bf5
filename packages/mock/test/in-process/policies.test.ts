import { describe, expect, it } from "vitest";
import type { Schemas } from "../../src/store/types";
import { call, json, useMock } from "../support/in-process";

let clock = Date.parse("2026-11-21T10:00:00Z");

describe("request ids, rate limits and idempotency", () => {
  const { mock } = useMock({ rateLimit: { limit: 3 }, now: () => new Date(clock) });

  it("puts a distinct X-Request-Id on every response, errors included", async () => {
    const ids = [
      await call("GET", "/bots"),
      await call("GET", "/bots/bot_nope1"),
      await call("GET", "/bots", { key: null }),
    ].map((response) => response.headers.get("x-request-id"));
    expect(ids.every((id) => /^req_[A-Za-z0-9]+$/.test(id ?? ""))).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });

  it("answers 429 with Retry-After and X-RateLimit-* once a key spends its window", async () => {
    for (let index = 0; index < 3; index++) expect((await call("GET", "/bots")).status).toBe(200);
    const limited = await call("GET", "/bots");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(limited.headers.get("x-ratelimit-limit")).toBe("3");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("x-ratelimit-reset"))).toBe(Math.ceil((clock + 60_000) / 1000));
    expect((await call("GET", "/bots", { key: "pk_test_default_0001" })).status).toBe(200);
    clock += 60_000;
    expect((await call("GET", "/bots")).status).toBe(200);
  });

  it("replays the first response for the same Idempotency-Key and body, creating nothing new", async () => {
    const options = { body: { name: "Once" }, headers: { "idempotency-key": "key-1" } };
    const first = await call("POST", "/bots", options);
    const replay = await call("POST", "/bots", options);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await json<Schemas["Bot"]>(replay)).toEqual(await json<Schemas["Bot"]>(first));
    expect(mock.store.bots.all().filter((bot) => bot.name === "Once")).toHaveLength(1);
  });

  it("rejects the same Idempotency-Key with another body", async () => {
    await call("POST", "/bots", { body: { name: "First" }, headers: { "idempotency-key": "key-2" } });
    const reused = await call("POST", "/bots", {
      body: { name: "Second" },
      headers: { "idempotency-key": "key-2" },
    });
    expect(reused.status).toBe(409);
    expect((await json<Schemas["Error"]>(reused)).error.type).toBe("idempotency_error");
  });
});
