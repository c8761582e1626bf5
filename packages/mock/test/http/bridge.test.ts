import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMockServer, startMockServer } from "../../src/index";
import type { ErrorBody } from "../support/errors";
import { type RawResponse, rawRequest } from "../support/raw-http";

const AUTH = "Authorization: Bearer sk_live_admin_0001";
let server: RunningMockServer;

function expectEnvelope(response: RawResponse, status: number, type: string, code: string) {
  expect(response.status).toBe(status);
  const { error } = JSON.parse(response.body) as ErrorBody;
  expect(error).toMatchObject({ type, code });
  expect(error.request_id).toMatch(/^req_\d+$/);
  expect(response.headers["x-request-id"]).toBe(error.request_id);
}

describe("the node:http bridge answers malformed requests in the error envelope", () => {
  beforeAll(async () => {
    server = await startMockServer({ maxBodyBytes: 1024 });
  });
  afterAll(() => server.close());

  it("answers a malformed percent-encoding with 400", async () => {
    const response = await rawRequest(server.url, `GET /v1/bots/%E0%A4%A HTTP/1.1\r\nHost: x\r\n${AUTH}`);
    expectEnvelope(response, 400, "invalid_request_error", "invalid_url");
  });

  it("answers an unsupported method with 405 and Allow", async () => {
    const response = await rawRequest(server.url, `TRACE /v1/bots HTTP/1.1\r\nHost: x\r\n${AUTH}`);
    expectEnvelope(response, 405, "invalid_request_error", "method_not_allowed");
    expect(response.headers.allow).toContain("GET");
  });

  it("builds the URL from its own address, not from the Host header", async () => {
    const response = await rawRequest(server.url, `GET /v1/bots?limit=1 HTTP/1.1\r\nHost: a b\r\n${AUTH}`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).object).toBe("list");
  });

  it.each(["//v1/bots", "/favicon.ico", "/v1x/bots"])("answers %s with 404 not_found_error", async (path) => {
    const response = await rawRequest(server.url, `GET ${path} HTTP/1.1\r\nHost: x\r\n${AUTH}`);
    expectEnvelope(response, 404, "not_found_error", "route_not_found");
  });

  it.each([
    "POST /v1/../__mock/reset",
    "GET /v1/%2e%2e/__mock/requests",
    "GET /v1/%2E%2E/__mock/requests",
    "GET /v1/./bots",
    "GET /v1/bots/..",
    "GET /v1/bots/%2e?x=1",
  ])("answers %s with 400 instead of normalising it into another route", async (line) => {
    const logged = (await (await fetch(`${server.url}/__mock/requests`)).json()) as { data: unknown[] };
    const response = await rawRequest(
      server.url,
      `${line} HTTP/1.1\r\nHost: x\r\n${AUTH}\r\nContent-Length: 0`,
    );
    expectEnvelope(response, 400, "invalid_request_error", "invalid_url");
    const after = (await (await fetch(`${server.url}/__mock/requests`)).json()) as { data: unknown[] };
    expect(after.data.length).toBe(logged.data.length); // the reset never ran
  });

  it("answers HEAD wherever GET answers, without a body", async () => {
    const bots = await fetch(`${server.url}/v1/bots`, {
      method: "HEAD",
      headers: { authorization: AUTH.slice(15) },
    });
    expect(bots.status).toBe(200);
    expect(bots.headers.get("x-request-id")).toMatch(/^req_/);
    expect(await bots.text()).toBe("");
    expect((await fetch(`${server.url}/__mock/health`, { method: "HEAD" })).status).toBe(200);
  });

  it("answers a body over the limit with 413 and keeps serving", async () => {
    const body = JSON.stringify({ name: "x".repeat(2048) });
    const head = `POST /v1/bots HTTP/1.1\r\nHost: x\r\n${AUTH}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}`;
    expectEnvelope(
      await rawRequest(server.url, head, body),
      413,
      "invalid_request_error",
      "request_too_large",
    );
    const chunked = await fetch(`${server.url}/v1/bots`, {
      method: "POST",
      headers: { authorization: AUTH.slice(15), "content-type": "application/json" },
      body: new Blob(Array.from({ length: 64 }, () => body)).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await fetch(`${server.url}/__mock/health`)).status).toBe(200);
  });
});
