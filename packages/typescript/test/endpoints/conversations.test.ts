import { describe, expect, it } from "vitest";
import { Embott } from "../../src/index";
import { API_BASE_URL, FIXTURE_KEYS, useMockApi } from "../support/mock-api";

const api = useMockApi();

describe("client.conversations", () => {
  it("runs the seed snippet: a flat params object in, the bot's reply out", async () => {
    const client = new Embott({ apiKey: FIXTURE_KEYS.admin, baseURL: API_BASE_URL });
    const reply = await client.conversations.sendMessage({
      conversationId: "conv_abc123",
      role: "user",
      content: "Do you ship internationally?",
    });
    expect(reply.object).toBe("message_exchange");
    expect(reply.input).toMatchObject({ role: "user", content: "Do you ship internationally?" });
    expect(reply.message.role).toBe("assistant");
    expect(reply.message.content.length).toBeGreaterThan(0);
    const [request] = api.mock.requests.list({ operationId: "sendConversationMessage" });
    expect(request?.path).toBe("/v1/conversations/conv_abc123/messages");
    expect(request?.body).toEqual({ role: "user", content: "Do you ship internationally?", stream: false });
  });

  it("gets the full transcript with metadata", async () => {
    const detail = await api.client().conversations.get({ conversationId: "conv_abc123" });
    expect(detail).toMatchObject({ id: "conv_abc123", object: "conversation" });
    expect(Array.isArray(detail.messages)).toBe(true);
  });

  it("lists conversations with camelCase filters sent as snake_case query parameters", async () => {
    const client = api.client();
    const open = await client.conversations.list({ status: "open", createdAfter: "2020-01-01T00:00:00Z" });
    expect(open.data.length).toBeGreaterThan(0);
    expect(open.data.every((conversation) => conversation.status === "open")).toBe(true);
    const [request] = api.mock.requests.list({ operationId: "listConversations" });
    expect(request?.query).toEqual({ status: "open", created_after: "2020-01-01T00:00:00Z" });
  });

  it("hands a conversation off with nested params kept in wire shape", async () => {
    const handoff = await api.client().conversations.handoff({
      conversationId: "conv_abc123",
      reason: "Customer asks for a refund",
      priority: "high",
      notify: { channels: ["email", "slack"], team_id: "team_support" },
    });
    expect(handoff).toMatchObject({ object: "handoff", conversation_id: "conv_abc123", priority: "high" });
    expect(handoff.status).toBe("requested");
  });
});
