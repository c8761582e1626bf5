import { execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APIConnectionError, SDKError } from "../src/core/error";
import type { SDKConfig } from "../src/core/options";
import { TEST_CONFIG, TestClient } from "./helpers/test-client";
import { json, TestServer } from "./helpers/test-server";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));

function constructionError(build: () => unknown): unknown {
  try {
    build();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("bad configuration fails at construction", () => {
  it("rejects a baseURL without a scheme, suggesting the fix, before any request", () => {
    for (const baseURL of [
      "api.embott.com/v1",
      "localhost:4010",
      "ftp://api.embott.com",
      "http://exa mple.com",
    ]) {
      const error = constructionError(() => new TestClient({ baseURL }));
      expect(error, baseURL).toBeInstanceOf(SDKError);
      expect((error as Error).message).toContain("baseURL must be an absolute http(s) URL");
    }
    const error = constructionError(() => new TestClient({ baseURL: "api.embott.com/v1" })) as Error;
    expect(error.message).toContain('did you mean "https://api.embott.com/v1"?');
  });

  it("rejects an API key that cannot go in a header, naming the character but never the key", () => {
    const key = "sk_live_abcü_secret";
    const error = constructionError(() => new TestClient({ apiKey: key })) as Error;
    expect(error).toBeInstanceOf(SDKError);
    expect(error.message).toContain("U+00FC at position 12");
    expect(error.message).not.toContain("secret");
    const newline = constructionError(() => new TestClient({ apiKey: "sk_live_abc\n" })) as Error;
    expect(newline.message).toContain("U+000A");
    const query: SDKConfig = { ...TEST_CONFIG, auth: { kind: "query", name: "api_key" } };
    expect(new TestClient({ apiKey: key }, query)).toBeInstanceOf(TestClient);
  });
});

describe("a refused connection", () => {
  it("says host:port and ECONNREFUSED in the message itself", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const client = new TestClient({ baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
    const error = (await client.request({ method: "get", path: "/bots" }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
  });
});

describe("options accept undefined and null as 'not set'", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(() => server.close());

  it("uses the defaults for null client and per-call options", async () => {
    server.enqueue(json(200, { ok: true }));
    const client = new TestClient({
      baseURL: server.url,
      maxRetries: null,
      timeout: null,
      maxRetryAfter: null,
      fetch: null,
      logger: null,
      logLevel: null,
      defaultHeaders: null,
    });
    expect(client.maxRetries).toBe(2);
    expect(client.timeout).toBe(60_000);
    const result = await client.request(
      { method: "post", path: "/x", body: {} },
      {
        timeout: null,
        maxRetries: undefined,
        idempotencyKey: null,
        headers: null,
        query: null,
        signal: null,
      },
    );
    expect(result).toEqual({ ok: true });
    expect(server.requests[0]?.headers["idempotency-key"]).toMatch(/^idem_/);
  });

  it("type-checks `baseURL: process.env.X` and nulls under exactOptionalPropertyTypes", () => {
    const project = "generators/typescript/runtime/test/types/tsconfig.json";
    expect(() =>
      execFileSync("pnpm", ["exec", "tsc", "-p", project], { cwd: ROOT, encoding: "utf8", stdio: "pipe" }),
    ).not.toThrow();
  }, 60_000);
});
