// Shared by the mock benchmarks: the mock's handlers called in-process (msw's getResponse, no sockets, so the
// figures are the mock's own cost) without rate limit, and a closed-loop load driver.
import { getResponse } from "msw";
import { createMock, type EmbottMock } from "../src/index";

export const BASE = "https://api.embott.com/v1";
export const ADMIN = { authorization: "Bearer sk_live_admin_0001", "content-type": "application/json" };

export interface Harness {
  mock: EmbottMock;
  send(path: string, init?: RequestInit): Promise<Response>;
}

export function unlimitedMock(): Harness {
  const mock = createMock({ rateLimit: { limit: Number.MAX_SAFE_INTEGER } });
  return {
    mock,
    async send(path, init = {}) {
      const response = await getResponse(mock.handlers, new Request(`${BASE}${path}`, init));
      if (!response) throw new Error(`no handler answered ${path}`);
      return response;
    },
  };
}

/**
 * Runs `request(i)` `total` times with `concurrency` loops; returns requests per second. Each loop yields to the
 * event loop between requests, as a server does between sockets: without it every request runs in one endless
 * microtask job and V8 keeps each WeakRef target (undici's request signals) alive until the job ends.
 */
export async function drive(total: number, concurrency: number, request: (i: number) => Promise<Response>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        await (await request(i)).arrayBuffer();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const perSecond = (rate: number) => `${Math.round(rate).toLocaleString("en-US")} req/s`;
