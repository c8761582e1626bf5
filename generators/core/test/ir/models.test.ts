import { describe, expect, it } from "vitest";
import type { IR, Model } from "../../src/index";
import { irOf, spec } from "../helpers/build";

const withSchemas = (schemas: Record<string, unknown>, openapi = "3.1.0") =>
  irOf({ ...spec({}), openapi, components: { schemas } });
const model = (ir: IR, id: string): Model => {
  const found = ir.models.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no model ${id}`);
  return found;
};

describe("models", () => {
  it("builds objects with required, readOnly, defaults and additionalProperties", () => {
    const ir = withSchemas({
      Bot: {
        type: "object",
        required: ["id"],
        additionalProperties: false,
        properties: { id: { type: "string", readOnly: true }, size: { type: "integer", default: 3 } },
      },
    });
    expect(model(ir, "Bot")).toMatchObject({
      kind: "object",
      additionalProperties: false,
      properties: [
        {
          name: "id",
          words: ["id"],
          required: true,
          readOnly: true,
          type: { kind: "primitive", type: "string" },
        },
        { name: "size", required: false, default: 3, type: { kind: "primitive", type: "integer" } },
      ],
    });
  });

  it("hoists inline enums and objects with derived names and pointer ids", () => {
    const ir = withSchemas({
      Bot: { type: "object", properties: { status: { type: "string", enum: ["live", "draft"] } } },
    });
    const status = model(ir, "#/components/schemas/Bot/properties/status");
    expect(status).toMatchObject({
      kind: "enum",
      origin: "inline",
      name: { raw: "BotStatus" },
      valueType: "string",
    });
    expect(status.kind === "enum" && status.values.map((value) => value.value)).toEqual(["live", "draft"]);
  });

  it("represents recursive references by id", () => {
    const ir = withSchemas({
      Node: {
        type: "object",
        properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } } },
      },
    });
    const node = model(ir, "Node");
    expect(node.kind === "object" && node.properties[0]?.type).toEqual({
      kind: "array",
      items: { kind: "ref", id: "Node" },
    });
  });

  it("treats 3.0 nullable and 3.1 type arrays the same", () => {
    const v30 = withSchemas(
      {
        A: {
          type: "object",
          properties: {
            x: { type: "string", nullable: true },
            r: { $ref: "#/components/schemas/B", nullable: true },
          },
        },
        B: { type: "object", properties: { y: { type: "string" } } },
      },
      "3.0.3",
    );
    const v31 = withSchemas({
      A: {
        type: "object",
        properties: {
          x: { type: ["string", "null"] },
          r: { oneOf: [{ $ref: "#/components/schemas/B" }, { type: "null" }] },
        },
      },
      B: { type: "object", properties: { y: { type: "string" } } },
    });
    const types = (ir: IR) => {
      const a = model(ir, "A");
      return a.kind === "object" ? a.properties.map((p) => p.type) : [];
    };
    expect(types(v30)).toEqual([
      { kind: "primitive", type: "string", nullable: true },
      { kind: "ref", id: "B", nullable: true },
    ]);
    expect(types(v31)).toEqual(types(v30));
  });

  it("keeps const as a literal, maps as maps and aliases scalar components", () => {
    const ir = withSchemas({
      Event: {
        type: "object",
        properties: {
          type: { const: "ping" },
          tags: { type: "object", additionalProperties: { type: "string" } },
        },
      },
      Id: { type: "string", format: "uuid" },
    });
    const event = model(ir, "Event");
    expect(event.kind === "object" && event.properties.map((p) => p.type)).toEqual([
      { kind: "literal", value: "ping" },
      { kind: "map", values: { kind: "primitive", type: "string" } },
    ]);
    expect(model(ir, "Id")).toMatchObject({
      kind: "alias",
      type: { kind: "primitive", type: "string", format: "uuid" },
    });
  });

  it("reads a declared discriminator and recognises one from branch constants", () => {
    const cat = { type: "object", properties: { kind: { const: "cat" } } };
    const dog = { type: "object", properties: { kind: { const: "dog" } } };
    const ir = withSchemas({
      Cat: cat,
      Dog: dog,
      Declared: {
        oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
        discriminator: {
          propertyName: "kind",
          mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" },
        },
      },
      Recognised: {
        anyOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }, { type: "null" }],
      },
      Plain: { oneOf: [{ type: "string" }, { type: "integer" }] },
    });
    const mapping = [
      { value: "cat", id: "Cat" },
      { value: "dog", id: "Dog" },
    ];
    expect(model(ir, "Declared")).toMatchObject({
      kind: "union",
      combinator: "oneOf",
      discriminator: { property: "kind", mapping, origin: "spec" },
    });
    expect(model(ir, "Recognised")).toMatchObject({
      kind: "union",
      combinator: "anyOf",
      nullable: true,
      discriminator: { property: "kind", mapping, origin: "const" },
    });
    const plain = model(ir, "Plain");
    expect(plain).toMatchObject({
      kind: "union",
      variants: [
        { kind: "primitive", type: "string" },
        { kind: "primitive", type: "integer" },
      ],
    });
    expect(plain.kind === "union" && plain.discriminator).toBeUndefined();
  });

  it("flattens allOf into one object and lists referenced components in extends", () => {
    const ir = withSchemas({
      Base: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
      Bot: {
        allOf: [
          { $ref: "#/components/schemas/Base" },
          { type: "object", properties: { name: { type: "string" } } },
        ],
      },
    });
    expect(model(ir, "Bot")).toMatchObject({
      kind: "object",
      extends: ["Base"],
      properties: [
        { name: "id", required: true },
        { name: "name", required: false },
      ],
    });
  });

  it("makes hoisted names unique against component names", () => {
    const ir = withSchemas({
      BotStatus: { type: "string", enum: ["a"] },
      Bot: { type: "object", properties: { status: { enum: ["x", "y"] } } },
    });
    expect(model(ir, "#/components/schemas/Bot/properties/status").name.raw).toBe("BotStatus2");
  });
});
