import { describe, expect, it } from "vitest";
import {
  componentName,
  deref,
  isJsonObject,
  type OperationEntry,
  type RequestBodyObject,
} from "../src/index";
import { doc, endpointOf, operations } from "./support/spec";

const CURSOR_PAGINATION = {
  style: "cursor",
  items: "data",
  cursorParam: "cursor",
  nextCursor: "next_cursor",
  hasMore: "has_more",
  limitParam: "limit",
};

const parameterRefs = (entry: OperationEntry) =>
  (entry.operation.parameters ?? []).map((parameter) => componentName(parameter, "parameters"));

/** A list operation answers 200 with a schema named `*List` (an `{ object: "list", data, ... }` page). */
function isListOperation(entry: OperationEntry): boolean {
  const ok = entry.operation.responses["200"];
  const schema = ok && deref(doc, ok).content?.["application/json"]?.schema;
  return componentName(schema, "schemas")?.endsWith("List") ?? false;
}

const lists = operations.filter(isListOperation).map((entry) => [endpointOf(entry), entry] as const);
const posts = operations
  .filter((entry) => entry.method === "post")
  .map((entry) => [endpointOf(entry), entry] as const);
const bodies = operations
  .filter((entry) => entry.operation.requestBody)
  .map((entry) => [endpointOf(entry), entry] as const);

describe("conventions", () => {
  it("finds the six cursor-paginated lists", () => {
    expect(lists.map(([endpoint]) => endpoint)).toEqual([
      "GET /bots",
      "GET /conversations",
      "GET /conversations/{conversation_id}/messages",
      "GET /leads",
      "GET /products",
      "GET /webhooks",
    ]);
  });

  it.each(lists)("%s declares cursor pagination and takes Limit and Cursor", (_, entry) => {
    expect(entry.operation["x-embott-pagination"]).toEqual(CURSOR_PAGINATION);
    expect(parameterRefs(entry)).toEqual(expect.arrayContaining(["Limit", "Cursor"]));
  });

  it("declares pagination on list operations only", () => {
    const paginated = operations.filter((entry) => entry.operation["x-embott-pagination"]);
    expect(paginated.map(endpointOf)).toEqual(lists.map(([endpoint]) => endpoint));
  });

  it.each(posts)("%s takes an Idempotency-Key", (_, entry) => {
    expect(parameterRefs(entry)).toContain("IdempotencyKey");
  });

  it.each(bodies)("%s rejects unknown request body fields", (_, entry) => {
    const body = deref<RequestBodyObject>(doc, entry.operation.requestBody!);
    const schema = deref(doc, body.content["application/json"]?.schema ?? {});
    expect(schema.additionalProperties).toBe(false);
  });

  it("streams sendMessage as a twin method over the MessageStreamEvent union", () => {
    const send = operations.find((entry) => entry.operation.operationId === "sendConversationMessage")!;
    const streaming = send.operation["x-embott-streaming"];
    expect(streaming).toEqual({
      flag: "stream",
      method: "streamMessage",
      events: "#/components/schemas/MessageStreamEvent",
      discriminator: "type",
      final: "message.completed",
    });
    const content = deref(doc, send.operation.responses["200"]!).content ?? {};
    expect(Object.keys(content)).toEqual(["application/json", "text/event-stream"]);
    // The stream is text (many events), not one event: OpenAPI tools must not check it against the event schema.
    expect(content["text/event-stream"]?.schema).toMatchObject({ type: "string" });
    const union = doc.components.schemas.MessageStreamEvent!;
    const mapping = isJsonObject(union.discriminator) ? union.discriminator.mapping : undefined;
    expect(mapping).toHaveProperty("message.completed");
  });

  it("declares the SDK identity used by every generated client", () => {
    expect(doc["x-embott-sdk"]).toEqual({
      clientName: "Embott",
      packageName: "embott",
      apiKeyEnv: "EMBOTT_API_KEY",
      baseUrlEnv: "EMBOTT_BASE_URL",
    });
  });
});

describe("responses the API gives are documented", () => {
  it.each(["createBot", "updateBot"])("%s documents 409 (a bot name another bot has)", (operationId) => {
    const entry = operations.find((candidate) => candidate.operation.operationId === operationId)!;
    expect(componentName(entry.operation.responses["409"], "responses")).toBe("Conflict");
  });
});

describe("transcripts are bounded", () => {
  it("GET /conversations/{id} embeds at most 50 messages and says when there are more", () => {
    const detail = doc.components.schemas.ConversationDetail as { allOf: Record<string, unknown>[] };
    const own = detail.allOf[1] as {
      required: string[];
      properties: Record<string, Record<string, unknown>>;
    };
    expect(own.properties.messages?.maxItems).toBe(50);
    expect(own.required).toContain("has_more_messages");
  });
});
