// The mock's /__mock control endpoints and the canned server, over plain HTTP (no SDK involved).
import type { Json, RequestsExpect, Scenario } from "./scenario";

export interface Servers {
  mockUrl: string;
  cannedUrl: string;
}

/** URLs set by scripts/conformance/serve.mjs; a clear error when the runner was started without it. */
export function serversFromEnv(): Servers {
  const mockUrl = process.env["EMBOTT_MOCK_URL"];
  const cannedUrl = process.env["CONFORMANCE_CANNED_URL"];
  if (!mockUrl || !cannedUrl) {
    throw new Error(
      "EMBOTT_MOCK_URL and CONFORMANCE_CANNED_URL are not set: run through `node scripts/conformance/serve.mjs -- …`",
    );
  }
  return { mockUrl, cannedUrl };
}

export async function control(
  servers: Servers,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${servers.mockUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : null };
}

async function must(servers: Servers, method: string, path: string, body?: unknown): Promise<Json> {
  const answer = await control(servers, method, path, body);
  if (answer.status >= 300)
    throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Reset, then config, keys, faults and the canned answer, in the schema's order. */
export async function applySetup(servers: Servers, scenario: Scenario): Promise<void> {
  await must(servers, "POST", "/__mock/reset");
  const setup = scenario.setup ?? {};
  if (setup.config) await must(servers, "POST", "/__mock/config", setup.config);
  for (const key of setup.keys ?? []) await must(servers, "POST", "/__mock/keys", key);
  for (const fault of setup.faults ?? []) await must(servers, "POST", "/__mock/faults", fault);
  if (setup.canned) {
    const response = await fetch(`${servers.cannedUrl}/__canned`, {
      method: "POST",
      body: JSON.stringify(setup.canned),
    });
    if (!response.ok) throw new Error(`the canned server refused the response: ${await response.text()}`);
  }
}

/** The distinct Idempotency-Keys the mock logged for an operation since the reset. */
export async function loggedIdempotencyKeys(servers: Servers, operationId: string): Promise<string[]> {
  const log = (await must(
    servers,
    "GET",
    `/__mock/requests?operation_id=${encodeURIComponent(operationId)}`,
  )) as {
    data: { idempotency_key: string | null }[];
  };
  return [...new Set(log.data.map((entry) => entry.idempotency_key).filter((key): key is string => !!key))];
}

/** Checks the request log since the reset: count per operation and distinct idempotency keys. */
export async function checkRequests(servers: Servers, expected: RequestsExpect[]): Promise<string[]> {
  const problems: string[] = [];
  for (const want of expected) {
    const log = (await must(
      servers,
      "GET",
      `/__mock/requests?operation_id=${encodeURIComponent(want.operation_id)}`,
    )) as {
      data: { idempotency_key: string | null }[];
    };
    if (log.data.length !== want.count)
      problems.push(
        `${want.operation_id}: the mock received ${log.data.length} requests, expected ${want.count}`,
      );
    if (want.idempotency_keys !== undefined) {
      const keys = new Set(log.data.map((entry) => entry.idempotency_key).filter((key) => key));
      if (keys.size !== want.idempotency_keys)
        problems.push(
          `${want.operation_id}: ${keys.size} distinct Idempotency-Keys, expected ${want.idempotency_keys}`,
        );
    }
  }
  return problems;
}
