import { APIUserAbortError, type ErrorContext, errorFromResponse, SDKError } from "../core/error";
import type { HeadersInput, RequestOptions, RequestSpec, RetryPolicy } from "../core/options";
import type { AuthPlacement } from "./auth";
import { retryDelayMs, serverRetryAfterMs } from "./backoff";
import { encodeBody } from "./body";
import type { Defined } from "./defined";
import { AttemptSignal } from "./fetch-timeout";
import { mergeHeaders, telemetryHeaderName } from "./headers";
import type { Logger } from "./logger";
import { buildURL } from "./query";
import { redactHeaders, scrubSecrets } from "./redact";
import { readErrorBody, readSuccessBody } from "./response";
import { isRetryableResponse, needsIdempotencyKey, newIdempotencyKey } from "./retry";

/** Everything the retry loop needs from the client; `sleep`, `random` and `now` are injectable for tests. */
export interface Transport {
  baseURL: string;
  fetch: typeof fetch;
  fetchOptions: Record<string, unknown>;
  defaultHeaders: HeadersInput | undefined;
  defaultQuery: Record<string, unknown> | undefined;
  /** The credentials a request carries (per operation: its security may override the API's). */
  auth(spec: RequestSpec): AuthPlacement;
  /** Every header a credential may be sent in, redacted from logs. */
  authHeaders: string[];
  maxRetries: number;
  /** Which statuses are retried. */
  retryPolicy: RetryPolicy;
  /** The response header carrying the request id (lower-case). */
  requestIdHeader: string;
  timeout: number;
  maxRetryAfter: number;
  sdkName: string;
  sdkVersion: string;
  /** Scrubs `errorContext.secrets` from everything it logs. */
  logger: Logger;
  errorContext: ErrorContext;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  now(): number;
}

/** Per-call options with the unset (null/undefined) fields removed by the client. */
export type CallOptions = Defined<RequestOptions>;

/** "parse" reads the body inside the attempt's timeout; "stream" hands the open body to the caller. */
export type ResponseMode = "parse" | "stream";

export interface CallResult {
  response: Response;
  data: unknown;
  requestId: string | null;
  /** For "stream": the live attempt, whose controller aborts the body and which the reader must dispose. */
  attempt: AttemptSignal | undefined;
  /** The Idempotency-Key the call sent, if any (put on errors raised while reading a stream). */
  idempotencyKey?: string | undefined;
}

interface PreparedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: BodyInit | undefined;
  asBinary: RequestSpec["asBinary"];
}

type Outcome =
  | { ok: true; result: CallResult }
  | { ok: false; retryable: boolean; error: SDKError; headers?: undefined }
  | { ok: false; retryable: boolean; status: number; headers: Headers; body: unknown };

/** Sends `spec`, retrying retryable failures with backoff; resolves with the response or throws a typed error. */
export async function sendWithRetries(
  transport: Transport,
  spec: RequestSpec,
  options: CallOptions,
  mode: ResponseMode,
): Promise<CallResult> {
  const maxRetries = options.maxRetries ?? transport.maxRetries;
  if (!Number.isInteger(maxRetries) || maxRetries < 0)
    throw new TypeError(`maxRetries must be a non-negative integer, got ${maxRetries}`);
  if (options.timeout !== undefined && !(options.timeout > 0))
    throw new TypeError(`timeout must be a positive number of ms, got ${options.timeout}`);
  const prepared = prepareRequest(transport, spec, options, mode);
  const idempotencyKey = prepared.headers.get("idempotency-key") ?? undefined;
  try {
    const result = await retryLoop(transport, prepared, options, mode, maxRetries);
    return { ...result, idempotencyKey };
  } catch (error) {
    if (error instanceof SDKError) error.idempotencyKey = idempotencyKey;
    throw error;
  }
}

async function retryLoop(
  transport: Transport,
  prepared: PreparedRequest,
  options: CallOptions,
  mode: ResponseMode,
  maxRetries: number,
): Promise<CallResult> {
  for (let retryIndex = 0; ; retryIndex++) {
    const outcome = await attemptOnce(transport, prepared, options, mode, retryIndex);
    if (outcome.ok) return outcome.result;
    if (!outcome.retryable || retryIndex >= maxRetries) throw toError(transport, outcome, retryIndex);
    const delay = retryDelayMs({
      retryIndex,
      headers: outcome.headers,
      maxRetryAfterMs: transport.maxRetryAfter,
      random: transport.random(),
      nowMs: transport.now(),
    });
    // The server asked for a longer wait than maxRetryAfter: retrying sooner would fail and burn rate limit.
    if (delay === undefined) throw toError(transport, outcome, retryIndex, true);
    transport.logger.info(`Retrying ${prepared.method} ${prepared.url} in ${Math.round(delay)} ms`);
    try {
      await transport.sleep(delay, options.signal);
    } catch (error) {
      throw new APIUserAbortError(undefined, { cause: error });
    }
  }
}

