import { describe, expect, expectTypeOf, it } from "vitest";
import type { MessageCompletedStreamEvent, MessageStreamEvent } from "../src/index";
import { useMockApi } from "./support/mock-api";

const api = useMockApi();

describe("streaming", () => {
  it("streams typed events that add up to the final message", async () => {
    const stream = await api.client().conversations.streamMessage({
      conversationId: "conv_abc123",
      role: "user",
      content: "What are your opening hours?",
    });
    const events: MessageStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events[0]?.type).toBe("message.started");
    expect(events.at(-1)?.type).toBe("message.completed");
    const text = events.map((event) => (event.type === "message.delta" ? event.delta : "")).join("");
    const final = events.at(-1);
    expect(final?.type === "message.completed" && final.message.content).toBe(text);
    const [request] = api.mock.requests.list({ operationId: "sendConversationMessage" });
    expect(request?.body).toMatchObject({ content: "What are your opening hours?", stream: true });
  });

  it("finalMessage() resolves to the completed-message event, typed as such", async () => {
    const stream = await api.client().conversations.streamMessage({
      conversationId: "conv_abc123",
      role: "user",
      content: "What are your opening hours?",
    });
    const final = await stream.finalMessage();
    expectTypeOf(final).toEqualTypeOf<MessageCompletedStreamEvent>();
    expect(final.type).toBe("message.completed");
    expect(final.message.content.length).toBeGreaterThan(0);
  });

  it("stops reading when the loop breaks early", async () => {
    const stream = await api.client().conversations.streamMessage({
      conversationId: "conv_abc123",
      role: "user",
      content: "Tell me about shipping.",
    });
    let seen = 0;
    for await (const _event of stream) {
      seen += 1;
      if (seen === 2) break;
    }
    expect(seen).toBe(2);
  });
});
