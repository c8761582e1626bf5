import { describe, expect, it } from "vitest";
import { APIConnectionTimeoutError, APIUserAbortError } from "../src/index";
import { rejectionOf, useMockApi } from "./support/mock-api";

const api = useMockApi();

describe("timeouts and cancellation", () => {
  it("fails an attempt that outlives the timeout, then retries it", async () => {
    api.mock.faults.add({ method: "GET", path: "/bots", delayMs: 2_000, times: 1 });
    const client = api.client({ timeout: 50 });
    const page = await client.bots.list();
    expect(page.data.length).toBeGreaterThan(0);
    expect(client.sleeps).toHaveLength(1);
  });

  it("throws APIConnectionTimeoutError when every attempt times out", async () => {
    api.mock.faults.add({ method: "GET", path: "/bots", delayMs: 2_000, times: 2 });
    const error = await rejectionOf(() => api.client({ maxRetries: 1 }).bots.list({}, { timeout: 50 }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("throws APIUserAbortError when the caller aborts, without retrying", async () => {
    api.mock.faults.add({ method: "GET", path: "/bots", delayMs: 2_000 });
    const controller = new AbortController();
    const client = api.client();
    const call = client.bots.list({}, { signal: controller.signal });
    controller.abort();
    expect(await rejectionOf(() => call)).toBeInstanceOf(APIUserAbortError);
    expect(client.sleeps).toEqual([]);
  });
});
