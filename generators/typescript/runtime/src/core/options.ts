import type { Logger, LogLevel } from "../internal/logger";
import type { ErrorEnvelope } from "./error";
import type { WebhookSignatureScheme } from "./webhook-scheme";

/** How the API key is sent. Chosen by the generator from the spec's security scheme. */
export type AuthScheme =
  | { kind: "bearer" }
  | { kind: "header"; name: string }
  | { kind: "query"; name: string }
  /** HTTP Basic: an `apiKey` of "user:password" is split, otherwise it is the user with an empty password. */
  | { kind: "basic" }
  /** `Cookie: name=value`, joined with the operation's own cookie params. */
  | { kind: "cookie"; name: string }
  | { kind: "none" };

/** Static facts about one generated SDK, passed by the generated client to `APIClient`. */
export interface SDKConfig {
  sdkName: string;
  sdkVersion: string;
  defaultBaseURL: string;
  /** How the `apiKey` option is sent. */
  auth: AuthScheme;
  apiKeyEnv?: string;
  /**
   * Further credentials, each its own client option (e.g. `authEmail` for `X-Auth-Email`), keyed by that option
   * name, with the env var it defaults to.
   */
  credentials?: Record<string, { scheme: AuthScheme; env?: string }>;
  /**
   * The API's security alternatives as credential names (`apiKey` or a `credentials` key), all of one alternative
   * sent together; the first the client has every credential for is used, and the client needs one of them at
   * construction. `[]`: nothing is sent. Absent: `apiKey` is required and sent (unless `auth` is `none`).
   */
  security?: string[][];
  baseURLEnv?: string;
  logEnv?: string;
  /** Where the API's error body puts message, code, type, param and request id; absent: none is read. */
  errorEnvelope?: ErrorEnvelope;
  /** The response header carrying the request id. Default `x-request-id`. */
  requestIdHeader?: string;
  /** The API's retry policy. Default: 2 retries; 408, 429 and every status from 500. */
  retry?: RetryPolicy;
  /** Env var holding the webhook signing secret (optional default for `client.webhooks.verify`). */
  webhookSecretEnv?: string;
  /** The root `x-embott-webhook-signature` descriptor; `WebhooksResource` reads it. */
  webhookSignature?: WebhookSignatureScheme;
}

/** Which failed responses are retried, and how often by default (`x-should-retry` overrides the statuses). */
export interface RetryPolicy {
  /** Default retries after the first attempt (the `maxRetries` option overrides it). */
  maxRetries: number;
  /** Statuses below `minServerErrorStatus` that are retried (408, 429; never 409). */
  statuses: readonly number[];
  /** Every status at or above this is retried (500). */
  minServerErrorStatus: number;
}

/**
 * User-facing options of a generated client. Durations are milliseconds. Every option accepts `undefined` or
 * `null` for "not set" (so `baseURL: process.env.EMBOTT_BASE_URL` type-checks under exactOptionalPropertyTypes).
 */
export interface ClientOptions {
  /** Defaults to the env var named by `SDKConfig.apiKeyEnv`. */
  apiKey?: string | null | undefined;
  /** Defaults to the env var named by `SDKConfig.baseURLEnv`, then `SDKConfig.defaultBaseURL`. */
  baseURL?: string | null | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | null | undefined;
  /** Per-attempt timeout in ms, covering headers and (for non-streaming calls) the body. Default 60 000. */
  timeout?: number | null | undefined;
  /**
   * Longest server-requested wait (ms) the SDK sleeps before retrying. A longer `Retry-After` stops the retries:
   * the error is thrown at once with `rateLimit.retryAfter` set. Default 60 000.
   */
  maxRetryAfter?: number | null | undefined;
  /** A fetch implementation, e.g. undici's `fetch` bound to an Agent with longer timeouts. */
  fetch?: typeof fetch | null | undefined;
  /** Extra `RequestInit` fields for every request (e.g. Node's `dispatcher`). */
  fetchOptions?: Record<string, unknown> | null | undefined;
  defaultHeaders?: HeadersInput | null | undefined;
  defaultQuery?: Record<string, unknown> | null | undefined;
  logger?: Logger | null | undefined;
  /** Defaults to the env var named by `SDKConfig.logEnv`, then "warn". */
  logLevel?: LogLevel | null | undefined;
  /**
   * Allow construction in a browser, where the API key would be visible to anyone using the page. Off by
   * default: only enable it behind your own mitigations (a short-lived, narrowly scoped key).
   */
  dangerouslyAllowBrowser?: boolean | null | undefined;
  /** Secret for `client.webhooks.verify/unwrap` when none is passed; defaults to `SDKConfig.webhookSecretEnv`. */
  webhookSecret?: string | null | undefined;
}

/** The options of a client whose API takes no credentials: no `apiKey`, and no env var is read for one. */
export type NoAuthClientOptions = Omit<ClientOptions, "apiKey">;

/** Options of a single call. */
export interface RequestOptions {
  timeout?: number | null | undefined;
  maxRetries?: number | null | undefined;
  signal?: AbortSignal | null | undefined;
  /** Merged over client and generated headers; a `null` value removes a header. */
  headers?: HeadersInput | null | undefined;
  /**
   * Overrides the automatic `Idempotency-Key` that every non-GET/HEAD/OPTIONS request carries (the same key is
   * reused on every retry).
   */
  idempotencyKey?: string | null | undefined;
  /** Extra query parameters merged over the generated ones. */
  query?: Record<string, unknown> | null | undefined;
}

export type HeadersInput = Record<string, string | null | undefined> | Headers;

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete" | "head" | "options";

/** What generated code passes for one call. */
export interface RequestSpec {
  method: HttpMethod;
  /** Path relative to the base URL, already encoded (use `encodePath`). */
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  /** How `body` is encoded. Default "json". */
  bodyType?: "json" | "form" | "multipart";
  /** Header parameters of the operation. */
  headers?: HeadersInput;
  /** Binary response: `true`/"arrayBuffer" resolves to an `ArrayBuffer`, "blob" to a `Blob`. */
  asBinary?: boolean | "arrayBuffer" | "blob";
  /** The operation's own security alternatives (see `SDKConfig.security`), overriding the API's; `[]`: none. */
  security?: string[][];
}
