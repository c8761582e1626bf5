import { describe, expect, it } from "vitest";
import { credentialAlternatives, planAuth } from "../../src/plan";
import { irOf, operations, spec } from "../helpers/build";
import { operationsById, reproIR } from "../helpers/repro";

describe("repro typing-auth.yaml: alternatives of AND-combined schemes", async () => {
  const { ir } = await reproIR("typing-auth.yaml");

  it("keeps the alternatives in order, the two-header one as one AND-alternative", () => {
    const alternatives = [
      {
        schemes: [
          { id: "api_email", scopes: [] },
          { id: "api_key", scopes: [] },
        ],
      },
      { schemes: [{ id: "api_token", scopes: [] }] },
    ];
    expect(ir.security).toEqual(alternatives);
    expect(operationsById(ir)["accounts.get"]).toMatchObject({
      security: alternatives,
      securityOrigin: "operation",
    });
  });

  it("gives each scheme its own client option, so X-Auth-Email and X-Auth-Key are two options", () => {
    const auth = planAuth(ir);
    // The bearer token is a whole alternative on its own, so it takes `apiKey`; the pair are named by header.
    expect(auth.primary).toBe("api_token");
    expect(auth.credentials).toEqual([
      { scheme: "api_token", name: ["api", "key"], env: "REPRO_API_KEY" },
      { scheme: "api_email", name: ["auth", "email"], env: "REPRO_AUTH_EMAIL" },
      { scheme: "api_key", name: ["auth", "key"], env: "REPRO_AUTH_KEY" },
    ]);
    expect(
      credentialAlternatives(auth, ir.security).map((alternative) =>
        alternative.map((c) => c.name.join("_")),
      ),
    ).toEqual([["auth_email", "auth_key"], ["api_key"]]);
  });

  it("types a path parameter whose schema is {} as unknown (serialised as a string by the SDK)", () => {
    const parameter = operationsById(ir)["accounts.get"]?.parameters[0];
    expect(parameter).toMatchObject({
      name: "account_id",
      in: "path",
      required: true,
      type: { kind: "ref" },
    });
    const alias = ir.models.find((model) => model.id === "any_identifier");
    expect(alias).toMatchObject({ kind: "alias", type: { kind: "unknown" } });
  });
});

describe("per-operation security", () => {
  const document = spec(
    {
      "/private": {
        get: { operationId: "fetchPrivate", tags: ["x"], responses: { 200: { description: "ok" } } },
      },
      "/public": {
        get: {
          operationId: "fetchPublic",
          tags: ["x"],
          security: [],
          responses: { 200: { description: "ok" } },
        },
      },
      "/admin": {
        get: {
          operationId: "fetchAdmin",
          tags: ["x"],
          security: [{ admin: ["root"] }],
          responses: { 200: { description: "ok" } },
        },
      },
    },
    {
      components: {
        securitySchemes: {
          key: { type: "apiKey", in: "header", name: "X-Key" },
          admin: { type: "http", scheme: "bearer" },
          unused: { type: "apiKey", in: "query", name: "k" },
        },
      },
      security: [{ key: [] }],
    },
  );

  it("overrides the root; security: [] sends nothing; unused schemes carry no option", () => {
    const ir = irOf(document);
    const byId = operations(ir);
    expect(byId["x.fetchPrivate"]).toMatchObject({
      security: [{ schemes: [{ id: "key" }] }],
      securityOrigin: "root",
    });
    expect(byId["x.fetchPublic"]).toMatchObject({ security: [], securityOrigin: "operation" });
    expect(byId["x.fetchAdmin"]).toMatchObject({
      security: [{ schemes: [{ id: "admin" }] }],
      scopes: ["root"],
    });
    expect(ir.auth.map((scheme) => [scheme.id, scheme.used])).toEqual([
      ["key", true],
      ["admin", true],
      ["unused", false],
    ]);
    expect(planAuth(ir).credentials.map((c) => [c.scheme, c.name.join("_")])).toEqual([
      ["key", "api_key"],
      ["admin", "admin"],
    ]);
  });
});

describe("defaultSecurity: what the client checks when built", () => {
  it("is the root's, else the list every operation shares (scopes aside), else empty", async () => {
    expect(planAuth((await reproIR("typing-auth.yaml")).ir).defaultSecurity).toEqual(
      (await reproIR("typing-auth.yaml")).ir.security,
    );
    const shared = irOf(
      spec(
        {
          "/a": {
            get: {
              operationId: "a",
              tags: ["x"],
              security: [{ key: ["read"] }],
              responses: { 200: { description: "ok" } },
            },
          },
          "/b": {
            get: {
              operationId: "b",
              tags: ["x"],
              security: [{ key: ["write"] }],
              responses: { 200: { description: "ok" } },
            },
          },
        },
        { components: { securitySchemes: { key: { type: "http", scheme: "bearer" } } } },
      ),
    );
    expect(planAuth(shared).defaultSecurity).toEqual([{ schemes: [{ id: "key", scopes: [] }] }]);
    expect(planAuth((await reproIR("operation-security.yaml")).ir).defaultSecurity).toEqual([]);
  });
});
