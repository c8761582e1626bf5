import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidParameterError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../src/index";
import { FIXTURE_KEYS, rejectionOf, useMockApi } from "./support/mock-api";

const api = useMockApi();

describe("errors from real API behaviour", () => {
  it("401 → AuthenticationError for an unknown key", async () => {
    const error = await rejectionOf(() => api.client({ apiKey: "pk_test_unknown_9999" }).bots.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as APIError).status).toBe(401);
  });

  it("403 → PermissionDeniedError when the key lacks the scope", async () => {
    const client = api.client({ apiKey: FIXTURE_KEYS.default });
    const error = await rejectionOf(() => client.bots.create({ name: "No scope" }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
  });

  it("404 → NotFoundError with the request id", async () => {
    const error = await rejectionOf(() => api.client().bots.get({ botId: "bot_missing000" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toMatch(/^req_/);
  });

  it("400 → BadRequestError naming the invalid parameter", async () => {
    const error = await rejectionOf(() => api.client().bots.list({ limit: 1000 }));
    expect(error).toBeInstanceOf(BadRequestError);
  });

  it("409 → ConflictError when a closed conversation is handed off", async () => {
    const client = api.client({ maxRetries: 0 });
    const error = await rejectionOf(() =>
      client.conversations.handoff({ conversationId: "conv_convseed0002" }),
    );
    expect(error).toBeInstanceOf(ConflictError);
  });

  it("422 → UnprocessableEntityError for an inverted date range", async () => {
    const client = api.client();
    const error = await rejectionOf(() =>
      client.analytics.overview({ startDate: "2026-10-31", endDate: "2026-10-01" }),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
  });
});

describe("errors by status", () => {
  const cases = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ] as const;

  it.each(cases)("%i → %o", async (status, ErrorClass) => {
    api.mock.faults.add({ method: "GET", path: "/leads", status });
    const error = await rejectionOf(() => api.client({ maxRetries: 0 }).leads.list());
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(status);
  });
});

describe("client-side errors", () => {
  it("APIConnectionError when the connection drops on every attempt", async () => {
    api.mock.faults.add({ method: "GET", path: "/leads", drop: true, times: 2 });
    const error = await rejectionOf(() => api.client({ maxRetries: 1 }).leads.list());
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  it("InvalidParameterError before any request for an empty path parameter", async () => {
    const client = api.client();
    const error = await rejectionOf(() => client.bots.get({ botId: "" }));
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(api.mock.requests.list()).toHaveLength(0);
  });
});
