import { describe, expect, it } from "vitest";
import { deref, type SchemaObject } from "../src/index";
import { AGREED_OPERATIONS, SEED_ENDPOINTS } from "./support/seed";
import { doc, endpointOf, operations } from "./support/spec";

/** "/v1/bots/:id" and "/bots/{bot_id}" both become "/bots/{}" (relative to the /v1 server base). */
function pathShape(path: string): string {
  return path
    .replace(/^\/v1(?=\/)/, "")
    .replace(/:[a-z_]+/g, "{}")
    .replace(/\{[a-z_]+\}/g, "{}");
}

const shapeOf = (endpoint: string): string => {
  const [method, path] = endpoint.split(" ");
  return `${method} ${pathShape(path!)}`;
};

describe("endpoints", () => {
  it("serves everything from the /v1 base of api.embott.com", () => {
    expect(doc.servers.map((server) => server.url)).toEqual(["https://api.embott.com/v1"]);
  });

  it.each(SEED_ENDPOINTS)("documents the seed endpoint %s", (seedEndpoint) => {
    const documented = operations.map((entry) => shapeOf(endpointOf(entry)));
    expect(documented).toContain(shapeOf(seedEndpoint));
  });

  it("documents exactly the agreed operations, no more", () => {
    expect(operations.map(endpointOf).sort()).toEqual(AGREED_OPERATIONS.map((op) => op.endpoint).sort());
  });

  it.each(AGREED_OPERATIONS)("$endpoint is $operationId → $resource.$method", (agreed) => {
    const entry = operations.find((candidate) => endpointOf(candidate) === agreed.endpoint);
    expect(entry?.operation.operationId).toBe(agreed.operationId);
    expect(entry?.operation["x-embott-resource"]).toBe(agreed.resource);
    expect(entry?.operation["x-embott-method"]).toBe(agreed.method);
  });

  it.each(operations.map((entry) => [endpointOf(entry), entry] as const))(
    "%s has a tag, a summary and a description",
    (_, entry) => {
      const tagNames = doc.tags.map((tag) => tag.name);
      expect(entry.operation.tags).toHaveLength(1);
      expect(tagNames).toContain(entry.operation.tags?.[0]);
      expect(entry.operation.summary?.length).toBeGreaterThan(0);
      expect(entry.operation.description?.length).toBeGreaterThan(0);
    },
  );

  it("answers sendMessage with the reply as message.content (the seed's reply.message.content)", () => {
    const send = operations.find((entry) => entry.operation.operationId === "sendConversationMessage")!;
    const ok = deref(doc, send.operation.responses["200"]!);
    const response = deref<SchemaObject>(doc, ok.content?.["application/json"]?.schema ?? {});
    const message = deref<SchemaObject>(doc, (response.properties as Record<string, SchemaObject>).message!);
    expect(response.required).toContain("message");
    expect(message.required).toContain("content");
    expect((message.properties as Record<string, object>).content).toMatchObject({ type: "string" });
  });
});
