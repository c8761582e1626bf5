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
