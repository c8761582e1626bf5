// Soak: RSS before and after 100k requests, 3/4 of them POST /bots with a fresh Idempotency-Key and a name that is
// taken (409: the store does not grow, only the idempotency cache, request log and webhook logs could), 1/4 GET
// /bots. Goal: growth < 50 MB. Run: pnpm --filter @embott/mock bench:soak  (SOAK_REQUESTS=20000 for a quick run)
import { ADMIN, drive, mib, perSecond, unlimitedMock } from "./load";

const TOTAL = Number(process.env.SOAK_REQUESTS ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;

function settledRss(): number {
  for (let i = 0; i < 3; i++) gc?.();
  return process.memoryUsage().rss;
}

const { mock, send } = unlimitedMock();
const taken = JSON.stringify({ name: "Soak" });
await send("/bots", { method: "POST", headers: ADMIN, body: taken });
const request = (i: number) =>
  i % 4 === 3
    ? send("/bots?limit=20", { headers: ADMIN })
    : send("/bots", { method: "POST", headers: { ...ADMIN, "idempotency-key": `soak_${i}` }, body: taken });

await drive(12_000, 8, (i) => request(i + 1e9)); // warm-up: JIT, and the capped logs and caches filled
const before = settledRss();
const rate = await drive(TOTAL, 8, request);
const after = settledRss();
console.log(
  `requests            ${TOTAL.toLocaleString("en-US")} in-process (3/4 POST /bots, fresh Idempotency-Key; 1/4 GET)`,
);
console.log(`throughput          ${perSecond(rate)}`);
console.log(
  `RSS before / after  ${mib(before)} / ${mib(after)}  (growth ${mib(after - before)}, goal < 50 MB)`,
);
console.log(`heap used           ${mib(process.memoryUsage().heapUsed)}`);
console.log(`idempotency keys    ${mock.idempotency.size.toLocaleString("en-US")} kept (cap 10,000)`);
console.log(
  `request log         ${mock.requests.list().length.toLocaleString("en-US")} entries (cap 10,000)`,
);
if (!gc) console.log("(run with node --expose-gc for RSS after a full GC)");
