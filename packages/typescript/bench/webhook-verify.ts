import { Embott } from "../src/index";

const SECRET = "whsec_bench_3q2+7wAbC9dEfGhIjKlMnOpQ";

/** Verifications per second of one signed ~1 KiB delivery (the HMAC key is imported once and cached). */
export async function benchmarkWebhookVerify(iterations = 20_000): Promise<number> {
  const client = new Embott({ apiKey: "sk_live_bench_0001", webhookSecret: SECRET, logLevel: "off" });
  const body = JSON.stringify({
    id: "evt_bench",
    object: "event",
    type: "lead.captured",
    created_at: "2026-11-01T00:00:00Z",
    api_version: "2026-11-01",
    data: { note: "x".repeat(800) },
  });
  const header = await client.webhooks.generateTestHeader({ payload: body });
  for (let index = 0; index < 500; index += 1) await client.webhooks.verify(body, header);
  const begin = performance.now();
  for (let index = 0; index < iterations; index += 1) await client.webhooks.verify(body, header);
  return iterations / ((performance.now() - begin) / 1000);
}
