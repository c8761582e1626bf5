import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  InvalidWebhookSignatureError,
  verifyWebhookSignature,
  type WebhookEvent,
  type WebhookSignatureScheme,
} from "../src/index";
import { useMockApi } from "./support/mock-api";

interface SignatureVector {
  name: string;
  scheme: WebhookSignatureScheme;
  secret: string;
  body_encoding: "utf8" | "base64";
  body: string;
  header: string | null;
  now: number;
  tolerance: number;
  expect: string;
}

const { cases: vectors } = JSON.parse(
  readFileSync(new URL("../../../testdata/webhook-signatures.json", import.meta.url), "utf8"),
) as { cases: SignatureVector[] };
const api = useMockApi();

/** Whether `client.webhooks` (the spec's own scheme) verifies this case, else the free function with its scheme. */
function usesClientScheme(scheme: WebhookSignatureScheme, own: WebhookSignatureScheme | undefined): boolean {
  const fields = ["header", "scheme", "encoding", "prefix"] as const;
  return own !== undefined && fields.every((field) => scheme[field] === own[field]);
}

describe("client.webhooks signature verification (shared vectors)", () => {
  it("covers the tampered, stale, future and rotated-secret cases", () => {
    const names = vectors.map((vector) => vector.name);
    for (const name of ["tampered_body", "stale", "future", "rotated_secret_second_entry_valid"]) {
      expect(names).toContain(name);
    }
  });

  it.each(vectors.map((vector) => [vector.name, vector] as const))("%s", async (_name, vector) => {
    const client = api.client();
    const body = Buffer.from(vector.body, vector.body_encoding === "base64" ? "base64" : "utf8");
    const options = { now: vector.now, tolerance: vector.tolerance };
    const verifying = usesClientScheme(vector.scheme, client.config.webhookSignature)
      ? client.webhooks.verify(body, vector.header, vector.secret, options)
      : verifyWebhookSignature({
          ...options,
          body,
          signature: vector.header,
          secret: vector.secret,
          scheme: vector.scheme,
        });
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
