// Compiled with exactOptionalPropertyTypes by options.test.ts: what users write with env vars and nulls must type-check.
import type { ClientOptions, RequestOptions } from "../../src/core/options";
import type { VerifyOptions } from "../../src/core/webhooks";

declare const env: Record<string, string | undefined>;

export const fromEnv: ClientOptions = {
  apiKey: env.EMBOTT_API_KEY,
  baseURL: env.EMBOTT_BASE_URL,
  webhookSecret: env.EMBOTT_WEBHOOK_SECRET,
  maxRetries: undefined,
  timeout: undefined,
  logLevel: undefined,
};

export const explicitNulls: ClientOptions = {
  apiKey: null,
  baseURL: null,
  maxRetries: null,
  timeout: null,
  maxRetryAfter: null,
  fetch: null,
  fetchOptions: null,
  defaultHeaders: null,
  defaultQuery: null,
  logger: null,
  logLevel: null,
  dangerouslyAllowBrowser: null,
  webhookSecret: null,
};

export const perCall: RequestOptions = {
  timeout: undefined,
  maxRetries: null,
  signal: undefined,
  headers: undefined,
  idempotencyKey: env.KEY,
  query: undefined,
};

export const verify: VerifyOptions = { tolerance: undefined, now: undefined };

// A generated streaming method can name its final event, and finalMessage() is typed with it.
import type { APIClient } from "../../src/core/client";

type StreamEvent =
  | { type: "message.delta"; delta: string }
  | { type: "message.completed"; message: { id: string } };
type Completed = Extract<StreamEvent, { type: "message.completed" }>;
export async function finalId(client: APIClient): Promise<string> {
  const stream = await client.requestStream<StreamEvent, Completed>(
    { method: "post", path: "/s" },
    { final: "message.completed" },
  );
  return (await stream.finalMessage()).message.id;
}
