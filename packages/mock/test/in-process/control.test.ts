import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../support/errors";
import { json, useMock } from "../support/in-process";

const CONTROL_URL = "https://api.embott.com/__mock";

function control(method: string, path: string, body?: unknown) {
  return fetch(`${CONTROL_URL}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function expectRejected(response: Response, code: string, param: string) {
  expect(response.status).toBe(400);
  const { error } = await json<ErrorBody>(response);
  expect(error).toMatchObject({ type: "invalid_request_error", code, param });
  return error.message;
}

describe("control endpoints validate their bodies", () => {
  const { mock } = useMock();

  it("rejects camelCase fault fields, naming them and their snake_case spelling", async () => {
    const response = await control("POST", "/faults", {
      path: "/v1/bots",
      status: 503,
      retryAfter: 2,
      delayMs: 100,
    });
    const message = await expectRejected(response, "parameter_unknown", "retryAfter");
    expect(message).toContain("retryAfter (did you mean retry_after?)");
    expect(message).toContain("delayMs (did you mean delay_ms?)");
    expect(mock.faults.list()).toHaveLength(0);
  });

  it.each([
    [{ path: "/bots", status: 503, retry_after: -1 }, "retry_after"],
    [{ path: "/bots", status: 503, retry_after: 1.5 }, "retry_after"],
    [{ path: "/bots", status: 503, times: 0 }, "times"],
    [{ path: "/bots", delay_ms: -5 }, "delay_ms"],
  ])("rejects out-of-range numbers in %j", async (body, param) => {
    await expectRejected(await control("POST", "/faults", body), "parameter_invalid", param);
  });

  it("rejects unknown keys in config, keys and webhook bodies", async () => {
    await expectRejected(
      await control("POST", "/config", { rate_limit: { limit: 5, windowMs: 10 } }),
      "parameter_unknown",
      "rate_limit.windowMs",
    );
    await expectRejected(
      await control("POST", "/keys", { key: "pk_test_x_0001", scopes: [], mode: "test" }),
      "parameter_unknown",
      "mode",
    );
    await expectRejected(
      await control("POST", "/webhooks", {
        url: "http://127.0.0.1:1/h",
        events: ["lead.captured"],
        secret: "s",
      }),
      "parameter_unknown",
      "secret",
    );
  });

  it("validates event data against the event's payload schema", async () => {
    await expectRejected(
      await control("POST", "/events", { type: "cart.recovered", data: "str" }),
      "parameter_invalid",
      "data",
    );
    expect(mock.webhooks.events()).toHaveLength(0);
    expect((await control("POST", "/events", { type: "cart.recovered" })).status).toBe(201);
  });
});
