import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../support/errors";
import { call, DEFAULT_KEY, json, useMock } from "../support/in-process";

describe("authentication and scopes", () => {
  const { mock } = useMock();

  it.each([
    ["no Authorization header", null, "missing_api_key"],
    ["a key with the wrong prefix", "sk_test_abcdef", "invalid_api_key"],
    ["an unknown well-formed key", "pk_test_unknown_9999", "invalid_api_key"],
  ])("answers 401 for %s", async (_case, key, code) => {
    const response = await call("GET", "/bots", { key });
    expect(response.status).toBe(401);
    const { error } = await json<ErrorBody>(response);
    expect(error).toMatchObject({ type: "authentication_error", code });
  });

  it("answers 401 for a non-Bearer Authorization header", async () => {
    const response = await call("GET", "/bots", { key: null, headers: { authorization: "Basic abc" } });
    expect(response.status).toBe(401);
  });

  it("answers 403 naming the scope the default key lacks", async () => {
    const response = await call("POST", "/bots", { key: DEFAULT_KEY, body: { name: "Nope" } });
    expect(response.status).toBe(403);
    const { error } = await json<ErrorBody>(response);
    expect(error.type).toBe("permission_error");
    expect(error.message).toContain("bots:write");
  });

  it("lets the default key read", async () => {
    expect((await call("GET", "/leads", { key: DEFAULT_KEY })).status).toBe(200);
  });

  it("accepts keys registered by a test with exactly their scopes", async () => {
    mock.keys.register("sk_live_leads_export_1", ["leads:export"]);
    const exported = await call("POST", "/leads/lead_seed0001/export", {
      key: "sk_live_leads_export_1",
      body: { destination: "pipedrive" },
    });
    expect(exported.status).toBe(202);
    expect((await call("GET", "/leads", { key: "sk_live_leads_export_1" })).status).toBe(403);
  });

  it("rejects registering a malformed key", () => {
    expect(() => mock.keys.register("secret", ["bots:read"])).toThrow(/pk_test_/);
  });
});
