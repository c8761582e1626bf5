import { describe, expect, it } from "vitest";
import { emitDocument, fileOf, response, tinySpec } from "./support";

const components = {
  schemas: {
    Role: { type: "string", enum: ["user", "assistant"] },
    Tag: {
      type: "object",
      required: ["id", "name"],
      properties: { id: { type: "string", readOnly: true }, name: { type: "string" } },
    },
    SendRequest: {
      type: "object",
      required: ["role", "content"],
      properties: {
        role: { $ref: "#/components/schemas/Role" },
        content: { type: "string" },
        tags: { type: "array", items: { $ref: "#/components/schemas/Tag" } },
        priority: { type: "string", enum: ["low", "high"] },
        stream: { type: "boolean" },
      },
    },
  },
};

const send = {
  post: {
    tags: ["messages"],
    operationId: "sendMessage",
    summary: "Send a message.",
    parameters: [{ name: "limit", in: "query", schema: { type: "integer" } }],
    "x-embott-streaming": { flag: "stream", method: "streamMessage" },
    requestBody: {
      required: true,
      content: { "application/json": { schema: { $ref: "#/components/schemas/SendRequest" } } },
    },
    responses: { 200: response({ type: "object", properties: { ok: { type: "boolean" } } }) },
  },
};

describe("flat params read as hand-written", () => {
  it("types fields with named models (hoisted inline enums too) and primitives; the twin aliases the plain params", async () => {
    const { files } = await emitDocument(tinySpec({ "/messages": send }, { components }));
    const messages = fileOf(files, "src/resources/messages.ts");
    const params = messages.slice(messages.indexOf("export interface MessageSendParams")).split("\n}")[0]!;
    expect(params).toContain("limit?: number;");
    expect(params).toContain("role: Types.Role;");
    expect(params).toContain("content: string;");
    expect(params).toContain("tags?: Array<Types.Tag>;");
    // An inline enum is a plan model of its own, printed by hey-api under the plan's name.
    expect(params).toContain("priority?: Types.SendRequestPriority;");
    expect(fileOf(files, "src/types.gen.ts")).toContain("export type SendRequestPriority = ");
    expect(params).not.toContain("stream?");
    expect(messages).toContain("export type MessageStreamMessageParams = MessageSendParams;");
    expect(messages).toMatch(/\* Send a message \(streamed as server-sent events\)\.\n/);
  }, 30_000);
});
