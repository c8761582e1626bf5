import { describe, expect, it } from "vitest";
import {
  allResources,
  buildPlan,
  methodById,
  modelById,
  normalizeDocument,
  PLAN_VERSION,
  PlanError,
  publicSingular,
  resourceById,
  type SdkPlan,
  WordScope,
} from "../../src/index";
import { irOf, jsonResponse, query, spec } from "../helpers/build";

/** Plan of an in-memory spec, with the document (as the CLI passes it). */
function planOf(document: Record<string, unknown>): SdkPlan {
  return buildPlan(irOf(document), { document: normalizeDocument(structuredClone(document)) });
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonBody = (schema: unknown, required = true) => ({
  required,
  content: { "application/json": { schema } },
});

const streamSpec = spec(
  {
    "/messages": {
      post: {
        tags: ["messages"],
        operationId: "sendMessage",
        "x-embott-method": "send",
        "x-embott-streaming": {
          flag: "stream",
          method: "stream",
          events: "#/components/schemas/Event",
          discriminator: "type",
          final: "done",
        },
        parameters: [{ name: "Idempotency-Key", in: "header", schema: { type: "string" } }],
        requestBody: jsonBody({
          type: "object",
          required: ["text"],
          properties: { text: { type: "string" }, stream: { type: "boolean" } },
        }),
        responses: {
          200: {
            description: "ok",
            content: {
              "application/json": { schema: ref("Message") },
              "text/event-stream": { schema: ref("Event") },
            },
          },
        },
      },
    },
  },
  {
    components: {
      schemas: {
        Event: { oneOf: [ref("Delta"), ref("Done")] },
        Delta: { type: "object", properties: { type: { const: "delta" } } },
        Done: { type: "object", properties: { type: { const: "done" }, message: ref("Message") } },
        Message: { type: "object", properties: { id: { type: "string" } } },
      },
    },
  },
);

describe("SdkPlan", () => {
  it("is versioned plain JSON with indexes that find every model, resource and method", () => {
    const plan = planOf(streamSpec);
    expect(plan.planVersion).toBe(PLAN_VERSION);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(modelById(plan, "Message").name).toEqual(["message"]);
    expect(resourceById(plan, "messages").className).toEqual(["messages"]);
    expect(methodById(plan, "messages.stream").kind).toBe("stream");
    expect(() => modelById(plan, "Nope")).toThrow(/no model/);
  });

  it("links a stream twin both ways, fills the flag and idempotency key itself, and types the final event", () => {
    const plan = planOf(streamSpec);
    const send = methodById(plan, "messages.send");
    const stream = methodById(plan, "messages.stream");
    expect(send).toMatchObject({
      kind: "plain",
      streamTwin: "messages.stream",
      paramsType: ["message", "send", "params"],
    });
    expect(stream).toMatchObject({
      kind: "stream",
      twinOf: "messages.send",
      paramsType: ["message", "stream", "params"],
      paramsSameAs: "messages.send",
    });
    expect(send.params.map((param) => param.wireName)).toEqual(["text"]);
    expect(send.request.filled).toEqual({
      idempotencyHeader: "Idempotency-Key",
      streamFlag: { field: "stream", value: false },
    });
    expect(stream.request.filled.streamFlag).toEqual({ field: "stream", value: true });
    expect(stream.stream).toEqual({
      parse: "json",
      event: { kind: "ref", id: "Event" },
      discriminator: "type",
      final: "done",
      finalEvent: { kind: "ref", id: "Done" },
    });
    expect(send.response).toMatchObject({ kind: "json", type: { kind: "ref", id: "Message" } });
  });

  it("flattens params with wire names, locations and serialisation, prefixing a clash with its location", () => {
    const plan = planOf(
      spec({
        "/items/{id}": {
          put: {
            operationId: "updateItem",
            tags: ["items"],
            parameters: [
              { name: "id", in: "path", required: true, schema: { type: "string" } },
              {
                name: "ids",
                in: "query",
                style: "pipeDelimited",
                explode: false,
                schema: { type: "array", items: { type: "string" } },
              },
              { name: "q", in: "query", allowReserved: true, schema: { type: "string", default: "all" } },
              { name: "X-Trace", in: "header", schema: { type: "string" } },
              { name: "session", in: "cookie", schema: { type: "string" } },
            ],
            requestBody: jsonBody({
              type: "object",
              properties: { id: { type: "string" }, name: { type: "string" } },
            }),
            responses: { 204: { description: "done" } },
          },
        },
      }),
    );
    const method = methodById(plan, "items.update");
    expect(method.params.map(({ name, wireName, location }) => ({ name, wireName, location }))).toEqual([
      { name: ["id"], wireName: "id", location: "path" },
      { name: ["ids"], wireName: "ids", location: "query" },
      { name: ["q"], wireName: "q", location: "query" },
      { name: ["x", "trace"], wireName: "X-Trace", location: "header" },
      { name: ["session"], wireName: "session", location: "cookie" },
      { name: ["body", "id"], wireName: "id", location: "body" },
      { name: ["name"], wireName: "name", location: "body" },
    ]);
    expect(method.params[1]!.serialization).toEqual({
      style: "pipeDelimited",
      explode: false,
      allowReserved: false,
    });
    expect(method.params[2]).toMatchObject({
      default: "all",
      serialization: { style: "form", explode: true, allowReserved: true },
    });
    expect(method.request).toMatchObject({
      method: "put",
      path: "/items/{id}",
      body: { mode: "fields", encoding: "json" },
    });
    expect(method.response.kind).toBe("empty");
  });

  it("keeps a *+json media type, reads form encodings and drops the body of a GET", () => {
    const plan = planOf(
      spec({
        "/a": {
          patch: {
            operationId: "patchA",
            tags: ["a"],
            requestBody: {
              content: {
                "application/merge-patch+json": {
                  schema: { type: "object", properties: { x: { type: "string" } } },
                },
              },
            },
            responses: { 204: { description: "ok" } },
          },
          post: {
            operationId: "createA",
            tags: ["a"],
            requestBody: {
              content: {
                "application/x-www-form-urlencoded": {
                  schema: {
                    type: "object",
                    properties: {
                      expand: { type: "array", items: { type: "string" } },
                      metadata: { type: "object", additionalProperties: { type: "string" } },
                    },
                  },
                  encoding: { expand: { style: "deepObject", explode: true } },
                },
              },
            },
            responses: { 204: { description: "ok" } },
          },
          get: {
            operationId: "listA",
            tags: ["a"],
            requestBody: jsonBody({ type: "object", properties: { q: { type: "string" } } }),
            responses: { 200: jsonResponse({ type: "string" }) },
          },
        },
      }),
    );
    expect(methodById(plan, "a.patch").request.body).toMatchObject({
      mediaType: "application/merge-patch+json",
      encoding: "json",
    });
    const create = methodById(plan, "a.create");
    expect(create.request.body).toMatchObject({ encoding: "form", mode: "fields" });
    expect(create.params.map((param) => param.serialization)).toEqual([
      { style: "deepObject", explode: true, allowReserved: false },
      { style: "form", explode: true, allowReserved: false },
    ]);
    const list = methodById(plan, "a.list");
    expect(list.request.body).toBeUndefined();
    expect(list.params).toEqual([]);
  });

  it("sends unknown keys of a body that declares additionalProperties, and takes a non-object body whole", () => {
    const plan = planOf(
      spec({
        "/open": {
          post: {
            operationId: "createOpen",
            tags: ["open"],
            requestBody: jsonBody({
              type: "object",
              properties: { a: { type: "string" } },
              additionalProperties: { type: "integer" },
            }),
            responses: { 204: { description: "ok" } },
          },
          put: {
            operationId: "updateOpen",
            tags: ["open"],
            requestBody: { required: true, content: { "text/plain": { schema: { type: "string" } } } },
            responses: { 204: { description: "ok" } },
          },
        },
      }),
    );
    expect(methodById(plan, "open.create").request.body).toMatchObject({
      mode: "fields",
      extraFields: { kind: "primitive", type: "integer" },
    });
    const update = methodById(plan, "open.update");
    expect(update.request.body).toMatchObject({ mode: "whole", encoding: "text", mediaType: "text/plain" });
    expect(update.params).toEqual([
      expect.objectContaining({ name: ["body"], location: "body", wholeBody: true, required: true }),
    ]);
  });

  it("fills a path placeholder declared under another location, and names an undeclared one", () => {
    const plan = planOf(
      spec({
        "/files/{name}": {
          get: {
            operationId: "getFile",
            tags: ["files"],
            parameters: [query("name")],
            responses: { 200: jsonResponse({ type: "string" }) },
          },
        },
      }),
    );
    expect(methodById(plan, "files.get").params[0]).toMatchObject({ location: "path", required: true });
    const ir = irOf(
      spec({
        "/x/{y}": { get: { operationId: "getX", tags: ["x"], responses: { 204: { description: "ok" } } } },
      }),
    );
    expect(() => buildPlan(ir)).toThrow(PlanError);
    expect(() => buildPlan(ir)).toThrow(/x\.get: path placeholder \{y\}/);
  });

  it("describes pagination with PAGINATION_FIELDS and the item model", () => {
    const plan = planOf(
      spec(
        {
          "/bots": {
            get: {
              operationId: "listBots",
              tags: ["bots"],
              parameters: [query("cursor"), query("limit", "integer")],
              responses: { 200: jsonResponse(ref("BotList")) },
            },
          },
        },
        {
          components: {
            schemas: {
              Bot: { type: "object", properties: { id: { type: "string" } } },
              BotList: {
                type: "object",
                properties: {
                  data: { type: "array", items: ref("Bot") },
                  next_cursor: { type: ["string", "null"] },
                },
              },
            },
          },
        },
      ),
    );
    const list = methodById(plan, "bots.list");
    expect(list.kind).toBe("page");
    expect(list.pagination).toMatchObject({
      descriptor: {
        style: "cursor",
        items: "data",
        cursorParam: "cursor",
        nextCursor: "next_cursor",
        limitParam: "limit",
      },
      item: { kind: "ref", id: "Bot" },
    });
    expect(Object.keys(list.pagination!.descriptor)[0]).toBe("style");
  });

  it("finds the page item through an alias of the items array", () => {
    const plan = planOf(
      spec(
        {
          "/pets": {
            get: {
              operationId: "listPets",
              tags: ["pets"],
              parameters: [query("page_token"), query("page_size", "integer")],
              responses: { 200: jsonResponse(ref("PetPage")) },
            },
          },
        },
        {
          components: {
            schemas: {
              Pet: { type: "object", properties: { id: { type: "string" } } },
              Pets: { type: "array", items: ref("Pet") },
              PetPage: {
                type: "object",
                properties: { items: ref("Pets"), next_page_token: { type: ["string", "null"] } },
              },
            },
          },
        },
      ),
    );
    expect(methodById(plan, "pets.list").pagination?.item).toEqual({ kind: "ref", id: "Pet" });
  });

  it("finds the error envelope's fields, retries 408/429/5xx but never 409", () => {
    const plan = planOf(
      spec(
        {
          "/x": {
            get: {
              operationId: "getX",
              tags: ["x"],
              responses: {
                200: jsonResponse({ type: "string" }),
                404: { description: "missing", content: { "application/json": { schema: ref("Error") } } },
              },
            },
          },
        },
        {
          components: {
            schemas: {
              Error: { type: "object", properties: { error: ref("ErrorBody") } },
              ErrorBody: {
                type: "object",
                properties: {
                  type: { type: "string" },
                  code: { type: "string" },
                  message: { type: "string" },
                  param: { type: "string" },
                  request_id: { type: "string" },
                },
              },
            },
          },
        },
      ),
    );
    expect(plan.client.errorEnvelope).toEqual({
      model: "Error",
      type: ["error", "type"],
      code: ["error", "code"],
      message: ["error", "message"],
      param: ["error", "param"],
      requestId: ["error", "request_id"],
    });
    expect(plan.client.retry.statuses).toEqual([408, 429]);
    expect(plan.client.retry.statuses).not.toContain(409);
    expect(plan.client.retry.minServerErrorStatus).toBe(500);
  });

  it("plans auth placement, env names, typed server variables clear of runtime options, and webhooks", () => {
    const plan = planOf(
      spec(
        { "/x": { get: { operationId: "getX", tags: ["x"], responses: { 204: { description: "ok" } } } } },
        {
          servers: [
            {
              url: "https://{region}.example.com/{timeout}/",
              variables: { region: { default: "eu", enum: ["eu", "us"] }, timeout: { default: "v1" } },
            },
          ],
          security: [{ key: [] }],
          components: {
            securitySchemes: { key: { type: "apiKey", in: "query", name: "api_key" } },
            schemas: { Ping: { type: "object", properties: { id: { type: "string" } } } },
          },
          webhooks: {
            ping: { post: { requestBody: jsonBody(ref("Ping")), responses: { 200: { description: "ok" } } } },
          },
          "x-embott-sdk": {
            clientName: "Acme",
            packageName: "acme",
            apiKeyEnv: "ACME_API_KEY",
            baseUrlEnv: "ACME_BASE_URL",
          },
          "x-embott-webhook-signature": {
            header: "Acme-Signature",
            scheme: "timestamped",
            algorithm: "hmac-sha256",
            encoding: "hex",
          },
        },
      ),
    );
    expect(plan.client.auth).toMatchObject({
      primary: "key",
      schemes: [{ id: "key", placement: "query", parameterName: "api_key" }],
    });
    expect(plan.client.env).toEqual({
      prefix: "ACME",
      apiKey: "ACME_API_KEY",
      baseUrl: "ACME_BASE_URL",
      log: "ACME_LOG",
      webhookSecret: "ACME_WEBHOOK_SECRET",
    });
    expect(plan.client.defaultBaseUrl).toBe("https://eu.example.com/v1");
    expect(plan.client.servers[0]!.variables).toEqual([
      { placeholder: "region", name: ["region"], default: "eu", enum: ["eu", "us"] },
      { placeholder: "timeout", name: ["server", "timeout"], default: "v1" },
    ]);
    expect(plan.webhooks).toMatchObject({
      events: [{ type: "ping", payload: { kind: "ref", id: "Ping" } }],
      union: { name: ["webhook", "event"] },
      resource: "webhooks",
    });
    expect(allResources(plan).find((resource) => resource.id === "webhooks")?.verifiesWebhooks).toBe(true);
  });

  it("gives every model, resource and params type one unique name under core's collision policy", () => {
    const plan = planOf(
      spec(
        {
          "/pets": {
            get: { operationId: "listPets", tags: ["pets"], responses: { 200: jsonResponse(ref("Pets")) } },
          },
          "/analytics/series": {
            get: {
              operationId: "getSeries",
              tags: ["analytics"],
              "x-embott-method": "series",
              parameters: [query("q")],
              responses: { 200: jsonResponse({ type: "string" }) },
            },
          },
        },
        {
          components: {
            schemas: {
              Pets: { type: "array", items: { type: "string" } },
              ApiKey: { type: "object", properties: { a_b: { type: "string" }, aB: { type: "string" } } },
              API_KEY: { type: "string" },
            },
          },
        },
      ),
    );
    expect(resourceById(plan, "pets").className).toEqual(["pets", "resource"]);
    expect(modelById(plan, "API_KEY").name).toEqual(["api", "key"]);
    expect(modelById(plan, "ApiKey").name).toEqual(["api", "key", "2"]);
    const apiKey = modelById(plan, "ApiKey");
    expect(apiKey.kind === "object" && apiKey.fields.map((field) => field.name)).toEqual([
      ["a", "b"],
      ["a", "b", "2"],
    ]);
    expect(methodById(plan, "analytics.series").paramsType).toEqual(["analytics", "series", "params"]);
  });
});

describe("naming policy", () => {
  it("treats word lists that join to the same letters as one name", () => {
    const scope = new WordScope();
    expect(scope.claim(["api", "key"])).toEqual(["api", "key"]);
    expect(scope.claim(["apikey"])).toEqual(["apikey", "2"]);
    expect(scope.claim(["pets"], ["pets", "resource"])).toEqual(["pets"]);
    expect(scope.claim(["pets"], ["pets", "resource"])).toEqual(["pets", "resource"]);
  });

  it("singularises public names like a person would", () => {
    expect(
      [
        "bots",
        "categories",
        "boxes",
        "analytics",
        "series",
        "status",
        "news",
        "people",
        "addresses",
        "leads",
      ].map(publicSingular),
    ).toEqual([
      "bot",
      "category",
      "box",
      "analytics",
      "series",
      "status",
      "news",
      "person",
      "address",
      "lead",
    ]);
  });
});
