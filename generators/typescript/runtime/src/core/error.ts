import { scrubBody, scrubHeaders, scrubSecrets } from "../internal/redact";

/**
 * Error hierarchy. Names are generic so every generated SDK can reuse them; `SDKError` is the root of every error
 * the SDK throws (`instanceof SDKError` catches them all).
 */
export class SDKError extends Error {
  override name = "SDKError";
  /**
   * The `Idempotency-Key` the failed call sent (generated or yours). Reuse it when you retry the call yourself
   * (`{ idempotencyKey: error.idempotencyKey }`) so a create the server applied before the response was lost is
   * not applied twice. Undefined for GET/HEAD/OPTIONS and errors raised before sending.
   */
  idempotencyKey: string | undefined;
}

/**
 * The object of the error body that holds its message (Embott: the `error` of `{ error: { type, code, message,
 * param, request_id } }`; a top-level envelope: the body itself).
 */
export interface ErrorBody {
  message: string;
  [field: string]: unknown;
}

/**
 * Where the fields of the API's error body are, as key paths from the body's root (`["error", "message"]`), from
 * the spec's error schema; a field without a path is not read from the body.
 */
export interface ErrorEnvelope {
  type?: readonly string[];
  code?: readonly string[];
  message?: readonly string[];
  param?: readonly string[];
  requestId?: readonly string[];
}

export interface RateLimitInfo {
  limit: number | undefined;
  remaining: number | undefined;
  /** Unix seconds when the window resets. */
  reset: number | undefined;
  /** Seconds the server asked to wait (`retry-after-ms`, or `Retry-After` in seconds or HTTP-date form). */
  retryAfter: number | undefined;
}

/** What the client knows when it turns a response into an error. */
export interface ErrorContext {
  apiKeyEnv?: string | undefined;
  /** Strings removed from every message (the API key). */
  secrets?: readonly string[] | undefined;
  retriesMade?: number | undefined;
  /** The Idempotency-Key of the call (streams put it on the errors they raise). */
  idempotencyKey?: string | undefined;
  /** The wait the server asked for; `capMs` is set when it exceeded `maxRetryAfter`, so no retry was made. */
  retryAfter?: { ms: number; atMs: number; capMs?: number | undefined } | undefined;
  /** Where the error body's fields are (`SDKConfig.errorEnvelope`); absent: none is read. */
  envelope?: ErrorEnvelope | undefined;
  /** The response header with the request id (`SDKConfig.requestIdHeader`, default `x-request-id`). */
  requestIdHeader?: string | undefined;
}

/** The request id header when the client does not name one. */
export const DEFAULT_REQUEST_ID_HEADER = "x-request-id";

export class APIError extends SDKError {
  override name = "APIError";
  /** HTTP status; undefined for an `error` event inside a stream. */
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
  /** The request id: the response header first, then the error body's field. */
  readonly requestId: string | null;
  /** The error body's `type`, `code` and `param` fields (where the API's error envelope puts them). */
  readonly type: string | undefined;
  readonly code: string | undefined;
  readonly param: string | undefined;
  /** The object of the body holding the error message, when the body had one. */
  readonly error: ErrorBody | undefined;
  /** The raw body (parsed JSON or text). */
  readonly body: unknown;
  readonly rateLimit: RateLimitInfo | null;

  constructor(init: {
    status: number | undefined;
    headers: Headers | undefined;
    body: unknown;
    message: string;
    requestId?: string | null | undefined;
    /** Seconds the server asked to wait, however it said it; default: `Retry-After` read as seconds. */
    retryAfter?: number | undefined;
    /** Where the body's fields are; absent: none is read. */
    envelope?: ErrorEnvelope | undefined;
    requestIdHeader?: string | undefined;
  }) {
    super(init.message);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    const envelope = init.envelope ?? {};
    this.error = readErrorBody(init.body, envelope.message);
    this.type = readField(init.body, envelope.type);
    this.code = readField(init.body, envelope.code);
    this.param = readField(init.body, envelope.param);
    const header = init.headers?.get(init.requestIdHeader ?? DEFAULT_REQUEST_ID_HEADER);
    this.requestId = header ?? init.requestId ?? readField(init.body, envelope.requestId) ?? null;
    this.rateLimit = init.headers ? readRateLimit(init.headers, init.retryAfter) : null;
  }
}

