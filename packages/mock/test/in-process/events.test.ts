import { describe, expect, it } from "vitest";
import { undeclaredProperties } from "../../src/spec/strict";
import { checkAgainstSchema } from "../../src/spec/validator";
import type { ConversationDetail, Schemas } from "../../src/store/types";
import { eventSchema } from "../../src/webhooks/events";
import { call, json, useMock } from "../support/in-process";

const CONTROL_URL = "https://api.embott.com/__mock";
const FRESH = "conv_fresh0001";

function send(conversationId: string, content: string) {
  return call("POST", `/conversations/${conversationId}/messages`, { body: { role: "user", content } });
}

function control(path: string, body: unknown = {}) {
  return fetch(`${CONTROL_URL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("events the mock emits itself", () => {
  const { mock } = useMock();
  const types = () => mock.webhooks.events().map((event) => event.type);

  function addFreshConversation(): void {
    const seeded = mock.store.conversations.require("conv_convseed0001");
    const fresh: ConversationDetail = {
      ...structuredClone(seeded),
      id: FRESH,
      messages: [],
      message_count: 0,
    };
    mock.store.conversations.put(fresh);
  }

  it("emits conversation.started on a conversation's first visitor message only", async () => {
    addFreshConversation();
    await send(FRESH, "Hello?");
    await send(FRESH, "Anyone?");
    expect(types()).toEqual([
      "conversation.started",
      "message.created",
      "message.created",
      "message.created",
      "message.created",
    ]);
    expect(mock.webhooks.events()[0]?.data).toMatchObject({ id: FRESH, message_count: 2 });
  });

  it("emits lead.qualified when buying intent lifts a captured lead over the threshold", async () => {
    await send("conv_convseed0001", "Reach me at robin@example.org");
    await send("conv_convseed0001", "I would like to buy the Alpine tent");
    expect(types().filter((type) => type.startsWith("lead."))).toEqual(["lead.captured", "lead.qualified"]);
    const leads = await json<Schemas["LeadList"]>(await call("GET", "/leads?status=qualified&limit=100"));
    expect(leads.data.find((lead) => lead.email === "robin@example.org")).toMatchObject({ score: 70 });
  });

  it("accepts a handoff and ends a conversation through control endpoints", async () => {
    await call("POST", "/conversations/conv_convseed0001/handoff", { body: {} });
    const accepted = await control("/conversations/conv_convseed0001/accept-handoff");
    expect(await json<Schemas["Handoff"]>(accepted)).toMatchObject({ status: "accepted" });
    expect((await control("/conversations/conv_convseed0001/accept-handoff")).status).toBe(409);
    const closed = await control("/conversations/conv_convseed0001/close", { reason: "resolved" });
    expect(await json<Schemas["Conversation"]>(closed)).toMatchObject({ status: "closed" });
    expect((await control("/conversations/conv_convseed0001/close")).status).toBe(409);
    expect(types()).toEqual(["handoff.requested", "handoff.accepted", "conversation.ended"]);
    expect((await send("conv_convseed0001", "Hello?")).status).toBe(409);
  });

  it("emits events that strictly match the spec's payload schema of their type", async () => {
    addFreshConversation();
    await send(FRESH, "Mail me: kim@example.net");
    await send(FRESH, "Can I order two?");
    await call("POST", `/conversations/${FRESH}/handoff`, { body: {} });
    await control(`/conversations/${FRESH}/accept-handoff`);
    await control(`/conversations/${FRESH}/close`);
    await call("POST", "/bots", { body: { name: "Live", status: "active" } });
    expect(new Set(types()).size).toBe(8);
    for (const event of mock.webhooks.events()) {
      const schema = eventSchema(event.type);
      expect(checkAgainstSchema(schema, event, null), event.type).toBeNull();
      expect(undeclaredProperties(schema, event), event.type).toEqual([]);
    }
  });
});
