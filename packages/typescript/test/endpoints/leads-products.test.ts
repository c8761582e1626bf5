import { describe, expect, it } from "vitest";
import { useMockApi } from "../support/mock-api";

const api = useMockApi();

describe("client.leads", () => {
  it("lists, gets and exports a lead", async () => {
    const client = api.client();
    const page = await client.leads.list({ limit: 5 });
    const first = page.data[0];
    expect(first?.object).toBe("lead");
    const lead = await client.leads.get({ leadId: first!.id });
    expect(lead).toMatchObject({ id: first!.id, object: "lead" });
    const exported = await client.leads.export({
      leadId: lead.id,
      destination: "hubspot",
      mapping: { name: "firstname" },
    });
    expect(exported).toMatchObject({ object: "lead_export", lead_id: lead.id, destination: "hubspot" });
    const [request] = api.mock.requests.list({ operationId: "exportLead" });
    expect(request?.body).toEqual({ destination: "hubspot", mapping: { name: "firstname" } });
  });
});

describe("client.products", () => {
  it("lists products filtered by stock and starts a sync job", async () => {
    const client = api.client();
    const inStock = await client.products.list({ inStock: true });
    expect(inStock.data.every((product) => product.in_stock)).toBe(true);
    expect(api.mock.requests.list({ operationId: "listProducts" })[0]?.query).toEqual({ in_stock: "true" });
    const botId = (await client.bots.list()).data[0]!.id;
    const sync = await client.products.sync({ botId, full: true });
    expect(sync).toMatchObject({ object: "product_sync", bot_id: botId });
    expect(api.mock.requests.list({ operationId: "syncProducts" })[0]?.body).toEqual({
      bot_id: botId,
      full: true,
    });
  });
});
