// Webhook verifications per second: the runtime beside the node:crypto floor (HMAC + compare, nothing else) and
// the WebCrypto path used where node:crypto is missing, same payloads, same run. Goal: >= 100k/s at 1 KiB on Node.
// Run: pnpm bench:webhooks
import { createHmac, timingSafeEqual } from "node:crypto";
import type { WebhookSignatureScheme } from "../src/core/webhook-scheme";
import { generateTestHeader, verifyWebhookSignature } from "../src/core/webhooks";
import { hmacBackend, webCryptoHmacSha256 } from "../src/internal/crypto";

const SCHEME: WebhookSignatureScheme = {
  header: "Embott-Signature",
  scheme: "timestamped",
  encoding: "hex",
  tolerance: 300,
};
const SECRET = "whsec_bench_0123456789abcdef";
const DURATION_MS = 1_500;

function eventBody(bytes: number): string {
  const filler = "x".repeat(Math.max(0, bytes - 90));
  return JSON.stringify({
    id: "evt_bench",
    object: "event",
    type: "message.created",
    data: { content: filler },
  });
}

/** Calls per second of `run` (sync or async) over DURATION_MS after a warm-up. */
async function rate(run: () => unknown): Promise<number> {
  for (let i = 0; i < 500; i++) await run();
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < DURATION_MS) {
    for (let i = 0; i < 100; i++) await run();
    count += 100;
  }
  return count / ((performance.now() - started) / 1000);
}

const format = (perSecond: number) => Math.round(perSecond).toLocaleString("en-US").padStart(10);

async function main(): Promise<void> {
  console.log(`runtime HMAC backend here: ${hmacBackend()}`);
  console.log(
    `${"payload".padEnd(9)} ${"node:crypto floor".padStart(18)} ${"runtime verify".padStart(15)} ` +
      `${"ratio".padStart(6)} ${"runtime, Uint8Array".padStart(20)} ${"WebCrypto sign".padStart(15)}`,
  );
  for (const size of [1_024, 16_384]) {
    const body = eventBody(size);
    const bytes = new TextEncoder().encode(body);
    const now = Math.floor(Date.now() / 1000);
    const header = await generateTestHeader({
      payload: body,
      secret: SECRET,
      scheme: SCHEME,
      timestamp: now,
    });
    const signature = Buffer.from(header.slice(header.indexOf("v1=") + 3));
    const floor = await rate(() => {
      const mac = Buffer.from(createHmac("sha256", SECRET).update(`${now}.`).update(body).digest("hex"));
      return timingSafeEqual(mac, signature);
    });
    const runtime = await rate(() =>
      verifyWebhookSignature({ body, signature: header, secret: SECRET, scheme: SCHEME }),
    );
    const runtimeBytes = await rate(() =>
      verifyWebhookSignature({ body: bytes, signature: header, secret: SECRET, scheme: SCHEME }),
    );
    const webCrypto = await rate(() => webCryptoHmacSha256(SECRET, [`${now}.`, bytes], "hex"));
    console.log(
      `${`${size / 1024} KiB`.padEnd(9)} ${format(floor).padStart(18)} ${format(runtime).padStart(15)} ` +
        `${`${Math.round((runtime / floor) * 100)}%`.padStart(6)} ${format(runtimeBytes).padStart(20)} ` +
        `${format(webCrypto).padStart(15)}`,
    );
  }
  console.log("(verifications/s; floor = createHmac + timingSafeEqual only)");
}

await main();