function prepareRequest(transport: Transport, spec: RequestSpec, options: CallOptions, mode: ResponseMode) {
  const auth = transport.auth(spec);
  const query = { ...transport.defaultQuery, ...spec.query, ...options.query, ...auth.query };
  const encoded = encodeBody(spec.body, spec.bodyType);
  const autoKey = needsIdempotencyKey(spec.method) ? newIdempotencyKey() : undefined;
  const headers = mergeHeaders(
    {
      accept: mode === "stream" ? "text/event-stream" : "application/json",
      "user-agent": `${transport.sdkName}-typescript/${transport.sdkVersion}`,
      "content-type": encoded.contentType,
      [telemetryHeaderName(transport.sdkName, "Timeout")]: String(
        (options.timeout ?? transport.timeout) / 1000,
      ),
    },
    auth.headers,
    transport.defaultHeaders,
    spec.headers,
    autoKey ? { "idempotency-key": autoKey } : undefined,
    options.headers,
    options.idempotencyKey !== undefined ? { "idempotency-key": options.idempotencyKey } : undefined,
  );
  if (auth.cookies.length > 0) {
    const own = headers.get("cookie");
    headers.set("cookie", [...(own ? [own] : []), ...auth.cookies].join("; "));
  }
  const url = buildURL(transport.baseURL, spec.path, query);
  return { method: spec.method.toUpperCase(), url, headers, body: encoded.body, asBinary: spec.asBinary };
}

async function attemptOnce(
  transport: Transport,
  request: PreparedRequest,
  options: CallOptions,
  mode: ResponseMode,
  retryIndex: number,
): Promise<Outcome> {
  const secrets = transport.errorContext.secrets;
  const attempt = new AttemptSignal(options.timeout ?? transport.timeout, options.signal, secrets);
  const headers = new Headers(request.headers);
  headers.set(telemetryHeaderName(transport.sdkName, "Retry-Count"), String(retryIndex));
  const started = transport.now();
  logRequest(transport, request, headers, retryIndex);
  let keepAttempt = false;
  try {
    const init = { ...transport.fetchOptions, method: request.method, headers, body: request.body ?? null };
    const response = await transport.fetch(request.url, { ...init, signal: attempt.signal });
    logResponse(transport, request, response, transport.now() - started);
    const requestId = response.headers.get(transport.requestIdHeader);
    if (!response.ok) {
      const body = await readErrorBody(response);
      const retryable = isRetryableResponse(response.status, response.headers, transport.retryPolicy);
      return { ok: false, retryable, status: response.status, headers: response.headers, body };
    }
    if (mode === "stream") {
      attempt.clearTimeout();
      keepAttempt = true;
      return { ok: true, result: { response, data: undefined, requestId, attempt } };
    }
    const data = await readSuccessBody(response, request.asBinary, transport.requestIdHeader);
    return { ok: true, result: { response, data, requestId, attempt: undefined } };
  } catch (thrown) {
    if (thrown instanceof SDKError) throw thrown; // e.g. invalid JSON in a 200: retrying will not fix it
    const error = attempt.classify(thrown);
    return { ok: false, retryable: !(error instanceof APIUserAbortError), error };
  } finally {
    if (!keepAttempt) attempt.dispose();
  }
}

function toError(
  transport: Transport,
  outcome: Exclude<Outcome, { ok: true }>,
  retriesMade: number,
  waitOverCap = false,
): SDKError {
  if ("error" in outcome) return outcome.error;
  const now = transport.now();
  const ms = serverRetryAfterMs(outcome.headers, now);
  const capMs = waitOverCap ? transport.maxRetryAfter : undefined;
  const retryAfter = ms === undefined ? undefined : { ms, atMs: now + ms, capMs };
  const context = { ...transport.errorContext, retriesMade, retryAfter };
  const error = errorFromResponse(outcome.status, outcome.headers, outcome.body, context);
  transport.logger.debug(`Request failed: ${error.message}`);
  return error;
}

/** Longest request body excerpt logged at debug level. */
const BODY_PREVIEW_CHARS = 1000;

function logRequest(
  transport: Transport,
  request: PreparedRequest,
  headers: Headers,
  retryIndex: number,
): void {
  transport.logger.debug(`${request.method} ${request.url}`, {
    retryCount: retryIndex,
    headers: redactHeaders(headers, transport.authHeaders),
    body: bodyPreview(request.body, transport.errorContext.secrets),
  });
}

function logResponse(
  transport: Transport,
  request: PreparedRequest,
  response: Response,
  durationMs: number,
): void {
  transport.logger.debug(`${request.method} ${request.url} → ${response.status}`, {
    requestId: response.headers.get(transport.requestIdHeader),
    durationMs: Math.round(durationMs),
    headers: redactHeaders(response.headers),
  });
}

/** Text bodies (JSON, form), secrets scrubbed before truncating so no partial key survives; others by type. */
function bodyPreview(body: BodyInit | undefined, secrets: readonly string[] | undefined): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== "string") return `[${body.constructor?.name ?? typeof body}]`;
  const text = scrubSecrets(body, secrets ?? []);
  return text.length > BODY_PREVIEW_CHARS
    ? `${text.slice(0, BODY_PREVIEW_CHARS)}… (${text.length} chars)`
    : text;
}
