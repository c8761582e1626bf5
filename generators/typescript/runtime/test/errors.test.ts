import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidParameterError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SDKError,
  UnprocessableEntityError,
} from "../src/core/error";
import { Embott } from "./helpers/embott-fixture";
import { TEST_API_KEY } from "./helpers/test-client";
import { apiError, json, TestServer } from "./helpers/test-server";

describe("typed errors", () => {
  let server: TestServer;
  let client: Embott;

  beforeEach(async () => {
    server = await TestServer.start();
    client = new Embott({ baseURL: server.url, maxRetries: 0 });
  });
  afterEach(() => server.close());

  const failWith = async (status: number, type = "api_error", message = "it failed") => {
    server.enqueue(apiError(status, type, message));
    return (await client.bots.get({ botId: "bot_1" }).catch((error: unknown) => error)) as APIError;
  };

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ])("status %i becomes %o", async (status, ErrorClass) => {
    const error = await failWith(status);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(SDKError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
  });

  it("carries the parsed envelope, headers and request id, and says what to do", async () => {
    const error = await failWith(401, "authentication_error", "Invalid API key provided");
    expect(error.error).toMatchObject({
      type: "authentication_error",
      message: "Invalid API key provided",
      param: null,
    });
    expect(error.requestId).toBe("req_err");
    expect(error.headers?.get("content-type")).toBe("application/json");
    expect(error.message).toBe(
      "401 authentication_error: Invalid API key provided (request req_err). Check your API key (EMBOTT_API_KEY).",
    );
  });

  it("names the parameter on validation errors", async () => {
    server.enqueue(
      json(422, {
        error: {
          type: "invalid_request_error",
          code: "too_long",
          message: "content is too long",
          param: "content",
          request_id: "req_1",
        },
      }),
    );
    const error = (await client.bots.create({ name: "x" }).catch((e: unknown) => e)) as APIError;
    expect(error.message).toContain('(parameter "content")');
  });

  it("handles non-JSON error bodies", async () => {
    server.enqueue((_request, response) => {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<h1>Bad gateway</h1>");
    });
    const error = (await client.bots.get({ botId: "b" }).catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe("<h1>Bad gateway</h1>");
    expect(error.error).toBeUndefined();
    expect(error.message).toContain("502 HTTP 502: <h1>Bad gateway</h1>");
  });

  it("never lets the API key into an error message, even when the server echoes it", async () => {
    server.enqueue(apiError(401, "authentication_error", `Invalid API key ${TEST_API_KEY}`));
    const error = (await client.bots.get({ botId: "b" }).catch((e: unknown) => e)) as APIError;
    expect(error.message).not.toContain(TEST_API_KEY);
    expect(error.message).toContain("Invalid API key ***");
    expect(inspect(client, { depth: 6 })).not.toContain(TEST_API_KEY);
  });

  it("validates path parameters before sending anything", () => {
    expect(() => client.bots.get({ botId: "" })).toThrow(InvalidParameterError);
    expect(() => client.bots.get({ botId: ".." })).toThrow(/cannot be ".."/);
    expect(() => client.bots.get({ botId: undefined as unknown as string })).toThrow(
      'Missing required path parameter "botId"',
    );
    expect(server.requests).toHaveLength(0);
  });

  it("encodes path parameters", async () => {
    server.enqueue(json(200, {}));
    await client.bots.get({ botId: "a/b c" });
    expect(server.requests[0]?.url).toBe("/bots/a%2Fb%20c");
  });
});

describe("construction", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("throws a clear error naming the env var when no API key is available", () => {
    vi.stubEnv("EMBOTT_API_KEY", "");
    expect(() => new Embott({ apiKey: undefined })).toThrow(
      "Missing API key: pass { apiKey } to new Embott() or set the EMBOTT_API_KEY environment variable.",
    );
  });

  it("reads the API key and base URL from the environment", async () => {
    const server = await TestServer.start();
    vi.stubEnv("EMBOTT_API_KEY", "pk_test_from_env");
    vi.stubEnv("EMBOTT_BASE_URL", `${server.url}/v1/`);
    server.enqueue(json(200, {}));
    await new Embott({ apiKey: undefined }).bots.get({ botId: "b" });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer pk_test_from_env");
    expect(server.requests[0]?.url).toBe("/v1/bots/b");
    await server.close();
  });

  it("rejects invalid numeric options", () => {
    expect(() => new Embott({ maxRetries: -1 })).toThrow(TypeError);
    expect(() => new Embott({ timeout: 0 })).toThrow(TypeError);
  });

  it("rejects invalid per-call options without sending", async () => {
    const client = new Embott({ baseURL: "http://127.0.0.1:9" });
    await expect(client.bots.get({ botId: "b" }, { maxRetries: 1.5 })).rejects.toThrow(/maxRetries must be/);
    await expect(client.bots.get({ botId: "b" }, { timeout: -1 })).rejects.toThrow(/timeout must be/);
  });
});
