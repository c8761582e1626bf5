import {
  type AuthPlacement,
  type Credential,
  describeAlternatives,
  placeApiKey,
  placeCredentials,
} from "../internal/auth";
import { type Defined, definedOptions } from "../internal/defined";
import { isBrowserLike, readEnv } from "../internal/env";
import { type Logger, leveledLogger, resolveLogLevel } from "../internal/logger";
import { DEFAULT_RETRY_POLICY } from "../internal/retry";
import { sleep } from "../internal/sleep";
import { type CallResult, type ResponseMode, sendWithRetries, type Transport } from "../internal/transport";
import { APIPromise } from "./api-promise";
import { DEFAULT_REQUEST_ID_HEADER, MissingCredentialsError, SDKError } from "./error";
import type {
  AuthScheme,
  ClientOptions,
  RequestOptions,
  RequestSpec,
  RetryPolicy,
  SDKConfig,
} from "./options";
import { PagePromise, type PaginationDescriptor } from "./pagination";
import { Stream, type StreamDescriptor } from "./streaming";

const DEFAULTS = { timeout: 60_000, maxRetryAfter: 60_000 };

/**
 * Base class of every generated client. Generated resources call `request`, `requestPage` and `requestStream`;
 * everything else (auth, retries, timeouts, errors, logging) lives here and in `internal/`.
 */
export class APIClient {
  readonly config: SDKConfig;
  readonly baseURL: string;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly maxRetryAfter: number;
  readonly logger: Logger;
  readonly #apiKey: string | undefined;
  /** Every credential the client holds, by option name (`apiKey` included). */
  readonly #credentials: Map<string, Credential>;
  readonly #webhookSecret: string | undefined;
  readonly #transport: Transport;

