import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../support/errors";
import { ADMIN_KEY, call, json, useMock } from "../support/in-process";

async function expectInvalid(response: Response, status: number, code: string, param: string | null) {
  expect(response.status).toBe(status);
  const { error } = await json<ErrorBody>(response);
  expect(error).toMatchObject({ type: "invalid_request_error", code, param });
  expect(error.request_id).toBe(response.headers.get("x-request-id"));
}

describe("request validation against the spec", () => {
  useMock();

  it("rejects an unknown body field", async () => {
    await expectInvalid(
      await call("POST", "/bots", { body: { name: "A", colour: "red" } }),
      400,
      "parameter_unknown",
      "colour",
    );
  });

  it("rejects a wrong type, naming the nested field", async () => {
    const body = { name: "A", persona: { tone: "grumpy", instructions: "", language: "en" } };
    await expectInvalid(await call("POST", "/bots", { body }), 400, "parameter_invalid", "persona.tone");
  });

  it("rejects a missing required field", async () => {
    await expectInvalid(
      await call("POST", "/bots", { body: { status: "draft" } }),
      400,
      "parameter_missing",
      "name",
    );
  });

  it("rejects a JSON body that is not valid UTF-8 instead of storing U+FFFD", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"name":"Caf'),
      0xe9,
      ...new TextEncoder().encode('"}'),
    ]);
    const response = await fetch("https://api.embott.com/v1/bots", {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
      body: bytes,
    });
    await expectInvalid(response, 400, "invalid_encoding", null);
    const list = await json<{ data: { name: string }[] }>(await call("GET", "/bots?limit=100"));
    expect(list.data.some((bot) => bot.name.includes("\uFFFD"))).toBe(false);
  });

  it("rejects malformed JSON and a non-JSON content type", async () => {
    const malformed = await fetch("https://api.embott.com/v1/bots", {
      method: "POST",
      headers: { authorization: "Bearer sk_live_admin_0001", "content-type": "application/json" },
      body: "{",
    });
    await expectInvalid(malformed, 400, "invalid_json", null);
    const text = await fetch("https://api.embott.com/v1/bots", {
      method: "POST",
      headers: { authorization: "Bearer sk_live_admin_0001", "content-type": "text/plain" },
      body: '{"name":"A"}',
    });
    await expectInvalid(text, 400, "invalid_content_type", null);
  });

  it("validates query parameters and rejects unknown ones", async () => {
    await expectInvalid(await call("GET", "/bots?limit=500"), 400, "parameter_invalid", "limit");
    await expectInvalid(await call("GET", "/bots?sort=asc"), 400, "parameter_unknown", "sort");
    await expectInvalid(
      await call("GET", "/analytics/overview?start_date=2026-11-01"),
      400,
      "parameter_missing",
      "end_date",
    );
    await expectInvalid(await call("GET", "/products?in_stock=maybe"), 400, "parameter_invalid", "in_stock");
  });

  it("validates path parameters", async () => {
    await expectInvalid(await call("GET", "/bots/not-a-bot-id"), 400, "parameter_invalid", "bot_id");
  });

  it("answers 422 for a well-formed request the API cannot act on", async () => {
    const response = await call(
      "GET",
      "/leads?created_after=2026-12-01T00:00:00Z&created_before=2026-11-01T00:00:00Z",
    );
    await expectInvalid(response, 422, "invalid_time_range", "created_after");
  });

  it("answers unknown routes with 404 and wrong methods with 405, in the envelope", async () => {
    const missing = await call("GET", "/nothing-here");
    expect(missing.status).toBe(404);
    expect((await json<ErrorBody>(missing)).error.type).toBe("not_found_error");
    const wrongMethod = await call("PATCH", "/bots/bot_7Hq2mXa9", { body: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, PUT, DELETE");
  });
});
