import { describe, expect, it } from "vitest";
import { expectConformingResponse } from "../support/conformance";
import type { ErrorBody } from "../support/errors";
import { call, json, useMock } from "../support/in-process";

describe("fault injection", () => {
  const { mock } = useMock();

  it("answers the next N matching requests with the injected status and Retry-After", async () => {
    mock.faults.add({ method: "GET", path: "/bots/{bot_id}", times: 2, status: 503, retryAfter: 2 });
    const first = await call("GET", "/bots/bot_7Hq2mXa9");
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("2");
    expect((await json<ErrorBody>(first)).error.type).toBe("api_error");
    expect((await call("GET", "/bots")).status).toBe(200);
    expect((await call("GET", "/bots/bot_7Hq2mXa9")).status).toBe(503);
    expect((await call("GET", "/bots/bot_7Hq2mXa9")).status).toBe(200);
  });

  it.each([
    [429, "rate_limit_error"],
    [503, "api_error"],
    [401, "authentication_error"],
    [403, "permission_error"],
    [404, "not_found_error"],
    [500, "api_error"],
  ] as const)("injects %i as the spec documents it (type %s, required headers)", async (status, type) => {
    mock.faults.add({ method: "GET", path: "/bots/{bot_id}", status });
    const response = await call("GET", "/bots/bot_7Hq2mXa9");
    expect(response.status).toBe(status);
    const body = (await expectConformingResponse("getBot", response.clone())) as ErrorBody;
    expect(body.error.type).toBe(type);
    if (status === 429 || status === 503) expect(response.headers.get("retry-after")).toBe("1");
  });

  it("drops the connection so fetch rejects, and logs it", async () => {
    mock.faults.add({ method: "POST", path: "/v1/bots", drop: true });
    await expect(call("POST", "/bots", { body: { name: "Dropped" } })).rejects.toThrow(TypeError);
    expect(mock.requests.list({ method: "POST" }).at(-1)).toMatchObject({ status: 0, fault: "drop" });
    expect(mock.store.bots.all().some((bot) => bot.name === "Dropped")).toBe(false);
  });

  it("delays a request and then runs it normally", async () => {
    mock.faults.add({ path: "/products", delayMs: 20 });
    expect((await call("GET", "/products")).status).toBe(200);
    expect(mock.requests.list({ path: "/v1/products" }).at(-1)?.fault).toBe("delay");
  });

  it("matches * as one path segment and leaves other methods alone", async () => {
    mock.faults.add({ method: "DELETE", path: "/webhooks/*", status: 500 });
    expect((await call("GET", "/webhooks/wh_3Jd8sKq1")).status).toBe(200);
    expect((await call("DELETE", "/webhooks/wh_3Jd8sKq1")).status).toBe(500);
  });

  it("rejects a fault without an effect", () => {
    expect(() => mock.faults.add({ path: "/bots" })).toThrow(/status, drop or delay_ms/);
  });
});
