import { afterEach, describe, expect, it, vi } from "vitest";
import { Embott } from "../src/index";
import { API_BASE_URL, FIXTURE_KEYS, useMockApi } from "./support/mock-api";

const api = useMockApi();

afterEach(() => vi.unstubAllEnvs());

describe("client options", () => {
  it("reads the API key from EMBOTT_API_KEY and the base URL from EMBOTT_BASE_URL", async () => {
    vi.stubEnv("EMBOTT_API_KEY", FIXTURE_KEYS.admin);
    vi.stubEnv("EMBOTT_BASE_URL", API_BASE_URL);
    const page = await new Embott().bots.list();
    expect(page.data.length).toBeGreaterThan(0);
    // The mock logs keys masked; the prefix shows the env key (not a default) was sent.
    expect(api.mock.requests.list({ operationId: "listBots" })[0]?.api_key).toMatch(/^sk_live_/);
  });

  it("sends default headers on every request and per-request headers on one", async () => {
    const seen: Headers[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers));
      return fetch(input, init);
    };
    const client = api.client({ fetch: recordingFetch, defaultHeaders: { "X-Team": "support" } });
    await client.bots.list({}, { headers: { "X-Trace": "abc" } });
    await client.bots.list();
    expect(seen.map((headers) => headers.get("x-team"))).toEqual(["support", "support"]);
    expect(seen.map((headers) => headers.get("x-trace"))).toEqual(["abc", null]);
    expect(seen[0]?.get("authorization")).toBe(`Bearer ${FIXTURE_KEYS.admin}`);
  });
});
