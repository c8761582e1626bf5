import { describe, expect, it } from "vitest";
import type { Bot, Page } from "../src/index";
import { useMockApi } from "./support/mock-api";

const api = useMockApi();

describe("pagination", () => {
  it("auto-paginates with for await over more than three pages, keeping the caller's params", async () => {
    const client = api.client();
    for (let index = 0; index < 9; index += 1) await client.bots.create({ name: `Bot ${index}` });
    const total = api.mock.store.bots.all().length;
    const ids: string[] = [];
    for await (const bot of client.bots.list({ limit: 2 })) ids.push(bot.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const requests = api.mock.requests.list({ operationId: "listBots" });
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.every((request) => request.query["limit"] === "2")).toBe(true);
    expect(requests[0]?.query["cursor"]).toBeUndefined();
    expect(requests[1]?.query["cursor"]).toBeTruthy();
  });

  it("walks pages explicitly with hasNextPage / getNextPage", async () => {
    const client = api.client();
    let page: Page<Bot> = await client.bots.list({ limit: 1 });
    const seen = [page.data[0]?.id];
    let pages = 1;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      seen.push(page.data[0]?.id);
      pages += 1;
    }
    expect(pages).toBe(api.mock.store.bots.all().length);
    expect(new Set(seen).size).toBe(pages);
  });

  it("collects items with toArray, bounded by a limit", async () => {
    const items = await api.client().bots.list({ limit: 1 }).toArray({ limit: 2 });
    expect(items).toHaveLength(2);
  });
});

describe("a conversation's transcript", () => {
  it("get() embeds the latest 50 messages; listMessages() walks every message, oldest first", async () => {
    const client = api.client();
    for (let index = 0; index < 30; index += 1) {
      await client.conversations.sendMessage({
        conversationId: "conv_abc123",
        role: "user",
        content: `Q${index}`,
      });
    }
    const stored = api.mock.store.conversations.require("conv_abc123").messages.map((message) => message.id);
    expect(stored.length).toBeGreaterThan(60);
    const detail = await client.conversations.get({ conversationId: "conv_abc123" });
    expect(detail.messages.map((message) => message.id)).toEqual(stored.slice(-50));
    expect(detail.has_more_messages).toBe(true);
    const ids: string[] = [];
    for await (const message of client.conversations.listMessages({
      conversationId: "conv_abc123",
      limit: 25,
    })) {
      ids.push(message.id);
    }
    expect(ids).toEqual(stored);
  });
});
