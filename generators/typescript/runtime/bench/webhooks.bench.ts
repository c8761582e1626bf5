// Prints webhook verifications per second. Run: pnpm exec tsx generators/typescript/runtime/bench/webhooks.bench.ts
import type { WebhookSignatureScheme } from "../src/core/webhook-scheme";
import { generateTestHeader, verifyWebhookSignature } from "../src/core/webhooks";

const SCHEME: WebhookSignatureScheme = {
  header: "Embott-Signature",
  scheme: "timestamped",
  encoding: "hex",
  tolerance: 300,
};
const SECRET = "whsec_bench_0123456789abcdef";
const DURATION_MS = 2_000;

function eventBody(bytes: number): string {
  const filler = "x".repeat(Math.max(0, bytes - 120));
  return JSON.stringify({
    id: "evt_bench",
    object: "event",
    type: "message.created",
    data: { content: filler },
  });
}

async function measure(label: string, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 200; i++) await run(); // warm-up
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < DURATION_MS) {
    await run();
    count++;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(44)} ${Math.round(count / seconds)
      .toLocaleString("en-US")
      .padStart(10)} verifications/s`,
  );
}

async function main(): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  for (const size of [1_024, 16_384]) {
    const body = eventBody(size);
    const header = await generateTestHeader({
      payload: body,
      secret: SECRET,
      scheme: SCHEME,
      timestamp: now,
    });
    const rotated = `t=${now},v1=${"0".repeat(64)},${header.split(",")[1]}`;
    const bytes = new TextEncoder().encode(body);
    const kb = `${size / 1024} KiB`;
    await measure(`valid, string body, ${kb}`, () =>
      verifyWebhookSignature({ body, signature: header, secret: SECRET, scheme: SCHEME }),
    );
    await measure(`valid, Uint8Array body, ${kb}`, () =>
      verifyWebhookSignature({ body: bytes, signature: header, secret: SECRET, scheme: SCHEME }),
    );
    await measure(`valid, rotated (2 v1 entries), ${kb}`, () =>
      verifyWebhookSignature({ body, signature: rotated, secret: SECRET, scheme: SCHEME }),
    );
    let n = 0;
    await measure(`uncached key (new secret each call), ${kb}`, () =>
      verifyWebhookSignature({ body, signature: header, secret: `${SECRET}${n++}`, scheme: SCHEME }).catch(
        () => {},
      ),
    );
  }
}

await main();
