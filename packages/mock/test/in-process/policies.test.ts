import { describe, expect, it } from "vitest";
import type { Schemas } from "../../src/store/types";
import { ADMIN_KEY, BASE_URL, call, json, useMock } from "../support/in-process";

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

  it("fingerprints the body as canonical JSON: spacing and key order do not matter", async () => {
    const headers = { "content-type": "application/json", "idempotency-key": "key-canonical" };
    const send = (body: string) =>
      fetch(`${BASE_URL}/bots`, {
        method: "POST",
        headers: { ...headers, authorization: `Bearer ${ADMIN_KEY}` },
        body,
      });
    expect((await send('{"name":"Idem Bot","channels":["web"]}')).status).toBe(201);
    const replay = await send('{ "channels": [ "web" ], "name":"Idem Bot"}');
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
  });

  it("forgets a key after 24 hours on the mock's clock", async () => {
    const options = { headers: { "idempotency-key": "key-expiring" } };
    await call("POST", "/bots", { ...options, body: { name: "Day One" } });
    clock += 24 * 60 * 60 * 1000;
    const later = await call("POST", "/bots", { ...options, body: { name: "Day Two" } });
    expect(later.status).toBe(201);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
  });

  it("rejects an empty Idempotency-Key naming the header", async () => {
    const response = await call("POST", "/bots", { body: { name: "E" }, headers: { "idempotency-key": "" } });
    expect(response.status).toBe(400);
    expect((await json<Schemas["Error"]>(response)).error.param).toBe("Idempotency-Key");
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
