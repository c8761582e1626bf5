import { describe, expect, it } from "vitest";
import { normalizeDocument } from "../../src/index";
import { at } from "../helpers/build";

const withSchema = (schema: Record<string, unknown>) => ({ components: { schemas: { S: schema } } });
const normalized = (schema: Record<string, unknown>) =>
  at(normalizeDocument(withSchema(schema)), "components", "schemas", "S");

describe("normalizeDocument (3.0 → 3.1 meaning)", () => {
  it("turns nullable into a null type, a null enum value or a null branch", () => {
    expect(normalized({ type: "string", nullable: true })).toEqual({ type: ["string", "null"] });
    expect(normalized({ type: "string", enum: ["a"], nullable: true })).toEqual({
      type: ["string", "null"],
      enum: ["a", null],
    });
    expect(normalized({ $ref: "#/components/schemas/T", nullable: true, description: "d" })).toEqual({
      description: "d",
      anyOf: [{ $ref: "#/components/schemas/T" }, { type: "null" }],
    });
    expect(normalized({ type: "string", nullable: false })).toEqual({ type: "string" });
  });

  it("rewrites boolean exclusive bounds to numeric ones and example to examples", () => {
    expect(
      normalized({
        type: "integer",
        minimum: 0,
        exclusiveMinimum: true,
        maximum: 9,
        exclusiveMaximum: false,
        example: 3,
      }),
    ).toEqual({
      type: "integer",
      exclusiveMinimum: 0,
      maximum: 9,
      examples: [3],
    });
  });

  it("reaches nested schemas in parameters, bodies and properties but never example data", () => {
    const document = {
      paths: {
        "/a": {
          get: { parameters: [{ name: "q", in: "query", schema: { type: "string", nullable: true } }] },
        },
      },
      components: {
        schemas: {
          S: {
            properties: { p: { items: { type: "integer", nullable: true } } },
            examples: [{ nullable: true }],
          },
        },
      },
    };
    const result = normalizeDocument(document);
    expect(at(result, "paths", "/a", "get", "parameters", "0", "schema", "type")).toEqual(["string", "null"]);
    expect(at(result, "components", "schemas", "S", "properties", "p", "items", "type")).toEqual([
      "integer",
      "null",
    ]);
    expect(at(result, "components", "schemas", "S", "examples")).toEqual([{ nullable: true }]);
  });

  it("leaves 3.1 schemas untouched", () => {
    const schema = { type: ["string", "null"], exclusiveMinimum: 1, const: "x" };
    expect(normalized({ ...schema })).toEqual(schema);
  });
});
