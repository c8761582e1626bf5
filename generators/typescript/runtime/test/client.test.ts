import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Logger } from "../src/core/index";
import type { SDKConfig } from "../src/core/options";
import { Embott } from "./helpers/embott-fixture";
import { TEST_API_KEY, TEST_CONFIG, TestClient } from "./helpers/test-client";
import { apiError, json, TestServer } from "./helpers/test-server";

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (message: string, ...details: unknown[]) =>
    lines.push(`${message} ${JSON.stringify(details)}`);
  return { lines, error: record, warn: record, info: record, debug: record };
}

describe("APIClient", () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await server.close();
  });

  it("withResponse() gives data, the raw Response and the request id; _requestId stays out of JSON", async () => {
    server.enqueue(json(200, { id: "bot_1" }, { "x-request-id": "req_abc" }));
    const client = new Embott({ baseURL: server.url });
    const { data, response, requestId } = await client.bots.get({ botId: "bot_1" }).withResponse();
    expect(requestId).toBe("req_abc");
    expect(response.status).toBe(200);
    expect(data._requestId).toBe("req_abc");
    expect(JSON.stringify(data)).toBe('{"id":"bot_1"}');
    expect(Object.keys(data)).toEqual(["id"]);
  });

  it("sends bearer auth, telemetry, user agent, default and per-call headers (null removes one)", async () => {
    server.enqueue(json(200, {}));
    const client = new Embott({ baseURL: server.url, defaultHeaders: { "x-team": "a", "x-drop": "1" } });
    await client.bots.get({ botId: "b" }, { headers: { "x-team": "b", "x-drop": null } });
    const headers = server.requests[0]?.headers ?? {};
    expect(headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(headers["x-team"]).toBe("b");
    expect(headers["x-drop"]).toBeUndefined();
    expect(headers["user-agent"]).toBe("embott-typescript/0.1.0");
    expect(headers["x-embott-retry-count"]).toBe("0");
    expect(headers["x-embott-timeout"]).toBe("60");
  });

  it.each([
    [{ kind: "header", name: "x-api-key" }, (h: Record<string, unknown>) => h["x-api-key"], TEST_API_KEY],
    [{ kind: "basic" }, (h: Record<string, unknown>) => h.authorization, `Basic ${btoa(`${TEST_API_KEY}:`)}`],
  ] as const)("supports %o auth", async (auth, read, expected) => {
    server.enqueue(json(200, {}));
    const client = new TestClient({ baseURL: server.url }, { ...TEST_CONFIG, auth } as SDKConfig);
    await client.request({ method: "get", path: "/x" });
    expect(read(server.requests[0]?.headers ?? {})).toBe(expected);
  });

  it("supports query auth and keeps the key out of logged URLs", async () => {
    server.enqueue(json(200, {}));
    const logger = recordingLogger();
    const config: SDKConfig = { ...TEST_CONFIG, auth: { kind: "query", name: "api_key" } };
    const client = new TestClient({ baseURL: server.url, logger, logLevel: "debug" }, config);
    await client.request({ method: "get", path: "/x" });
    expect(server.requests[0]?.url).toBe(`/x?api_key=${TEST_API_KEY}`);
    expect(logger.lines.join("\n")).not.toContain(TEST_API_KEY);
  });

  it("sends every credential of the chosen alternative and keeps each out of the logs", async () => {
    server.enqueue(json(200, {}));
    const logger = recordingLogger();
    const config: SDKConfig = {
      ...TEST_CONFIG,
      credentials: {
        authEmail: { scheme: { kind: "header", name: "X-Auth-Email" }, env: "EMBOTT_AUTH_EMAIL" },
        authKey: { scheme: { kind: "header", name: "X-Auth-Key" }, env: "EMBOTT_AUTH_KEY" },
      },
      security: [["authEmail", "authKey"], ["apiKey"]],
    };
    const options = { baseURL: server.url, logger, logLevel: "debug", apiKey: null } as const;
    const client = new TestClient(
      { ...options, authEmail: "me@x.io", authKey: "key_SECRET_9" } as object,
      config,
    );
    await client.request({ method: "get", path: "/x" });
    const headers = server.requests[0]?.headers ?? {};
    expect([headers["x-auth-email"], headers["x-auth-key"], headers.authorization]).toEqual([
      "me@x.io",
      "key_SECRET_9",
      undefined,
    ]);
    expect(logger.lines.join("\n")).not.toContain("key_SECRET_9");
    expect(() => new TestClient({ ...options, authEmail: "me@x.io" } as object, config)).toThrow(
      "Missing credentials: pass { authEmail, authKey } or { apiKey } to new TestClient() " +
        "(or set EMBOTT_AUTH_EMAIL, EMBOTT_AUTH_KEY, EMBOTT_API_KEY).",
    );
  });

  describe("security alternatives (first non-empty one the client can satisfy; {} allows anonymous)", () => {
    const credentials: SDKConfig["credentials"] = {
      authEmail: { scheme: { kind: "header", name: "X-Auth-Email" } },
      session: { scheme: { kind: "cookie", name: "sid" } },
      partnerKey: { scheme: { kind: "query", name: "partner_key" } },
    };
    const configWith = (security: string[][]): SDKConfig => ({ ...TEST_CONFIG, credentials, security });
    const seen = () => {
      const request = server.requests[0]!;
      return {
        url: request.url,
        email: request.headers["x-auth-email"],
        cookie: request.headers.cookie,
        authorization: request.headers.authorization,
      };
    };

    it("an empty alternative listed first does not hide a later one the client can satisfy", async () => {
      server.enqueue(json(200, {}));
      const client = new TestClient({ baseURL: server.url, authEmail: "me@x.io" } as object, configWith([]));
      await client.request({ method: "get", path: "/x", security: [[], ["authEmail"]] });
      expect(seen()).toMatchObject({ email: "me@x.io", authorization: undefined });
    });

    it("with nothing that fits, an empty alternative sends no credential and a non-empty list throws first", async () => {
      server.enqueue(json(200, {}));
      const client = new TestClient({ baseURL: server.url, apiKey: null }, configWith([]));
      await client.request({ method: "get", path: "/x", security: [["authEmail"], []] });
      expect(seen()).toEqual({ url: "/x", email: undefined, cookie: undefined, authorization: undefined });
      await expect(
        client.request({ method: "get", path: "/y", security: [["authEmail"], ["session", "partnerKey"]] }),
      ).rejects.toThrow(
        "GET /y needs credentials: pass { authEmail } or { session, partnerKey } to new TestClient().",
      );
      expect(server.requests).toHaveLength(1);
    });

    it("a root list with an empty alternative lets the client be built without credentials", () => {
      expect(() => new TestClient({ apiKey: null }, configWith([["apiKey"], []]))).not.toThrow();
      expect(() => new TestClient({ apiKey: null }, configWith([["apiKey"]]))).toThrow("Missing credentials");
    });

    it("cookie credentials join the operation's cookies; query credentials follow its query params", async () => {
      server.enqueue(json(200, {}));
      const logger = recordingLogger();
      const options = { baseURL: server.url, session: "sess_SECRET_1", partnerKey: "pk_SECRET_2", logger };
      const client = new TestClient({ ...options, logLevel: "debug" } as object, configWith([]));
      const spec = {
        method: "get",
        path: "/x",
        query: { a: "1" },
        headers: { Cookie: "theme=dark" },
      } as const;
      await client.request({ ...spec, security: [["session", "partnerKey"]] });
      expect(seen()).toMatchObject({
        url: "/x?a=1&partner_key=pk_SECRET_2",
        cookie: "theme=dark; sid=sess_SECRET_1",
        authorization: undefined,
      });
      const logged = logger.lines.join("\n");
      for (const secret of ["sess_SECRET_1", "pk_SECRET_2", TEST_API_KEY])
        expect(logged).not.toContain(secret);
    });

    it("every credential is scrubbed from API error messages, not only the API key", async () => {
      server.enqueue(
        json(400, { error: { type: "invalid", message: "bad email me@x.io, key pk_SECRET_2" } }),
      );
      const client = new TestClient(
        { baseURL: server.url, authEmail: "me@x.io", partnerKey: "pk_SECRET_2", maxRetries: 0 } as object,
        configWith([]),
      );
      const error = (await client
        .request({ method: "get", path: "/x", security: [["authEmail"]] })
        .catch((e: unknown) => e)) as Error;
      expect(error.message).toContain("bad email");
      expect(error.message).not.toContain("me@x.io");
      expect(error.message).not.toContain("pk_SECRET_2");
    });
  });

  it("serialises arrays, dates, booleans and nested objects in the query; drops undefined", async () => {
    server.enqueue(json(200, {}));
    const client = new Embott({ baseURL: server.url, defaultQuery: { v: "2" } });
    const query = {
      ids: ["a", "b"],
      after: new Date("2027-01-02T03:04:05Z"),
      in_stock: false,
      f: { s: "open" },
      none: undefined,
    };
    await client.request({ method: "get", path: "/q", query });
    expect(decodeURIComponent(server.requests[0]?.url ?? "")).toBe(
      "/q?v=2&ids=a&ids=b&after=2027-01-02T03:04:05.000Z&in_stock=false&f[s]=open",
    );
  });

  it("encodes JSON, form and multipart bodies", async () => {
    server.enqueue(json(200, {}));
    const client = new Embott({ baseURL: server.url });
    await client.request({ method: "post", path: "/j", body: { a: 1 } });
    await client.request({ method: "post", path: "/f", body: { a: [1, 2], b: "x y" }, bodyType: "form" });
    const file = new File(["hello"], "hello.txt", { type: "text/plain" });
    await client.request({ method: "post", path: "/m", body: { file, note: "hi" }, bodyType: "multipart" });
    const [jsonBody, form, multipart] = server.requests;
    expect(jsonBody?.headers["content-type"]).toBe("application/json");
    expect(jsonBody?.body).toBe('{"a":1}');
    expect(form?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(form?.body).toBe("a=1&a=2&b=x+y");
    expect(multipart?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart?.body).toContain('filename="hello.txt"');
    expect(multipart?.body).toContain("hello");
  });

  it("returns binary responses as ArrayBuffer or Blob", async () => {
    server.enqueue((_request, response) => {
      response.writeHead(200, { "content-type": "application/pdf" });
      response.end(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff]));
    });
    const client = new Embott({ baseURL: server.url });
    const buffer = await client.request<ArrayBuffer>({ method: "get", path: "/file", asBinary: true });
    expect([...new Uint8Array(buffer)]).toEqual([0x25, 0x50, 0x44, 0x46, 0xff]);
    const blob = await client.request<Blob>({ method: "get", path: "/file", asBinary: "blob" });
    expect(blob.size).toBe(5);
  });

  it("resolves an empty 204 to null", async () => {
    server.enqueue((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    await expect(
      new Embott({ baseURL: server.url }).request({ method: "delete", path: "/x" }),
    ).resolves.toBeNull();
  });

  it("logs requests, responses and retries at debug level with secrets redacted", async () => {
    server.enqueue(apiError(500, "api_error", "boom", { "set-cookie": "session=s3cr3t" }), json(200, {}));
    const logger = recordingLogger();
    const client = new Embott({
      baseURL: server.url,
      logger,
      logLevel: "debug",
      defaultHeaders: { cookie: "c=1" },
    });
    await client.bots.get({ botId: "b" });
    const log = logger.lines.join("\n");
    expect(log).toContain("GET");
    expect(log).toContain("Retrying GET");
    expect(log).toContain('"authorization":"***"');
    expect(log).toContain('"cookie":"***"');
    expect(log).toContain('"set-cookie":"***"');
    expect(log).not.toContain(TEST_API_KEY);
    expect(log).not.toContain("s3cr3t");
  });

  it("takes the log level from EMBOTT_LOG and logs nothing below it", async () => {
    server.enqueue(json(200, {}));
    vi.stubEnv("EMBOTT_LOG", "info");
    const logger = recordingLogger();
    await new TestClient({ baseURL: server.url, logger, logLevel: undefined }).request({
      method: "get",
      path: "/x",
    });
    expect(logger.lines).toEqual([]);
    expect(() => new TestClient({ logLevel: "loud" as never })).toThrow(/logLevel must be one of/);
  });

  it("does not crash the process when nobody awaits a failing call", async () => {
    server.enqueue(apiError(400, "invalid_request_error", "ignored"));
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    void new Embott({ baseURL: server.url }).bots.get({ botId: "b" });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50)); // give a rejection time to surface
    process.off("unhandledRejection", unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    expect(server.requests).toHaveLength(1);
  });
});
