import { describe, expect, it } from "vitest";
import { buildSymbolTable } from "../../src/hey-api";

const symbol = (finalName: string, meta: Record<string, unknown>) => ({
  finalName,
  meta: { tool: "typescript", category: "type", ...meta },
});

describe("buildSymbolTable", () => {
  it("indexes hey-api's final names by schema pointer, operation and webhook", () => {
    const table = buildSymbolTable([
      symbol("Pet2", { resource: "definition", resourceId: "#/components/schemas/Pet" }),
      symbol("ListPetsData", { resource: "operation", role: "data", path: ["paths", "/pets", "get"] }),
      symbol("ListPetsResponse", {
        resource: "operation",
        role: "response",
        path: ["paths", "/pets", "get"],
      }),
      symbol("ListPetsResponses", {
        resource: "operation",
        role: "responses",
        path: ["paths", "/pets", "get"],
      }),
      symbol("NewPetWebhookPayload", {
        resource: "webhook",
        role: "payload",
        path: ["webhooks", "pet.new", "post"],
      }),
      symbol("ClientOptions", { resource: "client", role: "options" }),
      { finalName: "Ignored", meta: { tool: "zod", category: "schema" } },
    ]);
    expect(table.schemas.get("#/components/schemas/Pet")).toBe("Pet2");
    expect(table.operations.get("get /pets")).toEqual({
      data: "ListPetsData",
      response: "ListPetsResponse",
      responses: "ListPetsResponses",
    });
    expect(table.webhookPayloads.get("pet.new")).toBe("NewPetWebhookPayload");
    expect([...table.clientOnly]).toEqual(["ClientOptions"]);
    expect([...table.clientConfig]).toEqual(["ClientOptions"]);
    expect(table.schemas.size).toBe(1);
  });
});
