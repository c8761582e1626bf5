import { describe, expect, it } from "vitest";
import { useMockApi } from "../support/mock-api";

const api = useMockApi();

describe("client.analytics", () => {
  it("reads the overview for a date range", async () => {
    const overview = await api
      .client()
      .analytics.overview({ startDate: "2026-10-01", endDate: "2026-10-31" });
    expect(overview).toMatchObject({
      object: "analytics_overview",
      start_date: "2026-10-01",
      end_date: "2026-10-31",
    });
    expect(api.mock.requests.list({ operationId: "getAnalyticsOverview" })[0]?.query).toEqual({
      start_date: "2026-10-01",
      end_date: "2026-10-31",
    });
  });
});

describe("client.webhooks", () => {
  it("creates (with its secret), lists, gets and deletes a subscription", async () => {
    const client = api.client();
    const created = await client.webhooks.create({
      url: "https://example.com/hooks/embott",
      events: ["lead.captured", "message.created"],
      description: "CRM sync",
    });
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await client.webhooks.list();
    expect(listed.data.map((subscription) => subscription.id)).toContain(created.id);
    const fetched = await client.webhooks.get({ webhookId: created.id });
    expect(fetched).toMatchObject({ id: created.id, url: "https://example.com/hooks/embott" });
    expect("secret" in fetched).toBe(false);
    expect(await client.webhooks.delete({ webhookId: created.id })).toMatchObject({
      id: created.id,
      deleted: true,
    });
  });
});
