import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockProcess, spawnMock } from "../support/cli";

let mock: MockProcess;
const admin = { authorization: "Bearer sk_live_admin_0001", "content-type": "application/json" };

function control(method: string, path: string, body?: unknown) {
  return fetch(`${mock.url}/__mock${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("embott-mock over HTTP with plain fetch", () => {
  beforeAll(async () => {
    mock = await spawnMock();
  });
  afterAll(() => {
    mock.child.kill("SIGTERM");
  });

  it("prints a 127.0.0.1 URL and serves the API under /v1", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${mock.url}/v1/bots?limit=1`, { headers: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("injects status faults and dropped connections through /__mock/faults, and survives them", async () => {
    expect(
      (await control("POST", "/faults", { method: "GET", path: "/v1/bots", status: 503, retry_after: 1 }))
        .status,
    ).toBe(201);
    expect((await control("POST", "/faults", { method: "GET", path: "/bots", drop: true })).status).toBe(201);
    expect((await control("GET", "/faults").then((r) => r.json())).data).toHaveLength(2);
    const unavailable = await fetch(`${mock.url}/v1/bots`, { headers: admin });
    expect([unavailable.status, unavailable.headers.get("retry-after")]).toEqual([503, "1"]);
    await expect(fetch(`${mock.url}/v1/bots`, { headers: admin })).rejects.toThrow(TypeError);
    expect((await fetch(`${mock.url}/v1/bots`, { headers: admin })).status).toBe(200);
    const log = await control("GET", "/requests?path=/v1/bots").then((r) => r.json());
    expect(log.data.map((entry: { status: number }) => entry.status).slice(-3)).toEqual([503, 0, 200]);
  });

  it("registers keys, changes the rate limit and answers 429 with headers", async () => {
    expect((await control("POST", "/keys", { key: "pk_test_http_0001", scopes: ["bots:read"] })).status).toBe(
      201,
    );
    expect((await control("POST", "/config", { rate_limit: { limit: 2 } })).status).toBe(200);
    const headers = { authorization: "Bearer pk_test_http_0001" };
    for (let index = 0; index < 2; index++)
      expect((await fetch(`${mock.url}/v1/bots`, { headers })).status).toBe(200);
    const limited = await fetch(`${mock.url}/v1/bots`, { headers });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await fetch(`${mock.url}/v1/conversations`, { headers })).status).toBe(429);
  });

  it("triggers events and lists deliveries and events", async () => {
    const event = await control("POST", "/events", { type: "cart.recovered" }).then((r) => r.json());
    expect(event).toMatchObject({ object: "event", type: "cart.recovered" });
    expect((await control("GET", "/events").then((r) => r.json())).data.at(-1).id).toBe(event.id);
    expect((await control("POST", "/events", { type: "nope" })).status).toBe(400);
    expect(Array.isArray((await control("GET", "/deliveries").then((r) => r.json())).data)).toBe(true);
  });

  it("resets state and configuration through /__mock/reset", async () => {
    await fetch(`${mock.url}/v1/bots`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ name: "Temporary" }),
    });
    expect((await control("POST", "/reset")).status).toBe(200);
    const bots = await fetch(`${mock.url}/v1/bots?limit=100`, { headers: admin }).then((r) => r.json());
    expect(bots.data.map((bot: { name: string }) => bot.name)).not.toContain("Temporary");
    expect(
      (await control("GET", "/keys").then((r) => r.json())).data.map((k: { key: string }) => k.key),
    ).not.toContain("pk_test_http_0001");
  });

  it("answers garbage without crashing", async () => {
    const response = await fetch(`${mock.url}/v1/bots`, { method: "POST", headers: admin, body: "\u0000{{" });
    expect(response.status).toBe(400);
    expect((await control("GET", "/health")).status).toBe(200);
  });
});

describe("embott-mock shutdown", () => {
  it("exits cleanly on SIGTERM", async () => {
    const running = await spawnMock();
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
  });

  it("exits cleanly when stdin closes", async () => {
    const running = await spawnMock();
    running.child.stdin.end();
    expect(await running.exited).toBe(0);
  });
});
