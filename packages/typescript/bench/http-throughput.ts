import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Embott } from "../src/index";

const BOT = JSON.stringify({
  id: "bot_bench0001",
  object: "bot",
  name: "Bench bot",
  status: "active",
  persona: { tone: "friendly", instructions: "Be brief.", language: "en" },
  model: "embott-2",
  welcome_message: "Hi!",
  channels: ["web"],
  created_at: "2026-11-01T00:00:00Z",
  updated_at: "2026-11-01T00:00:00Z",
  metadata: {},
});

/** A local server answering every request with one bot, so the figures measure the client, not the server. */
async function startStaticServer(): Promise<{ server: Server; baseURL: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json", "x-request-id": "req_bench" });
    response.end(BOT);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseURL: `http://127.0.0.1:${port}/v1` };
}

/** Runs `call` `total` times with `concurrency` in flight; returns requests per second. */
async function measure(call: () => Promise<unknown>, total: number, concurrency: number): Promise<number> {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started += 1;
      await call();
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - begin) / 1000);
}

export interface ThroughputResult {
  sdk: number;
  rawFetch: number;
}

/** `client.bots.get` versus a hand-written `fetch` + `JSON.parse` of the same request, same server. */
export async function benchmarkThroughput(total = 4000, concurrency = 16): Promise<ThroughputResult> {
  const { server, baseURL } = await startStaticServer();
  try {
    const client = new Embott({ apiKey: "sk_live_bench_0001", baseURL, logLevel: "off" });
    const sdkCall = () => client.bots.get({ botId: "bot_bench0001" });
    const rawCall = async () => {
      const response = await fetch(`${baseURL}/bots/bot_bench0001`, {
        headers: { authorization: "Bearer sk_live_bench_0001", accept: "application/json" },
      });
      return response.json();
    };
    await measure(sdkCall, 500, concurrency);
    await measure(rawCall, 500, concurrency);
    const rawFetch = await measure(rawCall, total, concurrency);
    const sdk = await measure(sdkCall, total, concurrency);
    return { sdk, rawFetch };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