export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
export class ConflictError extends APIError {
  override name = "ConflictError";
}
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends APIError {
  override name = "RateLimitError";
}
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/** The request never got a response (DNS, refused, reset, TLS…). `cause` holds the underlying error. */
export class APIConnectionError extends SDKError {
  override name = "APIConnectionError";
}
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = "APIConnectionTimeoutError";
}
/** A stream closed before its final event (or `[DONE]`): the result is incomplete. */
export class StreamTruncatedError extends APIConnectionError {
  override name = "StreamTruncatedError";
}
/** The caller's `AbortSignal` fired. Never retried. */
export class APIUserAbortError extends SDKError {
  override name = "APIUserAbortError";
  constructor(message = "Request was aborted by the caller's AbortSignal.", options?: ErrorOptions) {
    super(message, options);
  }
}

/** A paginated list sent a next cursor (or link) it had already sent: following it would never end. */
export class PaginationCycleError extends SDKError {
  override name = "PaginationCycleError";
}

/** A required parameter is missing or unusable; thrown before any request is sent. */
export class InvalidParameterError extends SDKError {
  override name = "InvalidParameterError";
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The client lacks the credentials an operation (or, at construction, the API) needs; thrown before any request
 * is sent. `alternatives` lists the option sets that would do (`[["authEmail", "authKey"], ["apiKey"]]`).
 */
export class MissingCredentialsError extends SDKError {
  override name = "MissingCredentialsError";
  constructor(
    readonly alternatives: readonly (readonly string[])[],
    message: string,
  ) {
    super(message);
  }
}

export type WebhookSignatureErrorCode =
  | "missing_header"
  | "malformed_header"
  | "no_signatures"
  | "timestamp_too_old"
  | "timestamp_in_future"
  | "signature_mismatch";

export class InvalidWebhookSignatureError extends SDKError {
  override name = "InvalidWebhookSignatureError";
  constructor(
    readonly code: WebhookSignatureErrorCode,
    message: string,
    /** Extra guidance, e.g. when the body looks parsed and re-serialised. */
    readonly hint?: string,
  ) {
    super(hint ? `${message} ${hint}` : message);
  }
}

/** `unwrap` of a correctly signed body that is not a JSON event object (not JSON, or `null`, `42`, `[]`…). */
export class InvalidWebhookPayloadError extends SDKError {
  override name = "InvalidWebhookPayloadError";
}

const STATUS_CLASSES: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The typed error for an HTTP error response, with a message that says what happened and what to do. */
export function errorFromResponse(
  status: number,
  rawHeaders: Headers,
  rawBody: unknown,
  context: ErrorContext,
): APIError {
  // A server may echo the key (in an error body or a header): the error keeps neither, so printing or
  // serialising it never leaks the key.
  const secrets = context.secrets ?? [];
  const headers = scrubHeaders(rawHeaders, secrets);
  const body = scrubBody(rawBody, secrets);
  const ErrorClass = STATUS_CLASSES[status] ?? (status >= 500 ? InternalServerError : APIError);
  const waitMs = context.retryAfter?.ms;
  const retryAfter = waitMs === undefined ? undefined : waitMs / 1000;
  const init = { status, headers, body, retryAfter, ...bodyFields(context) };
  const probe = new APIError({ ...init, message: "" });
  const message = scrubSecrets(describeError(probe, context), context.secrets ?? []);
  return new ErrorClass({ ...init, message });
}

/** The error for an `error` event received inside an SSE stream. */
export function errorFromStreamEvent(
  rawPayload: unknown,
  rawHeaders: Headers,
  context: ErrorContext,
): APIError {
  const secrets = context.secrets ?? [];
  const headers = scrubHeaders(rawHeaders, secrets);
  const payload = scrubBody(rawPayload, secrets);
  // An event's data may be the whole error body or only the object that holds the message (Embott's `error`).
  const holder = context.envelope?.message?.slice(0, -1) ?? [];
  const whole = readField(payload, context.envelope?.message) !== undefined || holder.length === 0;
  const body = whole ? payload : holder.reduceRight<unknown>((inner, key) => ({ [key]: inner }), payload);
  const init = { status: undefined, headers, body, ...bodyFields(context) };
  const probe = new APIError({ ...init, message: "" });
  const message = scrubSecrets(`Stream error: ${describeError(probe, context)}`, context.secrets ?? []);
  return new APIError({ ...init, message });
}

function bodyFields(context: ErrorContext) {
  return { envelope: context.envelope, requestIdHeader: context.requestIdHeader };
}

function describeError(error: APIError, context: ErrorContext): string {
  const kind = error.type ?? (error.status ? `HTTP ${error.status}` : "error");
  const detail =
    error.error?.message ?? (typeof error.body === "string" && error.body ? error.body : "no details");
  const where = error.requestId ? ` (request ${error.requestId})` : "";
  const head = error.status ? `${error.status} ${kind}` : kind;
  const hint = hintFor(error, context);
  return `${head}: ${detail}${where}.${hint ? ` ${hint}` : ""}`;
}

function hintFor(error: APIError, context: ErrorContext): string {
  const wait = context.retryAfter;
  if (wait?.capMs !== undefined) {
    const at = new Date(wait.atMs).toISOString();
    return (
      `The server asked to wait ${Math.ceil(wait.ms / 1000)} s (until ${at}), longer than maxRetryAfter ` +
      `(${wait.capMs / 1000} s), so the request was not retried${context.retriesMade ? " again" : ""}: retry ` +
      "after that time or raise maxRetryAfter."
    );
  }
  const param = error.param ? ` (parameter "${error.param}")` : "";
  const retried = context.retriesMade ? ` after ${context.retriesMade} retries` : "";
  switch (error.status) {
    case 400:
    case 422:
      return `Fix the request${param} and try again.`;
    case 401:
      return `Check your API key${context.apiKeyEnv ? ` (${context.apiKeyEnv})` : ""}.`;
    case 403:
      return "The API key lacks the permission (scope) this operation needs; use a key that has it.";
    case 404:
      return "Check the id and that it belongs to this API key's workspace.";
    case 409:
      return "The resource's state conflicts with the request (or an Idempotency-Key was reused with another body).";
    case 429: {
      const wait = error.rateLimit?.retryAfter;
      return `Retry after ${wait ?? "a few"} s or lower your request rate${retried}.`;
    }
    default:
      return error.status !== undefined && error.status >= 500
        ? `Server error${retried}; try again later.`
        : "";
  }
}

/** The value at `path` in the body when it is a string (numbers as text); undefined otherwise. */
function readField(body: unknown, path: readonly string[] | undefined): string | undefined {
  const value = path && path.length > 0 ? valueAt(body, path) : undefined;
  if (typeof value === "string") return value;
  return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
}

function valueAt(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The object holding the message (the body itself for a top-level envelope), when the message is a string. */
function readErrorBody(body: unknown, messagePath: readonly string[] | undefined): ErrorBody | undefined {
  if (readField(body, messagePath) === undefined) return undefined;
  const message = messagePath!.at(-1)!;
  const holder = valueAt(body, messagePath!.slice(0, -1)) as Record<string, unknown>;
  return { ...holder, message: String(holder[message]) };
}

function readRateLimit(headers: Headers, retryAfter: number | undefined): RateLimitInfo | null {
  const read = (name: string) => {
    const value = headers.get(name);
    return value !== null && value.trim() !== "" && Number.isFinite(Number(value))
      ? Number(value)
      : undefined;
  };
  const info: RateLimitInfo = {
    limit: read("x-ratelimit-limit"),
    remaining: read("x-ratelimit-remaining"),
    reset: read("x-ratelimit-reset"),
    retryAfter: retryAfter ?? read("retry-after"),
  };
  return Object.values(info).some((value) => value !== undefined) ? info : null;
}
