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
