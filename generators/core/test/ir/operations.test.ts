import { describe, expect, it } from "vitest";
import { irOf, jsonResponse, operations, spec } from "../helpers/build";

const ok = { 200: jsonResponse({ type: "object", properties: { id: { type: "string" } } }) };

describe("resources and method names", () => {
  it("takes resources from x-embott-resource, then the first tag, then the first static path segment", () => {
    const ir = irOf(
      spec({
        "/bots/{id}/versions": {
          get: { "x-embott-resource": "bots.versions", "x-embott-method": "listAll", responses: ok },
        },
        "/v1/help-center/articles": {
          get: { tags: ["Help Center"], operationId: "helpCenterListArticles", responses: ok },
        },
        "/v1/users/{user_id}": { get: { responses: ok }, delete: { responses: ok } },
        "/v1/users": { post: { responses: ok } },
        "/v1/users/{user_id}/block": { post: { responses: ok } },
      }),
    );
    expect(ir.resources.map((resource) => [resource.id, resource.origin])).toEqual([
      ["bots.versions", "extension"],
      ["helpCenter", "tag"],
      ["users", "path"],
    ]);
    expect(Object.keys(operations(ir))).toEqual([
      "bots.versions.listAll",
      "helpCenter.listArticles",
      "users.block",
      "users.create",
      "users.delete",
      "users.get",
    ]);
  });

  it("skips bare version segments (2.0, v1.1, 3) when the resource comes from the path", () => {
    const ir = irOf(
      spec({
        "/2.0/repositories/{username}/{slug}": { get: { operationId: "getRepository", responses: ok } },
        "/v1.1/users": { get: { responses: ok } },
        "/3/api/teams": { get: { responses: ok } },
      }),
    );
    // The responses are single objects, so GET on a collection-looking path is a `get`.
    expect(Object.keys(operations(ir))).toEqual(["repositories.get", "teams.get", "users.get"]);
  });

  it("names same-named methods of a resource by path (listForRepo), not list2", () => {
    const ok = { 200: jsonResponse({ type: "array", items: { type: "string" } }) };
    const ir = irOf(
      spec({
        "/issues": { get: { tags: ["issues"], operationId: "listIssues", responses: ok } },
        "/repos/{owner}/{repo}/issues": { get: { tags: ["issues"], responses: ok } },
        "/orgs/{org}/issues": { get: { tags: ["issues"], operationId: "list-issues", responses: ok } },
        "/a": { get: { tags: ["x"], operationId: "list", responses: ok } },
        "/a/": { get: { tags: ["x"], operationId: "List", responses: ok } },
      }),
    );
    expect(Object.keys(operations(ir))).toEqual([
      "issues.list",
      "issues.listForOrg",
      "issues.listForRepo",
      "x.list",
      "x.listForA",
    ]);
  });
});

describe("operations", () => {
  it("merges path-item parameters, resolves $ref parameters and style defaults", () => {
    const ir = irOf(
      spec(
        {
          "/bots/{bot_id}": {
            parameters: [{ name: "bot_id", in: "path", required: true, schema: { type: "string" } }],
            get: {
              tags: ["bots"],
              operationId: "getBot",
              parameters: [
                { $ref: "#/components/parameters/Expand" },
                { name: "X-Trace", in: "header", schema: { type: "string" } },
              ],
              responses: ok,
            },
          },
        },
        {
          components: {
            parameters: {
              Expand: { name: "expand[]", in: "query", schema: { type: "array", items: { type: "string" } } },
            },
          },
        },
      ),
    );
    const parameters = operations(ir)["bots.get"]?.parameters ?? [];
    expect(parameters.map((p) => [p.name, p.in, p.required, p.style, p.explode, p.words])).toEqual([
      ["bot_id", "path", true, "simple", false, ["bot", "id"]],
      ["expand[]", "query", false, "form", true, ["expand"]],
      ["X-Trace", "header", false, "simple", false, ["x", "trace"]],
    ]);
  });

  it("prefers a JSON body, and recognises form-urlencoded and multipart bodies", () => {
    const body = (content: Record<string, unknown>) => ({
      post: { tags: ["t"], requestBody: { required: true, content }, responses: ok },
    });
    const schema = { schema: { type: "object", properties: { a: { type: "string" } } } };
    const ir = irOf(
      spec({
        "/json": body({ "application/x-www-form-urlencoded": schema, "application/json": schema }),
        "/form": body({ "application/x-www-form-urlencoded": schema }),
        "/upload": body({
          "multipart/form-data": {
            schema: { type: "object", properties: { file: { type: "string", format: "binary" } } },
          },
        }),
      }),
    );
    const bodies = Object.values(operations(ir)).map((op) => [
      op.path,
      op.body?.encoding,
      op.body?.mediaType,
      op.body?.required,
    ]);
    expect(bodies).toEqual([
      ["/form", "form", "application/x-www-form-urlencoded", true],
      ["/json", "json", "application/json", true],
      ["/upload", "multipart", "multipart/form-data", true],
    ]);
  });

  it("classifies binary, empty and JSON success responses and collects documented errors", () => {
    const problem = {
      "application/problem+json": { schema: { type: "object", properties: { title: { type: "string" } } } },
    };
    const ir = irOf(
      spec({
        "/file": {
          get: {
            tags: ["t"],
            operationId: "download",
            responses: { 200: { description: "png", content: { "image/png": {} } } },
          },
        },
        "/gone": {
          delete: {
            tags: ["t"],
            operationId: "remove",
            responses: {
              204: { description: "gone" },
              404: { description: "missing", content: problem },
              500: { description: "no body" },
              default: { description: "other", content: problem },
            },
          },
        },
      }),
    );
    const ops = operations(ir);
    expect(ops["t.download"]?.response).toMatchObject({
      kind: "binary",
      mediaType: "image/png",
      status: "200",
    });
    expect(ops["t.remove"]?.response).toMatchObject({ kind: "empty", status: "204" });
    expect(ops["t.remove"]?.errors.map((error) => [error.status, error.mediaType])).toEqual([
      ["404", "application/problem+json"],
      ["default", "application/problem+json"],
    ]);
  });

  it("derives scopes, deprecation, docs and idempotency", () => {
    const ir = irOf(
      spec(
        {
          "/orders": {
            post: {
              tags: ["orders"],
              operationId: "createOrder",
              summary: "Create",
              deprecated: true,
              security: [{ bearer: ["orders:write"] }],
              parameters: [{ name: "Idempotency-Key", in: "header", schema: { type: "string" } }],
              responses: ok,
            },
            patch: { tags: ["orders"], operationId: "updateOrder", responses: ok },
            get: { tags: ["orders"], operationId: "listOrders", security: [], responses: ok },
          },
        },
        {
          security: [{ bearer: ["orders:read"] }],
          components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
        },
      ),
    );
    const ops = operations(ir);
    expect(ops["orders.create"]).toMatchObject({
      scopes: ["orders:write"],
      deprecated: true,
      docs: { summary: "Create" },
      idempotent: true,
      idempotencyHeader: "Idempotency-Key",
    });
    expect(ops["orders.update"]).toMatchObject({
      scopes: ["orders:read"],
      idempotent: false,
      deprecated: false,
    });
    expect(ops["orders.list"]).toMatchObject({ security: [], scopes: [], idempotent: true });
  });
});
