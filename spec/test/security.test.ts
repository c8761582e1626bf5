import { describe, expect, it } from "vitest";
import { deref, documentedScopes, type ResponseObject } from "../src/index";
import { ADMIN_SCOPES, AGREED_OPERATIONS, DEFAULT_SCOPES } from "./support/seed";
import { doc, endpointOf, operations } from "./support/spec";

const ALWAYS_DOCUMENTED_ERRORS = ["400", "401", "403", "429", "500"];
const byEndpoint = operations.map((entry) => [endpointOf(entry), entry] as const);

describe("security", () => {
  const scopes = documentedScopes(doc);

  it("documents the seed's scopes plus products and analytics, with who grants them", () => {
    const granted = (grant: string) =>
      scopes.filter((row) => row.grantedBy === grant).map((row) => row.scope);
    expect(granted("Default").sort()).toEqual([...DEFAULT_SCOPES].sort());
    expect(granted("Workspace admin").sort()).toEqual([...ADMIN_SCOPES].sort());
  });

  it("uses an http bearer scheme named bearerAuth", () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it.each(byEndpoint)("%s requires one documented bearerAuth scope, the agreed one", (endpoint, entry) => {
    const requirement = entry.operation.security;
    expect(requirement).toHaveLength(1);
    const required = requirement?.[0]?.bearerAuth;
    expect(required).toHaveLength(1);
    expect(scopes.map((row) => row.scope)).toContain(required?.[0]);
    expect(required?.[0]).toBe(AGREED_OPERATIONS.find((op) => op.endpoint === endpoint)?.scope);
  });

  it.each(byEndpoint)("%s documents the shared error responses", (_, entry) => {
    const statuses = Object.keys(entry.operation.responses);
    expect(statuses).toEqual(expect.arrayContaining(ALWAYS_DOCUMENTED_ERRORS));
    for (const status of statuses.filter((code) => /^[45]/.test(code))) {
      expect(entry.operation.responses[status]).toHaveProperty("$ref");
    }
    if (entry.path.includes("{")) expect(statuses).toContain("404");
  });

  it.each(byEndpoint)("%s sends X-Request-Id on every response", (_, entry) => {
    for (const raw of Object.values(entry.operation.responses)) {
      const response = deref<ResponseObject>(doc, raw);
      expect(response.headers?.["X-Request-Id"]).toEqual({ $ref: "#/components/headers/XRequestId" });
    }
  });

  it("sends Retry-After and the X-RateLimit-* headers on 429", () => {
    const headers = Object.keys(doc.components.responses.RateLimited?.headers ?? {});
    expect(headers).toEqual(
      expect.arrayContaining([
        "Retry-After",
        "X-RateLimit-Limit",
        "X-RateLimit-Remaining",
        "X-RateLimit-Reset",
      ]),
    );
  });

  it("tells clients when to retry a 503", () => {
    expect(doc.components.responses.ServiceUnavailable?.headers).toHaveProperty("Retry-After");
  });
});
