// Public surface of the runtime. The generated package's own src/index.ts re-exports from here.

export type { Logger, LogLevel } from "../internal/logger";
export { encodePath } from "../internal/path";
export { formatDateOnly } from "../internal/query";
export { APIPromise, type WithRequestId, type WithResponse } from "./api-promise";
export { APIClient } from "./client";
export * from "./error";
export type {
  AuthScheme,
  ClientOptions,
  HeadersInput,
  HttpMethod,
  NoAuthClientOptions,
  RequestOptions,
  RequestSpec,
  RetryPolicy,
  SDKConfig,
} from "./options";
export { DEFAULT_TO_ARRAY_CAP, Page, PagePromise, type PaginationDescriptor } from "./pagination";
export { APIResource } from "./resource";
export { Stream, type StreamDescriptor } from "./streaming";
export { DEFAULT_WEBHOOK_TOLERANCE_SECONDS, type WebhookSignatureScheme } from "./webhook-scheme";
export {
  generateTestHeader,
  type RawBody,
  type SignatureInput,
  unwrapWebhook,
  type VerifyInput,
  type VerifyOptions,
  verifyWebhookSignature,
} from "./webhooks";
export { WebhooksResource } from "./webhooks-resource";
