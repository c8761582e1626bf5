import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APIConnectionError, APIError } from "../src/core/error";
import type { Logger } from "../src/core/index";
import type { AuthScheme, ClientOptions, SDKConfig } from "../src/core/options";
import { TEST_CONFIG, TestClient } from "./helpers/test-client";
import { json, sse, TestServer } from "./helpers/test-server";

// A key with characters that URL encoding changes, so both its raw and encoded forms are checked.
const KEY = "sk_live_S3CR3T+/=~_key";
const FORMS = [KEY, encodeURIComponent(KEY), "S3CR3T"];

function expectNoKey(text: string): void {
  for (const form of FORMS) expect(text).not.toContain(form);
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (message: string, ...details: unknown[]) =>
    lines.push(`${message} ${JSON.stringify(details)}`);
  return { lines, error: record, warn: record, info: record, debug: record };
}

const client = (auth: AuthScheme, options: ClientOptions) =>
  new TestClient({ apiKey: KEY, ...options }, { ...TEST_CONFIG, auth } as SDKConfig);

describe("the API key never appears in connection errors (query auth)", () => {
  const auth: AuthScheme = { kind: "query", name: "api_key" };

  it("is scrubbed from the message and cause of an error that quotes the URL (node-fetch style)", async () => {
    const fetch = async (url: string | URL | Request) => {
      const cause = Object.assign(new Error(`connect ECONNREFUSED for ${String(url)}`), {
        code: "ECONNREFUSED",
      });
      throw new TypeError(`request to ${String(url)} failed, reason: connect ECONNREFUSED`, { cause });
    };
    const api = client(auth, { baseURL: "http://127.0.0.1:9", fetch, maxRetries: 0 });
    const error = await api.request({ method: "get", path: "/config" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    const message = (error as Error).message;
    expect(message).toContain("request to http://127.0.0.1:9/config?api_key=*** failed");
    expect(message).toContain("reason: connect ECONNREFUSED");
    const cause = (error as Error).cause as TypeError & { cause: { code: string } };
    expect(cause).toBeInstanceOf(TypeError);
    expect(cause.cause.code).toBe("ECONNREFUSED");
    expectNoKey(inspect(error, { depth: 10 }));
    expectNoKey(`${cause.stack} ${(cause.cause as unknown as Error).stack}`);
  });

  it("is scrubbed when fetch cannot parse the URL (a path that breaks the URL)", async () => {
    const fetch = async (url: string | URL | Request) => {
      throw new TypeError(`Failed to parse URL from ${String(url)}`);
    };
    const api = client(auth, { baseURL: "http://example.com", fetch, maxRetries: 0 });
    const error = await api.request({ method: "get", path: "/config" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain(
      "Failed to parse URL from http://example.com/config?api_key=***",
    );
    expectNoKey(inspect(error, { depth: 10 }));
  });
});

describe("the API key never appears in debug logs", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(() => server.close());

  it("redacts the transport's own auth header (a custom name) and scrubs its value everywhere", async () => {
    server.enqueue(json(200, {}, { "x-echo": `you sent ${KEY}` }));
    const logger = recordingLogger();
    const auth: AuthScheme = { kind: "header", name: "X-Auth-Token" };
    const api = client(auth, { baseURL: server.url, logger, logLevel: "debug" });
    await api.request({ method: "get", path: "/x" });
    expect(server.requests[0]?.headers["x-auth-token"]).toBe(KEY);
    const log = logger.lines.join("\n");
    expect(log).toContain('"x-auth-token":"***"');
    expect(log).toContain('"x-echo":"you sent ***"');
    expectNoKey(log);
  });

  it("scrubs the key from logged URLs and body previews, before truncating them", async () => {
    server.enqueue(json(200, {}));
    const logger = recordingLogger();
    const api = client({ kind: "bearer" }, { baseURL: server.url, logger, logLevel: "debug" });
    await api.request({ method: "post", path: "/keys", query: { check: KEY }, body: { key: KEY } });
    await api.request({ method: "post", path: "/long", body: "x".repeat(985) + KEY });
    const log = logger.lines.join("\n");
    expect(log).toContain("/keys?check=***");
    expect(log).toContain('"body":"{\\"key\\":\\"***\\"}"');
    expectNoKey(log);
  });

  it("scrubs what generated or user code logs through client.logger", () => {
    const logger = recordingLogger();
    const api = client({ kind: "bearer" }, { logger, logLevel: "info" });
    api.logger.warn(`key ${KEY}`, { nested: [{ value: encodeURIComponent(KEY) }] });
    expect(logger.lines).toEqual(['key *** [{"nested":[{"value":"***"}]}]']);
  });
});

describe("the API key never survives in a thrown error's body, error or headers", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(() => server.close());

  const deep = (depth: number): unknown => (depth === 0 ? `key was ${KEY}` : { nested: deep(depth - 1) });

  it("scrubs a key echoed in an error body (at any depth) and in a response header", async () => {
    const body = {
      error: { type: "invalid_request_error", message: `Bad key ${KEY}`, param: KEY, echo: deep(8) },
    };
    server.enqueue(json(401, body, { "x-echo": `you sent ${KEY}` }));
    const api = client({ kind: "bearer" }, { baseURL: server.url, maxRetries: 0 });
    const error = (await api.request({ method: "get", path: "/x" }).catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.headers?.get("x-echo")).toBe("you sent ***");
    expect(error.error?.message).toBe("Bad key ***");
    expect(error.requestId).toBe("req_test");
    expectNoKey(JSON.stringify(error));
    expectNoKey(JSON.stringify(error.body));
    expectNoKey(inspect(error, { depth: 20 }));
  });

  it("scrubs a key echoed in a plain-text error body", async () => {
    server.enqueue((_request, response) => {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end(`upstream rejected ${KEY}`);
    });
    const api = client({ kind: "bearer" }, { baseURL: server.url, maxRetries: 0 });
    const error = (await api.request({ method: "get", path: "/x" }).catch((e: unknown) => e)) as APIError;
    expect(error.body).toBe("upstream rejected ***");
    expectNoKey(inspect(error, { depth: 20 }));
  });

  it("scrubs a key echoed in an SSE error event", async () => {
    const event = {
      type: "error",
      error: { type: "api_error", message: `key ${KEY} revoked`, extra: deep(7) },
    };
    server.enqueue(sse([`event: error\ndata: ${JSON.stringify(event)}\n\n`]));
    const api = client({ kind: "bearer" }, { baseURL: server.url, maxRetries: 0 });
    const stream = await api.requestStream<unknown>({ method: "post", path: "/s" }, {});
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expectNoKey(JSON.stringify(error));
    expectNoKey(inspect(error, { depth: 20 }));
  });
});
