import { describe, expect, it, vi } from "vitest";
import type { Schemas } from "../../src/store/types";
import { call, json, useMock } from "../support/in-process";

const MAX_DAYS = 366;

describe("writes change what later reads return", () => {
  useMock();

  it("creates, replaces and deletes a bot", async () => {
    const created = await json<Schemas["Bot"]>(await call("POST", "/bots", { body: { name: "Lifecycle" } }));
    expect(created.status).toBe("draft");
    const replacement = {
      name: "Lifecycle 2",
      status: "active",
      persona: { tone: "playful", instructions: "Joke.", language: "sv" },
      welcome_message: "Hej!",
      channels: ["api"],
      metadata: {},
    };
    expect((await call("PUT", `/bots/${created.id}`, { body: replacement })).status).toBe(200);
    expect(await json<Schemas["Bot"]>(await call("GET", `/bots/${created.id}`))).toMatchObject(replacement);
    expect(await json(await call("DELETE", `/bots/${created.id}`))).toEqual({
      id: created.id,
      object: "bot",
      deleted: true,
    });
    expect((await call("GET", `/bots/${created.id}`)).status).toBe(404);
  });

  it("seeds bots and webhooks from their own examples only (no `deleted` from the Deleted* examples)", async () => {
    const bots = await json<Schemas["BotList"]>(await call("GET", "/bots?limit=100"));
    const webhooks = await json<Schemas["WebhookSubscriptionList"]>(await call("GET", "/webhooks?limit=100"));
    expect(bots.data.length).toBeGreaterThan(2);
    expect(webhooks.data.length).toBeGreaterThan(0);
    for (const record of [...bots.data, ...webhooks.data]) expect(record).not.toHaveProperty("deleted");
  });

  it("rejects a duplicate bot name with 409", async () => {
    expect((await call("POST", "/bots", { body: { name: "Aurora Support" } })).status).toBe(409);
  });

  it("exports a lead once", async () => {
    const exported = await json<Schemas["LeadExport"]>(
      await call("POST", "/leads/lead_seed0001/export", { body: { destination: "hubspot" } }),
    );
    expect(exported).toMatchObject({ lead_id: "lead_seed0001", destination: "hubspot", status: "queued" });
    expect((await json<Schemas["Lead"]>(await call("GET", "/leads/lead_seed0001"))).status).toBe("exported");
    expect(
      (await call("POST", "/leads/lead_seed0001/export", { body: { destination: "zoho" } })).status,
    ).toBe(409);
  });

  it("shows the secret only when a webhook is created", async () => {
    const body = { url: "https://hooks.example.com/a", events: ["bot.deployed"] };
    const created = await json<Schemas["CreatedWebhookSubscription"]>(
      await call("POST", "/webhooks", { body }),
    );
    expect(created.secret).toMatch(/^whsec_/);
    const fetched = await json<Record<string, unknown>>(await call("GET", `/webhooks/${created.id}`));
    expect(fetched).not.toHaveProperty("secret");
    expect((await call("DELETE", `/webhooks/${created.id}`)).status).toBe(200);
    expect((await call("GET", `/webhooks/${created.id}`)).status).toBe(404);
  });

  it("syncs products only for an existing bot and filters the catalog", async () => {
    expect((await call("POST", "/products/sync", { body: { bot_id: "bot_missing1" } })).status).toBe(404);
    const inStock = await json<Schemas["ProductList"]>(
      await call("GET", "/products?in_stock=false&limit=100"),
    );
    expect(inStock.data.length).toBeGreaterThan(0);
    expect(inStock.data.every((product) => !product.in_stock)).toBe(true);
  });

  it("rejects a range longer than 366 days without walking it", async () => {
    const listDays = vi.spyOn(Date.prototype, "toISOString");
    const response = await call("GET", "/analytics/overview?start_date=0001-01-01&end_date=9999-12-31");
    expect(response.status).toBe(422);
    expect((await json<Schemas["Error"]>(response)).error).toMatchObject({ code: "date_range_too_long" });
    expect(listDays.mock.calls.length).toBeLessThan(MAX_DAYS);
    listDays.mockRestore();
  });

  it("computes analytics from the store", async () => {
    const before = await json<Schemas["AnalyticsOverview"]>(
      await call("GET", "/analytics/overview?start_date=2026-11-12&end_date=2026-11-12"),
    );
    expect(before).toMatchObject({ conversations: 1, daily: [{ date: "2026-11-12", conversations: 1 }] });
  });
});