  constructor(clientOptions: ClientOptions | null | undefined, config: SDKConfig) {
    const options = definedOptions(clientOptions);
    this.config = config;
    const sendsCredentials = config.auth.kind !== "none" || Object.keys(config.credentials ?? {}).length > 0;
    if (sendsCredentials && !options.dangerouslyAllowBrowser && isBrowserLike())
      throw new SDKError(browserMessage(this));
    this.#apiKey = options.apiKey ?? readEnv(config.apiKeyEnv);
    this.#credentials = readCredentials(options, config, this.#apiKey);
    if (config.security) {
      const root = config.security;
      if (root.length > 0 && !placeCredentials(root, this.#credentials))
        throw new MissingCredentialsError(root, missingCredentialsMessage(this, config, root));
    } else if (!this.#apiKey && config.auth.kind !== "none") {
      throw new MissingCredentialsError([["apiKey"]], missingKeyMessage(this, config));
    }
    this.#webhookSecret = options.webhookSecret ?? readEnv(config.webhookSecretEnv);
    this.baseURL = checkBaseURL(options.baseURL ?? readEnv(config.baseURLEnv) ?? config.defaultBaseURL);
    this.maxRetries = checkCount("maxRetries", options.maxRetries ?? this.#retryPolicy().maxRetries);
    this.timeout = checkDuration("timeout", options.timeout ?? DEFAULTS.timeout);
    this.maxRetryAfter = checkDuration("maxRetryAfter", options.maxRetryAfter ?? DEFAULTS.maxRetryAfter);
    const logLevel = resolveLogLevel(options.logLevel, config.logEnv);
    this.logger = leveledLogger(options.logger ?? console, logLevel, this.#secrets());
    this.#transport = this.#createTransport(options);
  }

  /** The webhook signing secret from the options or its env var (used by `WebhooksResource`). */
  get webhookSecret(): string | undefined {
    return this.#webhookSecret;
  }

  /** A JSON (or binary, see `RequestSpec.asBinary`) call. */
  request<T>(spec: RequestSpec, options?: RequestOptions | null): APIPromise<T> {
    return new APIPromise<T>(this.#send(spec, options, "parse"), (result) => result.data as T);
  }

  /** A paginated list call; the result is awaitable (first page) and async-iterable (every item). */
  requestPage<Item>(
    spec: RequestSpec,
    pagination: PaginationDescriptor,
    options?: RequestOptions | null,
  ): PagePromise<Item> {
    // Per-call query overrides become part of the spec so the next page can replace the cursor in them.
    const { query, ...rest } = definedOptions(options);
    const first = { ...spec, query: { ...spec.query, ...query } };
    const load = (next: RequestSpec) => this.#send(next, rest, "parse");
    return new PagePromise<Item>(first, { descriptor: pagination, load, baseURL: this.baseURL });
  }

  /** An SSE call; resolves once the response headers arrive. */
  requestStream<Event, Final extends Event = Event>(
    spec: RequestSpec,
    descriptor: StreamDescriptor,
    options?: RequestOptions | null,
  ): APIPromise<Stream<Event, Final>> {
    const context = this.#transport.errorContext;
    return new APIPromise(this.#send(spec, options, "stream"), (result) => {
      if (!result.attempt) throw new SDKError("Internal error: a stream response lost its abort controller.");
      const streamContext = { ...context, idempotencyKey: result.idempotencyKey };
      return new Stream<Event, Final>(result.response, result.attempt, descriptor, streamContext);
    });
  }

  /** Waits between retries. Tests override it to record delays instead of sleeping. */
  protected sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleep(ms, signal);
  }

  /** Jitter source in [0, 1). */
  protected random(): number {
    return Math.random();
  }

  /** Current time in ms since the epoch (for HTTP-date Retry-After). */
  protected now(): number {
    return Date.now();
  }

  #retryPolicy(): RetryPolicy {
    return this.config.retry ?? DEFAULT_RETRY_POLICY;
  }

  /** Strings no message or log line may contain. */
  #secrets(): string[] {
    return [...this.#credentials.values()].map((credential) => credential.value);
  }

  /** The credentials of the first alternative of the operation's (else the API's) security the client can satisfy. */
  #placeAuth(spec: RequestSpec): AuthPlacement {
    const alternatives =
      spec.security ?? this.config.security ?? (this.config.auth.kind === "none" ? [] : [["apiKey"]]);
    const placement = placeCredentials(alternatives, this.#credentials);
    if (placement) return placement;
    throw new MissingCredentialsError(
      alternatives,
      `${spec.method.toUpperCase()} ${spec.path} needs credentials: pass ${describeAlternatives(alternatives)} ` +
        `to new ${this.constructor.name}().`,
    );
  }

  #send(
    spec: RequestSpec,
    options: RequestOptions | null | undefined,
    mode: ResponseMode,
  ): Promise<CallResult> {
    return sendWithRetries(this.#transport, spec, definedOptions(options), mode);
  }

  #createTransport(options: Defined<ClientOptions>): Transport {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== "function")
      throw new SDKError("No fetch implementation found: pass `fetch` in the options.");
    return {
      baseURL: this.baseURL,
      fetch: fetchImpl,
      fetchOptions: options.fetchOptions ?? {},
      defaultHeaders: options.defaultHeaders,
      defaultQuery: options.defaultQuery,
      auth: (spec) => this.#placeAuth(spec),
      authHeaders: [...this.#credentials.values()].flatMap((credential) =>
        Object.keys(placeApiKey(credential.scheme, credential.value).headers),
      ),
      maxRetries: this.maxRetries,
      retryPolicy: this.#retryPolicy(),
      requestIdHeader: requestIdHeader(this.config),
      timeout: this.timeout,
      maxRetryAfter: this.maxRetryAfter,
      sdkName: this.config.sdkName,
      sdkVersion: this.config.sdkVersion,
      logger: this.logger,
      errorContext: {
        apiKeyEnv: this.config.apiKeyEnv,
        secrets: this.#secrets(),
        envelope: this.config.errorEnvelope,
        requestIdHeader: requestIdHeader(this.config),
      },
      sleep: (ms, signal) => this.sleep(ms, signal),
      random: () => this.random(),
      now: () => this.now(),
    };
  }
}

function requestIdHeader(config: SDKConfig): string {
  return (config.requestIdHeader ?? DEFAULT_REQUEST_ID_HEADER).toLowerCase();
}

/** The credentials of the alternative the request's (else the API's) security picks; none when it has none. */
function missingCredentialsMessage(
  client: APIClient,
  config: SDKConfig,
  alternatives: readonly (readonly string[])[],
): string {
  const envs = alternatives
    .flat()
    .map((name) => (name === "apiKey" ? config.apiKeyEnv : config.credentials?.[name]?.env));
  const named = [...new Set(envs.filter((env): env is string => Boolean(env)))];
  const where = named.length > 0 ? ` (or set ${named.join(", ")})` : "";
  return `Missing credentials: pass ${describeAlternatives(alternatives)} to new ${client.constructor.name}()${where}.`;
}

/** `apiKey` and each further credential option (else its env var), checked to be sendable. */
function readCredentials(
  options: Defined<ClientOptions>,
  config: SDKConfig,
  apiKey: string | undefined,
): Map<string, Credential> {
  const credentials = new Map<string, Credential>();
  if (apiKey && config.auth.kind !== "none") {
    checkApiKey(apiKey, config.auth, config.apiKeyEnv, "API key");
    credentials.set("apiKey", { scheme: config.auth, value: apiKey });
  }
  for (const [name, { scheme, env }] of Object.entries(config.credentials ?? {})) {
    const given = (options as Record<string, unknown>)[name];
    if (given !== undefined && given !== null && typeof given !== "string")
      throw new SDKError(`The ${name} option must be a string, got ${typeof given}.`);
    const value = (given as string | null | undefined) ?? readEnv(env);
    if (!value) continue;
    checkApiKey(value, scheme, env, `${name} credential`);
    credentials.set(name, { scheme, value });
  }
  return credentials;
}

function missingKeyMessage(client: APIClient, config: SDKConfig): string {
  const where = config.apiKeyEnv ? ` or set the ${config.apiKeyEnv} environment variable` : "";
  return `Missing API key: pass { apiKey } to new ${client.constructor.name}()${where}.`;
}

function browserMessage(client: APIClient): string {
  return (
    "This looks like a browser, where your API key would be visible to anyone using the page, so the client " +
    "refuses to start. Call the API from your server instead; if you understand the risk (e.g. a short-lived, " +
    `narrowly scoped key), pass { dangerouslyAllowBrowser: true } to new ${client.constructor.name}().`
  );
}

/** An absolute http(s) URL without trailing slashes; anything else fails here, not as a retried request later. */
function checkBaseURL(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    const guess = /^[a-z][a-z0-9+.-]*:/i.test(value) ? "" : ` (did you mean "https://${value}"?)`;
    throw new SDKError(
      `baseURL must be an absolute http(s) URL such as "https://api.example.com/v1", got "${value}"${guess}.`,
    );
  }
  return value.replace(/\/+$/, "");
}

/**
 * A key sent in a header (bearer, header, basic) must be printable ASCII; a pasted key with an accent, a
 * non-breaking space or a newline fails here with its position, never with fetch's "ByteString" error (and never
 * quoting the key).
 */
function checkApiKey(key: string, scheme: AuthScheme, env: string | undefined, label: string): void {
  if (scheme.kind === "query" || scheme.kind === "none") return;
  const where = env ? ` (from the options or ${env})` : "";
  let position = 0;
  for (const char of key) {
    position++;
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) continue;
    const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    throw new SDKError(
      `The ${label}${where} contains a character that cannot be sent in an HTTP header: ${name} at position ` +
        `${position}. Copy the key again; keys are printable ASCII.`,
    );
  }
}

function checkCount(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0)
    throw new TypeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

function checkDuration(name: string, value: number): number {
  if (!(value > 0)) throw new TypeError(`${name} must be a positive number of milliseconds, got ${value}`);
  return value;
}
