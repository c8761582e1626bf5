import { describe, expect, it } from "vitest";
import type { Schemas } from "../../src/store/types";
import { parseSse } from "../support/conformance";
import { call, json, useMock } from "../support/in-process";

type Exchange = Schemas["SendMessageResponse"];

function send(conversationId: string, content: string, extra: Record<string, unknown> = {}) {
  return call("POST", `/conversations/${conversationId}/messages`, {
    body: { role: "user", content, ...extra },
  });
}

describe("conversations: messages, streaming and handoff", () => {
  const { mock } = useMock();

  it("appends the message and a deterministic reply from the product catalog", async () => {
    const before = mock.store.conversations.require("conv_abc123").messages.length;
    const exchange = await json<Exchange>(await send("conv_abc123", "How much is the Alpine tent?"));
    expect(exchange.message.role).toBe("assistant");
    expect(exchange.message.content).toBe(
      "The Alpine 2P Tent costs 349.00 EUR. It's in stock: https://aurora-outdoor.example/products/alpine-2p-tent",
    );
    const detail = await json<Schemas["ConversationDetail"]>(await call("GET", "/conversations/conv_abc123"));
    expect(detail.messages.slice(before).map((message) => message.id)).toEqual([
      exchange.input.id,
      exchange.message.id,
    ]);
    expect(detail.message_count).toBe(before + 2);
  });

  it("answers FAQ questions and offers a human otherwise", async () => {
    expect(
      (await json<Exchange>(await send("conv_abc123", "What is your returns policy?"))).message.content,
    ).toContain("30 days");
    expect((await json<Exchange>(await send("conv_abc123", "Tell me a joke"))).message.content).toContain(
      "connect you",
    );
  });

  it("streams the same reply as token deltas ending with message.completed", async () => {
    const response = await send("conv_abc123", "Do you ship internationally?", { stream: true });
    const events = parseSse(await response.text());
    expect(events[0]?.event).toBe("message.started");
    const deltas = events
      .filter((event) => event.event === "message.delta")
      .map((event) => (event.data as { delta: string }).delta);
    const completed = events.at(-1)?.data as Schemas["MessageCompletedStreamEvent"];
    expect(events.at(-1)?.event).toBe("message.completed");
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(completed.message.content);
    expect(mock.store.conversations.require("conv_abc123").messages.at(-1)?.id).toBe(completed.message.id);
  });

  it("hands off once, then replies with a system message and refuses a second handoff", async () => {
    const handoff = await call("POST", "/conversations/conv_convseed0001/handoff", {
      body: { reason: "Wants a human" },
    });
    expect(await json<Schemas["Handoff"]>(handoff)).toMatchObject({
      status: "requested",
      priority: "normal",
      reason: "Wants a human",
    });
    const exchange = await json<Exchange>(await send("conv_convseed0001", "Hello?"));
    expect(exchange.message.role).toBe("system");
    expect((await call("POST", "/conversations/conv_convseed0001/handoff", { body: {} })).status).toBe(409);
    const detail = await json<Schemas["ConversationDetail"]>(
      await call("GET", "/conversations/conv_convseed0001"),
    );
    expect(detail.status).toBe("handed_off");
    expect(detail.handoff?.reason).toBe("Wants a human");
  });

  it("refuses messages to a closed conversation with 409", async () => {
    expect((await send("conv_convseed0002", "Anyone there?")).status).toBe(409);
  });

  it("captures a lead when the visitor shares an email address", async () => {
    await send("conv_convseed0001", "Please email me at sam@example.org");
    const leads = await json<Schemas["LeadList"]>(await call("GET", "/leads?status=new&limit=100"));
    expect(leads.data.find((lead) => lead.email === "sam@example.org")).toMatchObject({
      conversation_id: "conv_convseed0001",
    });
  });
});

describe("a long transcript", () => {
  const { mock } = useMock();

  function addMessages(conversationId: string, count: number): string[] {
    const conversation = mock.store.conversations.require(conversationId);
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const id = `msg_long${String(index).padStart(4, "0")}`;
      ids.push(id);
      conversation.messages.push({
        id,
        object: "message",
        conversation_id: conversationId,
        role: index % 2 ? "assistant" : "user",
        content: `message ${index}`,
        // Several messages per second, as a fast exchange has: the cursor must tell them apart by id.
        created_at: new Date(Date.parse("2027-01-01T00:00:00Z") + Math.floor(index / 3) * 1000)
          .toISOString()
          .replace(/\.\d{3}Z$/, "Z"),
        metadata: {},
      });
    }
    conversation.message_count = conversation.messages.length;
    return ids;
  }

  it("GET /conversations/{id} embeds only the latest 50 messages and says there are more", async () => {
    const before = mock.store.conversations.require("conv_abc123").messages.length;
    const ids = addMessages("conv_abc123", 130);
    const detail = await json<{
      messages: { id: string }[];
      has_more_messages: boolean;
      message_count: number;
    }>(await call("GET", "/conversations/conv_abc123"));
    expect(detail.messages.map((message) => message.id)).toEqual(ids.slice(-50));
    expect(detail.has_more_messages).toBe(true);
    expect(detail.message_count).toBe(before + 130);
  });

  it("GET /conversations/{id}/messages pages the whole transcript, oldest first, each message once", async () => {
    const stored = mock.store.conversations.require("conv_abc123").messages.map((message) => message.id);
    const ids = [...stored, ...addMessages("conv_abc123", 130)];
    const seen: string[] = [];
    let path = "/conversations/conv_abc123/messages?limit=40";
    for (;;) {
      const page = await json<{ data: { id: string }[]; next_cursor: string | null; has_more: boolean }>(
        await call("GET", path),
      );
      seen.push(...page.data.map((message) => message.id));
      if (!page.next_cursor) break;
      path = `/conversations/conv_abc123/messages?limit=40&cursor=${page.next_cursor}`;
    }
    expect(seen).toEqual(ids);
  });

  it("rejects another conversation's cursor and answers 404 for an unknown conversation", async () => {
    addMessages("conv_abc123", 30);
    const page = await json<{ next_cursor: string }>(
      await call("GET", "/conversations/conv_abc123/messages?limit=5"),
    );
    const other = await call("GET", `/conversations/conv_convseed0001/messages?cursor=${page.next_cursor}`);
    expect(other.status).toBe(400);
    expect((await json<{ error: { code: string } }>(other)).error.code).toBe("cursor_mismatch");
    expect((await call("GET", "/conversations/conv_nothere/messages")).status).toBe(404);
  });
});
