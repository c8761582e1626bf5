import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type APIError, ConflictError, UnprocessableEntityError } from "../src/core/error";
import type { SDKConfig } from "../src/core/options";
import { TEST_CONFIG, TestClient } from "./helpers/test-client";
import { TestServer } from "./helpers/test-server";

// The error fields, the request id header and the retried statuses come from the generated client's config (the
// plan), not from Embott's `{ error: { … } }` and its status list.

const TOP_LEVEL: SDKConfig = {
  ...TEST_CONFIG,
  errorEnvelope: { message: ["detail"], code: ["code"], param: ["field"], requestId: ["trace_id"] },
  requestIdHeader: "X-Trace-Id",
};

describe("the error envelope, request id header and retry statuses come from the config", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(() => server.close());

  const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    server.enqueue((_request, response) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(body));
    });
  const fail = (config: SDKConfig, options: object = {}) =>
    new TestClient({ baseURL: server.url, maxRetries: 0, ...options }, config)
      .request({ method: "post", path: "/widgets", body: {} })
      .catch((error: unknown) => error) as Promise<APIError>;

  it("reads message, code and param through the envelope's paths; the body's request id when no header", async () => {
    reply(422, {
      detail: "name must not be empty",
      code: "invalid_name",
      field: "name",
      trace_id: "trace_9",
    });
    const error = await fail(TOP_LEVEL);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect({
      status: error.status,
      code: error.code,
      param: error.param,
      requestId: error.requestId,
    }).toEqual({
      status: 422,
      code: "invalid_name",
      param: "name",
      requestId: "trace_9",
    });
    expect(error.type).toBeUndefined();
    expect(error.message).toBe(
      '422 HTTP 422: name must not be empty (request trace_9). Fix the request (parameter "name") and try again.',
    );
  });

  it("the configured request id header wins over the body's; x-request-id is not that header here", async () => {
    reply(409, { detail: "widget exists", code: "conflict", trace_id: "trace_1" }, { "x-trace-id": "req_7" });
    const error = await fail(TOP_LEVEL);
    expect(error).toBeInstanceOf(ConflictError);
    expect([error.requestId, error.code, error.param]).toEqual(["req_7", "conflict", undefined]);
    reply(409, { detail: "widget exists", trace_id: "trace_1" }, { "x-request-id": "req_other" });
    expect((await fail(TOP_LEVEL)).requestId).toBe("trace_1");
  });

  it("without an envelope no field is read from the body: the message says the status and quotes no field", async () => {
    const { errorEnvelope: _none, ...config } = TOP_LEVEL;
    reply(400, { detail: "ignored", code: "ignored" });
    const error = await fail(config);
    expect([error.code, error.param, error.requestId, error.error]).toEqual([
      undefined,
      undefined,
      null,
      undefined,
    ]);
    expect(error.message).toBe("400 HTTP 400: no details. Fix the request and try again.");
  });

  it("retries the policy's statuses only: 409 when listed, not 503 below its server-error floor", async () => {
    const config: SDKConfig = {
      ...TOP_LEVEL,
      retry: { maxRetries: 1, statuses: [409], minServerErrorStatus: 600 },
    };
    reply(409, { detail: "busy" });
    reply(201, { id: "w_1" });
    const client = new TestClient({ baseURL: server.url }, config);
    expect(await client.request({ method: "post", path: "/widgets", body: {} })).toEqual({ id: "w_1" });
    expect(client.maxRetries).toBe(1);
    reply(503, { detail: "down" });
    const error = await client.request({ method: "get", path: "/x" }).catch((e: unknown) => e);
    expect((error as APIError).status).toBe(503);
    expect(server.requests).toHaveLength(3);
  });
});
