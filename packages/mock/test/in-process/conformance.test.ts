import { describe, expect, it } from "vitest";
import { listOperations } from "../../src/spec/operations";
import { undeclaredProperties } from "../../src/spec/strict";
import { expectConformingResponse } from "../support/conformance";
import { call, useMock } from "../support/in-process";

type Call = [method: string, path: string, body?: unknown];

/** A successful request for every operation of the spec. A new operation fails the suite until added here. */
const SUCCESS_CALLS: Record<string, Call> = {
  listBots: ["GET", "/bots?limit=100"],
  createBot: ["POST", "/bots", { name: "Conformance Bot", channels: ["web", "api"] }],
  getBot: ["GET", "/bots/bot_7Hq2mXa9"],
  updateBot: [
    "PUT",
    "/bots/bot_7Hq2mXa9",
    {
      name: "Aurora Support",
      status: "paused",
      persona: { tone: "concise", instructions: "Be brief.", language: "en" },
      welcome_message: "Hi!",
      channels: ["web"],
      metadata: { team: "support" },
    },
  ],
  deleteBot: ["DELETE", "/bots/bot_seed0002"],
  listConversations: ["GET", "/conversations?limit=2&status=open"],
  getConversation: ["GET", "/conversations/conv_abc123"],
  listConversationMessages: ["GET", "/conversations/conv_abc123/messages?limit=1"],
  sendConversationMessage: [
    "POST",
    "/conversations/conv_abc123/messages",
    { role: "user", content: "Do you ship internationally?" },
  ],
  handoffConversation: [
    "POST",
    "/conversations/conv_convseed0001/handoff",
    { priority: "high", notify: { channels: ["email"] } },
  ],
  listLeads: ["GET", "/leads?limit=1"],
  getLead: ["GET", "/leads/lead_5FkP9qWz"],
  exportLead: ["POST", "/leads/lead_seed0001/export", { destination: "hubspot" }],
  listProducts: ["GET", "/products?in_stock=true&limit=2"],
  syncProducts: ["POST", "/products/sync", { bot_id: "bot_7Hq2mXa9", full: true }],
  getAnalyticsOverview: ["GET", "/analytics/overview?start_date=2026-11-01&end_date=2026-11-30"],
  listWebhooks: ["GET", "/webhooks?limit=100"],
  createWebhook: [
    "POST",
    "/webhooks",
    { url: "https://hooks.example.com/embott", events: ["lead.captured"] },
  ],
  getWebhook: ["GET", "/webhooks/wh_3Jd8sKq1"],
  deleteWebhook: ["DELETE", "/webhooks/wh_3Jd8sKq1"],
};

describe("every operation of the spec answers what the spec documents", () => {
  const { mock } = useMock();
  const operations = listOperations();

  it("covers each operation of the spec", () => {
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(
      Object.keys(SUCCESS_CALLS).sort(),
    );
  });

  it.each(operations.map((operation) => [operation.operationId, operation] as const))(
    "%s succeeds",
    async (id, operation) => {
      const [method, path, body] = SUCCESS_CALLS[id] ?? ["GET", "/missing-from-table"];
      expect(method).toBe(operation.method);
      const response = await call(method, path, { body });
      expect(response.status).toBeLessThan(300);
      await expectConformingResponse(id, response);
      expect(mock.requests.list().at(-1)?.operation_id).toBe(id);
    },
  );

  it.each(operations.map((operation) => [operation.operationId] as const))(
    "%s documents its 401",
    async (id) => {
      const [method, path, body] = SUCCESS_CALLS[id] ?? ["GET", "/missing-from-table"];
      const response = await call(method, path, { body, key: null });
      expect(response.status).toBe(401);
      await expectConformingResponse(id, response);
    },
  );

  it("rejects properties a schema does not declare (strict conformance)", () => {
    const bot = mock.store.bots.require("bot_7Hq2mXa9");
    const schema = { $ref: "#/components/schemas/BotList" };
    const page = { object: "list", data: [{ ...bot, deleted: true }], has_more: false, next_cursor: null };
    expect(undeclaredProperties(schema, page)).toEqual(["data[0].deleted"]);
    expect(
      undeclaredProperties({ $ref: "#/components/schemas/Bot" }, { ...bot, metadata: { x: "1" } }),
    ).toEqual([]);
  });

  it("streams sendMessage as spec-conforming SSE events", async () => {
    const body = { role: "user", content: "Do you ship internationally?", stream: true };
    const response = await call("POST", "/conversations/conv_abc123/messages", { body });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = (await expectConformingResponse("sendConversationMessage", response)) as {
      type: string;
    }[];
    expect(events.at(-1)?.type).toBe("message.completed");
  });

  it.each([
    ["getLead", 404, "GET", "/leads/lead_nothere", undefined],
    ["handoffConversation", 409, "POST", "/conversations/conv_convseed0002/handoff", {}],
    [
      "getAnalyticsOverview",
      422,
      "GET",
      "/analytics/overview?start_date=2026-11-30&end_date=2026-11-01",
      undefined,
    ],
    ["createBot", 400, "POST", "/bots", { name: 42 }],
    ["listBots", 403, "GET", "/bots", undefined, "pk_test_no_scopes"],
  ] as const)("%s documents its %i", async (id, status, method, path, body, key?: string) => {
    if (key) mock.keys.register(key, []);
    const response = await call(method, path, { body, key });
    expect(response.status).toBe(status);
    await expectConformingResponse(id, response);
  });
});
