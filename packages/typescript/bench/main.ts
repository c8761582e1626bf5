// Prints the SDK's throughput against raw fetch, its bundle sizes and webhook verification speed.
// Run: pnpm --filter embott bench   (figures depend on the machine; nothing here is asserted)
import { benchmarkBundleSizes } from "./bundle-size";
import { benchmarkThroughput } from "./http-throughput";
import { benchmarkWebhookVerify } from "./webhook-verify";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString("en-US")}/s`;

function printTable(title: string, rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(`\n${title}`);
  for (const [index, row] of rows.entries()) {
    console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join("  │  ")}`);
    if (index === 0) console.log(`  ${widths.map((width) => "─".repeat(width)).join("──┼──")}`);
  }
}

const throughput = await benchmarkThroughput();
printTable("HTTP GET /bots/{id} against a local server (4000 requests, 16 in flight)", [
  ["client", "requests/s", "relative"],
  ["raw fetch + JSON.parse", perSecond(throughput.rawFetch), "1.00"],
  ["embott client.bots.get", perSecond(throughput.sdk), (throughput.sdk / throughput.rawFetch).toFixed(2)],
]);

const sizes = await benchmarkBundleSizes();
printTable("Bundle size (esbuild, ESM, minified)", [
  ["entry", "min", "min+gzip"],
  ...sizes.map((size) => [size.label, kb(size.minified), kb(size.gzip)]),
]);

const verifications = await benchmarkWebhookVerify();
printTable("Webhook signature verification (1 KiB body, HMAC-SHA256 via WebCrypto)", [
  ["operation", "rate"],
  ["client.webhooks.verify", perSecond(verifications)],
]);
