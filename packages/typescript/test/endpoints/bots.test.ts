import { describe, expect, it } from "vitest";
import { useMockApi } from "../support/mock-api";

const api = useMockApi();

describe("client.bots", () => {
  it("creates a bot, sending camelCase params as snake_case JSON", async () => {
    const client = api.client();
    const bot = await client.bots.create({
      name: "Support bot",
      welcomeMessage: "Hi! How can I help?",
      persona: { tone: "friendly", instructions: "Be brief.", language: "en" },
      metadata: { team: "support" },
    });
    expect(bot).toMatchObject({ object: "bot", name: "Support bot", welcome_message: "Hi! How can I help?" });
    expect(bot.id).toMatch(/^bot_/);
    const [request] = api.mock.requests.list({ operationId: "createBot" });
    expect(request?.body).toMatchObject({ name: "Support bot", welcome_message: "Hi! How can I help?" });
    expect(request?.idempotency_key).toBeTruthy();
  });

  it("gets, updates (full replacement) and deletes a bot", async () => {
    const client = api.client();
    const created = await client.bots.create({ name: "Temp" });
    const fetched = await client.bots.get({ botId: created.id });
    expect(fetched.id).toBe(created.id);
    const updated = await client.bots.update({
      botId: created.id,
      name: "Renamed",
      status: "paused",
      persona: { tone: "concise", instructions: "Answer in one line.", language: "de" },
      welcomeMessage: "Hallo",
      channels: ["web"],
      metadata: {},
    });
    expect(updated).toMatchObject({ id: created.id, name: "Renamed", status: "paused" });
    expect(await client.bots.delete({ botId: created.id })).toMatchObject({ id: created.id, deleted: true });
  });

  it("lists bots as a page with items and the request id", async () => {
    const page = await api.client().bots.list({ limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.data[0]?.object).toBe("bot");
    expect(page.hasNextPage()).toBe(true);
    const [request] = api.mock.requests.list({ operationId: "listBots" });
    expect(request?.query).toEqual({ limit: "2" });
  });

  it("exposes the request id on results", async () => {
    const bot = await api.client().bots.create({ name: "Traced" });
    expect(bot._requestId).toMatch(/^req_/);
  });
});
