import { describe, expect, it } from "vitest";
import { irOf, operations, spec } from "../helpers/build";

describe("what form bodies and query parameters need on the wire", () => {
  it("keeps a form body's per-field encoding, allowReserved and parameter defaults", () => {
    const ir = irOf(
      spec({
        "/charges": {
          post: {
            operationId: "createCharge",
            tags: ["charges"],
            parameters: [
              { name: "redirect", in: "query", allowReserved: true, schema: { type: "string" } },
              { name: "limit", in: "query", schema: { type: "integer", default: 10 } },
            ],
            requestBody: {
              content: {
                "application/x-www-form-urlencoded": {
                  schema: {
                    type: "object",
                    properties: {
                      expand: { type: "array", items: { type: "string" } },
                      items: {
                        type: "array",
                        items: { type: "object", properties: { price: { type: "string" } } },
                      },
                      metadata: { type: "object", additionalProperties: { type: "string" } },
                    },
                  },
                  encoding: {
                    expand: { style: "form", explode: true },
                    items: { style: "deepObject", explode: true },
                    metadata: { style: "deepObject", allowReserved: true },
                  },
                },
              },
            },
            responses: { 204: { description: "ok" } },
          },
        },
      }),
    );
    const operation = operations(ir)["charges.create"]!;
    expect(
      operation.parameters.map((parameter) => [parameter.name, parameter.allowReserved, parameter.default]),
    ).toEqual([
      ["redirect", true, undefined],
      ["limit", undefined, 10],
    ]);
    expect(operation.body).toMatchObject({
      encoding: "form",
      fieldEncodings: {
        expand: { style: "form", explode: true },
        items: { style: "deepObject", explode: true },
        metadata: { style: "deepObject", allowReserved: true },
      },
    });
    const model = ir.models.find((candidate) => candidate.id === (operation.body!.type as { id: string }).id);
    expect(model?.kind === "object" && model.properties.map((property) => property.type.kind)).toEqual([
      "array",
      "array",
      "map",
    ]);
  });
});
