import { describe, expect, it } from "vitest";
import { IR_VERSION } from "../../src/index";
import { buildPlan, planAuth } from "../../src/plan";
import { irOf, spec } from "../helpers/build";

describe("root-level IR", () => {
  it("reads servers with variables (regional hosts)", () => {
    const servers = [
      {
        url: "https://{region}.api.example.com/{version}",
        description: "Regional",
        variables: { region: { default: "eu", enum: ["eu", "us"] }, version: { default: "v1" } },
      },
    ];
    expect(irOf(spec({}, { servers })).servers).toEqual([
      {
        url: servers[0]!.url,
        description: "Regional",
        variables: [
          { name: "region", default: "eu", enum: ["eu", "us"] },
          { name: "version", default: "v1" },
        ],
      },
    ]);
  });

  it("reads bearer, basic and apiKey (header and query) schemes", () => {
    const securitySchemes = {
      token: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
      login: { type: "http", scheme: "basic" },
      key: { type: "apiKey", in: "header", name: "Authorization" },
      queryKey: { type: "apiKey", in: "query", name: "api_key" },
    };
    expect(irOf(spec({}, { components: { securitySchemes } })).auth).toEqual([
      { id: "token", kind: "bearer", bearerFormat: "JWT", used: false },
      { id: "login", kind: "basic", used: false },
      {
        id: "key",
        kind: "apiKey",
        in: "header",
        parameterName: "Authorization",
        used: false,
      },
      { id: "queryKey", kind: "apiKey", in: "query", parameterName: "api_key", used: false },
    ]);
  });

  it("gives the sole used scheme the apiKey option and its env var (basic: `user:password` in it)", () => {
    const securitySchemes = { bearerAuth: { type: "http", scheme: "bearer" } };
    const sole = irOf(spec({}, { components: { securitySchemes }, security: [{ bearerAuth: [] }] }));
    expect(planAuth(sole).credentials).toEqual([
      { scheme: "bearerAuth", name: ["api", "key"], env: "TEST_API_KEY" },
    ]);
    const basic = irOf(
      spec(
        {},
        {
          components: { securitySchemes: { login: { type: "http", scheme: "basic" } } },
          security: [{ login: [] }],
        },
      ),
    );
    expect(planAuth(basic).credentials).toEqual([
      { scheme: "login", name: ["api", "key"], env: "TEST_API_KEY" },
    ]);
  });

  it("a declared scheme no requirement names is needed everywhere; no scheme means no credential option", () => {
    const securitySchemes = { key: { type: "apiKey", in: "header", name: "X-Key" } };
    const ir = irOf(
      spec(
        { "/x": { get: { responses: { 200: { description: "ok" } } } } },
        { components: { securitySchemes } },
      ),
    );
    const plan = buildPlan(ir);
    expect(plan.client.auth.requirements).toEqual([{ schemes: [{ id: "key", scopes: [] }] }]);
    expect(plan.resources[0]?.methods[0]?.security).toEqual(plan.client.auth.requirements);
    const none = irOf(spec({ "/x": { get: { responses: { 200: { description: "ok" } } } } }));
    expect(buildPlan(none).client.auth).toMatchObject({ credentials: [], requirements: [] });
  });

  it("has no credential at all when the spec declares no scheme", () => {
    const ir = irOf(spec({ "/x": { get: { responses: { 200: { description: "ok" } } } } }));
    expect(ir.auth).toEqual([]);
    expect(ir.resources[0]?.operations[0]).toMatchObject({ security: [], securityOrigin: "root" });
  });

  it("reads x-embott-sdk or derives SDK names from the title", () => {
    const sdk = {
      clientName: "Embott",
      packageName: "embott",
      apiKeyEnv: "EMBOTT_API_KEY",
      baseUrlEnv: "EMBOTT_BASE_URL",
    };
    expect(irOf(spec({}, { "x-embott-sdk": sdk })).sdk).toEqual({ ...sdk, origin: "extension" });
    const derived = irOf({ ...spec({}), info: { title: "Acme Widgets HTTP API (Preview)", version: "2" } });
    expect(derived.sdk).toEqual({
      clientName: "AcmeWidgets",
      packageName: "acme-widgets",
      apiKeyEnv: "ACME_WIDGETS_API_KEY",
      baseUrlEnv: "ACME_WIDGETS_BASE_URL",
      origin: "derived",
    });
    expect(derived.irVersion).toBe(IR_VERSION);
  });

  it("turns 3.1 webhooks into events with typed payloads, and reads the signature extension", () => {
    const signature = {
      header: "Acme-Signature",
      scheme: "plain",
      algorithm: "hmac-sha256",
      encoding: "base64",
      prefix: "sha256=",
    };
    const ir = irOf({
      openapi: "3.1.0",
      info: { title: "Hooks", version: "1" },
      "x-embott-webhook-signature": signature,
      webhooks: {
        "order.created": {
          post: {
            summary: "Order created",
            requestBody: {
              content: {
                "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } },
              },
            },
            responses: { 200: { description: "ok" } },
          },
        },
        ping: { post: { responses: { 200: { description: "ok" } } } },
      },
    });
    expect(ir.resources).toEqual([]);
    expect(
      ir.webhooks.map((event) => [event.type, event.name.words, event.payload?.kind, event.docs.summary]),
    ).toEqual([
      ["order.created", ["order", "created"], "ref", "Order created"],
      ["ping", ["ping"], undefined, undefined],
    ]);
    expect(ir.models.map((model) => model.name.raw)).toEqual(["OrderCreatedEvent"]);
    expect(ir.webhookSignature).toEqual(signature);
  });
});
