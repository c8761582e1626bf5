import type { ModelPlan } from "@embott/codegen-core";
import { describe, expect, it } from "vitest";
import { heyApiDocument } from "../../src/hey-api";

const model = (id: string, origin: "component" | "inline") => ({ id, origin }) as ModelPlan;
const name = (plan: ModelPlan) => (plan.id.endsWith("Bot") ? "Bot" : "CreateBotBody");

const body = { type: "object", properties: { name: { type: "string" } } };
const document = () => ({
  openapi: "3.1.0",
  paths: {
    "/bots": {
      post: {
        requestBody: { content: { "application/json": { schema: structuredClone(body) } } },
        responses: {
          200: { content: { "application/json": { schema: { $ref: "#/components/schemas/Bot" } } } },
        },
      },
    },
  },
  webhooks: { created: { post: { responses: { 200: { description: "ok" } } } } },
  components: { schemas: { Bot: { type: "object" } } },
});
const models = [
  model("#/components/schemas/Bot", "component"),
  model("#/paths/~1bots/post/requestBody/content/application~1json/schema", "inline"),
];

describe("the document hey-api prints types from", () => {
  it("has every model as a component schema and no operations (their types would be dropped)", () => {
    const input = heyApiDocument(document(), models, name);
    expect(input["paths"]).toEqual({});
    expect(input["webhooks"]).toBeUndefined();
    expect(input["components"]).toEqual({ schemas: { Bot: { type: "object" }, CreateBotBody: body } });
  });

  it("keeps the operations when a schema still refers into them", () => {
    const source = document();
    source.components.schemas.Bot = { $ref: "#/paths/~1bots/post/responses/200" } as never;
    const input = heyApiDocument(source, models, name);
    expect(Object.keys(input["paths"] as object)).toEqual(["/bots"]);
    expect(input["webhooks"]).toBeDefined();
  });
});
