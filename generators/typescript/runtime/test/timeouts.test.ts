import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from "../src/core/error";
import { Embott } from "./helpers/embott-fixture";
import { hang, json, TestServer } from "./helpers/test-server";

describe("timeouts and aborts", () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
    // Node loads its fetch implementation lazily; warm it up so a tiny timeout cannot fire before connecting.
    await (await fetch(server.url)).text();
    server.requests.length = 0;
  });
  afterEach(() => server.close());

  it("times out each attempt and retries timeouts", async () => {
    server.enqueue(hang(), hang(), json(200, { id: "bot_1" }));
    const client = new Embott({ baseURL: server.url, timeout: 250 }); // generous: a busy machine answers slowly
    await expect(client.bots.get({ botId: "bot_1" })).resolves.toEqual({ id: "bot_1" });
    // Sorted: on a busy machine the server may log an abandoned attempt after the next one arrived.
    expect(server.requests.map((request) => request.headers["x-embott-retry-count"]).sort()).toEqual([
      "0",
      "1",
      "2",
    ]);
  });

  it("raises APIConnectionTimeoutError once retries are exhausted", async () => {
    server.enqueue(hang());
    const client = new Embott({ baseURL: server.url, maxRetries: 1 });
    const error = await client.bots.get({ botId: "b" }, { timeout: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe("Request timed out after 30 ms.");
    expect(server.requests).toHaveLength(2);
  });

  it("covers the body too: a server that sends headers then stalls times out", async () => {
    server.enqueue((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"id":');
    });
    const client = new Embott({ baseURL: server.url, maxRetries: 0, timeout: 50 });
    await expect(client.bots.get({ botId: "b" })).rejects.toThrow(APIConnectionTimeoutError);
  });

  it("a user abort is APIUserAbortError and never retried", async () => {
    const controller = new AbortController();
    server.enqueue(() => controller.abort()); // abort once the request has reached the server, never answer
    const client = new Embott({ baseURL: server.url });
    await expect(client.bots.get({ botId: "b" }, { signal: controller.signal })).rejects.toThrow(
      APIUserAbortError,
    );
    expect(server.requests).toHaveLength(1);
    await server.requests[0]?.clientGone;
  });

  it("an already-aborted signal sends nothing", async () => {
    const client = new Embott({ baseURL: server.url });
    await expect(client.bots.get({ botId: "b" }, { signal: AbortSignal.abort() })).rejects.toThrow(
      APIUserAbortError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("an abort during the wait between retries stops the retries", async () => {
    const controller = new AbortController();
    server.enqueue((_request, response) => {
      controller.abort();
      json(500, { error: { type: "api_error", message: "boom" } })(_request, response);
    });
    const client = new Embott({ baseURL: server.url });
    await expect(client.bots.get({ botId: "b" }, { signal: controller.signal })).rejects.toThrow(
      APIUserAbortError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("maps undici's own 300 s limit to a timeout error that explains how to lift it", async () => {
    const undiciTimeout = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error("Headers Timeout Error"), { code: "UND_ERR_HEADERS_TIMEOUT" }),
    });
    const fetch = async () => Promise.reject(undiciTimeout);
    const client = new Embott({ baseURL: server.url, fetch, maxRetries: 0, timeout: 600_000 });
    const error = await client.bots.get({ botId: "b" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toMatch(/300 s.*headersTimeout and bodyTimeout set to 0/);
  });

  it("passes fetchOptions (e.g. an undici dispatcher) through to fetch", async () => {
    let seen: RequestInit | undefined;
    const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
      seen = init;
      return new Response("{}", { headers: { "content-type": "application/json" } });
    };
    const dispatcher = { marker: true };
    const client = new Embott({ baseURL: server.url, fetch, fetchOptions: { dispatcher } });
    await client.bots.get({ botId: "b" });
    expect((seen as { dispatcher?: unknown }).dispatcher).toBe(dispatcher);
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
  });
});
