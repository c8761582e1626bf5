import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidWebhookSignatureError, type WebhookEvent } from "../src/index";
import { useMockApi } from "./support/mock-api";

interface SignatureVector {
  name: string;
  secret: string;
  body: string;
  header: string | null;
  now: number;
  tolerance: number;
  expect: string;
}

const vectors = JSON.parse(
  readFileSync(new URL("../../../testdata/webhook-signatures.json", import.meta.url), "utf8"),
) as SignatureVector[];
const api = useMockApi();

describe("client.webhooks signature verification (shared vectors)", () => {
  it("covers the tampered, stale, future and rotated-secret cases", () => {
    const names = vectors.map((vector) => vector.name);
    for (const name of ["tampered_body", "stale", "future", "rotated_secret_second_entry_valid"]) {
      expect(names).toContain(name);
    }
  });

  it.each(vectors.map((vector) => [vector.name, vector] as const))("%s", async (_name, vector) => {
    const client = api.client();
    const options = { now: vector.now, tolerance: vector.tolerance };
    const verifying = client.webhooks.verify(vector.body, vector.header, vector.secret, options);
    if (vector.expect === "valid") {
      await expect(verifying).resolves.toBeUndefined();
      return;
    }
    const error = await verifying.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidWebhookSignatureError);
    expect((error as InvalidWebhookSignatureError).code).toBe(vector.expect);
  });

  it("unwraps a verified delivery into a typed event", async () => {
    const client = api.client({ webhookSecret: "whsec_test_unwrap_secret" });
    const payload = {
      id: "evt_01",
      object: "event",
      type: "lead.captured",
      created_at: "2026-11-01T00:00:00Z",
      api_version: "2026-11-01",
      data: {},
    };
    const body = JSON.stringify(payload);
    const header = await client.webhooks.generateTestHeader({ payload: body });
    const event: WebhookEvent = await client.webhooks.unwrap(body, { "embott-signature": header });
    expect(event.type).toBe("lead.captured");
    expect(event.id).toBe("evt_01");
  });
});
