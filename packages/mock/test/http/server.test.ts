import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MockProcess, spawnMock } from "../support/cli";
import { startReceiver } from "../support/receiver";
import { isSignedWith } from "../support/signature";

let mock: MockProcess;
const admin = { authorization: "Bearer sk_live_admin_0001", "content-type": "application/json" };

function control(method: string, path: string, body?: unknown) {
  return fetch(`${mock.url}/__mock${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${mock.url}/v1${path}`, {
    method,
    headers: { ...admin, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("embott-mock over HTTP with plain fetch", () => {
  beforeAll(async () => {
    mock = await spawnMock();
  });
  beforeEach(async () => {
    if (mock) expect((await control("POST", "/reset")).status).toBe(200);
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

  it("delivers a signed webhook to a real local receiver", async () => {
    const receiver = await startReceiver();
    try {
      const subscription = await control("POST", "/webhooks", {
        url: receiver.url,
        events: ["handoff.requested"],
      }).then((r) => r.json());
      const handoff = await api("POST", "/conversations/conv_abc123/handoff", { priority: "urgent" });
      expect(handoff.status).toBe(200);
      const [delivery] = await receiver.waitFor(1);
      const signature = String(delivery?.headers["embott-signature"]);
      expect(isSignedWith(subscription.secret, signature, delivery?.body ?? "")).toBe(true);
      expect(isSignedWith("whsec_other", signature, delivery?.body ?? "")).toBe(false);
      expect(JSON.parse(delivery?.body ?? "{}")).toMatchObject({ type: "handoff.requested" });
    } finally {
      await receiver.close();
    }
  });

  it("delays a request by an injected delay fault, then answers normally", async () => {
    expect((await control("POST", "/faults", { path: "/v1/products", delay_ms: 30 })).status).toBe(201);
    expect((await api("GET", "/products?limit=1")).status).toBe(200);
    const log = await control("GET", "/requests?path=/v1/products").then((r) => r.json());
    expect(log.data.at(-1)).toMatchObject({ status: 200, fault: "delay" });
  });

  it("replays an idempotent POST and creates nothing new", async () => {
    const headers = { "idempotency-key": "http-idem-1" };
    const first = await api("POST", "/bots", { name: "Idem Over HTTP" }, headers);
    const replay = await api("POST", "/bots", { name: "Idem Over HTTP" }, headers);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await replay.json()).id).toBe((await first.json()).id);
    const bots = await api("GET", "/bots?limit=100").then((r) => r.json());
    expect(bots.data.filter((bot: { name: string }) => bot.name === "Idem Over HTTP")).toHaveLength(1);
  });

  it("walks every page of a list with next_cursor", async () => {
    const ids: string[] = [];
    let page = await api("GET", "/conversations?limit=1").then((r) => r.json());
    ids.push(...page.data.map((item: { id: string }) => item.id));
    while (page.next_cursor) {
      page = await api("GET", `/conversations?limit=1&cursor=${page.next_cursor}`).then((r) => r.json());
      ids.push(...page.data.map((item: { id: string }) => item.id));
    }
    const all = await api("GET", "/conversations?limit=100").then((r) => r.json());
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toEqual(all.data.map((item: { id: string }) => item.id));
  });

  it("answers a validation error naming the parameter", async () => {
    const response = await api("POST", "/bots", { name: 42 });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "parameter_invalid", param: "name" });
  });

  it("resets state and configuration through /__mock/reset", async () => {
    await fetch(`${mock.url}/v1/bots`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ name: "Temporary" }),
    });
    await control("POST", "/keys", { key: "pk_test_http_0001", scopes: ["bots:read"] });
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
