import { type DigestEncoding, hmacSha256, type MessagePart, timingSafeEqual } from "../internal/crypto";
import { parsePlainHeader, parseTimestampedHeader } from "../internal/signature-header";
import { InvalidWebhookPayloadError, InvalidWebhookSignatureError, SDKError } from "./error";
import { DEFAULT_WEBHOOK_TOLERANCE_SECONDS, type WebhookSignatureScheme } from "./webhook-scheme";

/** The request body exactly as received: a string, or bytes (a Node Buffer is a Uint8Array). */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** Any headers object with a case-insensitive `get` (the built-in `Headers`, undici's, node-fetch's, polyfills). */
export interface HeadersLike {
  get(name: string): string | null | undefined;
}

/**
 * The signature header's value (repeated header lines as an array, joined with ","), or all request headers: a
 * `Headers`-like object, a `Map`, or a plain record such as Node's `req.headers` (looked up case-insensitively).
 */
export type SignatureInput =
  | string
  | readonly string[]
  | HeadersLike
  | ReadonlyMap<string, string | readonly string[] | undefined>
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | null
  | undefined;

export interface VerifyOptions {
  /**
   * Seconds of allowed clock difference, both directions. Default: the scheme's, else 300. A value that is not a
   * finite, non-negative number (`NaN`, `Infinity`, a string) is a `TypeError`: it can never switch the window off.
   */
  tolerance?: number | undefined;
  /** Current time in unix seconds (for tests); anything but a finite number is a `TypeError`. */
  now?: number | undefined;
}

export interface VerifyInput extends VerifyOptions {
  body: RawBody;
  signature: SignatureInput;
  secret: string;
  scheme: WebhookSignatureScheme;
}

/**
 * Checks a delivery's signature; resolves when authentic, rejects with `InvalidWebhookSignatureError` (see its
 * `code`) otherwise. Order: header → signature → timestamp window. The timestamped scheme signs
 * `{t as received}.{raw body}`: leading zeros in `t` are part of the signed text.
 */
export async function verifyWebhookSignature(input: VerifyInput): Promise<void> {
  if (typeof input.secret !== "string" || input.secret === "")
    throw new SDKError("A webhook signing secret is required.");
  const now = checkedNow(input.now);
  const tolerance = checkedTolerance(input);
  const header = readSignatureHeader(input.signature, input.scheme.header);
  const body = toBodyPart(input.body);
  if (input.scheme.scheme === "plain") {
    const candidates = parsePlainHeader(header, input.scheme.prefix ?? "");
    return assertSomeMatch(input, body, await sign(input, [body]), candidates);
  }
  const { timestamp, timestampText, signatures } = parseTimestampedHeader(header);
  assertSomeMatch(input, body, await sign(input, [`${timestampText}.`, body]), signatures);
  assertFresh(timestamp, now, tolerance);
}

/** Verifies, then parses the body as a JSON event object; anything else is an `InvalidWebhookPayloadError`. */
export async function unwrapWebhook<T>(input: VerifyInput): Promise<T> {
  await verifyWebhookSignature(input);
  const body = toBodyPart(input.body);
  const text = typeof body === "string" ? body : new TextDecoder().decode(body);
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch (error) {
    throw new InvalidWebhookPayloadError("The webhook body is correctly signed but is not valid JSON.", {
      cause: error,
    });
  }
  if (typeof event !== "object" || event === null || Array.isArray(event)) {
    const kind = event === null ? "null" : Array.isArray(event) ? "an array" : typeof event;
    throw new InvalidWebhookPayloadError(
      `The webhook body is correctly signed but is ${kind}, not an event object.`,
    );
  }
  return event as T;
}

export interface TestHeaderInput {
  /** The exact body you will send; objects are serialised with JSON.stringify. */
  payload: RawBody | Record<string, unknown>;
  secret: string;
  scheme: WebhookSignatureScheme;
  /** Unix seconds; default now. */
  timestamp?: number | undefined;
}

/** A valid signature header for `payload`, for users' own webhook handler tests. */
export async function generateTestHeader(input: TestHeaderInput): Promise<string> {
  const { payload, scheme } = input;
  const body = toBodyPart(isRawBody(payload) ? payload : JSON.stringify(payload));
  if (scheme.scheme === "plain") return `${scheme.prefix ?? ""}${await sign(input, [body])}`;
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  return `t=${timestamp},v1=${await sign(input, [`${timestamp}.`, body])}`;
}

function sign(
  input: { secret: string; scheme: WebhookSignatureScheme },
  message: readonly MessagePart[],
): string | Promise<string> {
  const encoding: DigestEncoding = input.scheme.encoding === "base64" ? "base64" : "hex";
  return hmacSha256(input.secret, message, encoding);
}

function assertSomeMatch(
  input: VerifyInput,
  body: MessagePart,
  expected: string,
  candidates: string[],
): void {
  const hex = input.scheme.encoding !== "base64";
  const matched = candidates.some((candidate) =>
    timingSafeEqual(hex ? candidate.toLowerCase() : candidate, expected),
  );
  if (!matched) {
    throw new InvalidWebhookSignatureError(
      "signature_mismatch",
      `No signature in the header matches the body (${candidates.length} tried).`,
      looksLikeJSON(body)
        ? "If your framework parsed the JSON body and re-serialised it (whitespace, key order or escapes changed), " +
            "verify the raw request body instead (e.g. express.raw(), await request.text())."
        : undefined,
    );
  }
}

function checkedNow(now: number | undefined): number {
  if (now === undefined) return Math.floor(Date.now() / 1000);
  if (typeof now !== "number" || !Number.isFinite(now))
    throw new TypeError(`now must be a finite number of unix seconds, got ${now}`);
  return now;
}

function checkedTolerance(input: VerifyInput): number {
  const tolerance = input.tolerance ?? input.scheme.tolerance ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0)
    throw new TypeError(`tolerance must be a finite, non-negative number of seconds, got ${tolerance}`);
  return tolerance;
}

function assertFresh(timestamp: number, now: number, tolerance: number): void {
  if (now - timestamp > tolerance) {
    throw new InvalidWebhookSignatureError(
      "timestamp_too_old",
      `The signature timestamp is ${now - timestamp} s old (tolerance ${tolerance} s): a replay, or a clock that is off.`,
    );
  }
  if (timestamp - now > tolerance) {
    throw new InvalidWebhookSignatureError(
      "timestamp_in_future",
      `The signature timestamp is ${timestamp - now} s in the future (tolerance ${tolerance} s): check your clock.`,
    );
  }
}

/** The header's text; a value that is neither text nor a list of texts is malformed, never a crash. */
function readSignatureHeader(signature: unknown, headerName: string): string {
  const value = lookupHeader(signature, headerName);
  if (value === null || value === undefined) throw missingHeader(headerName);
  let text: string;
  if (typeof value === "string") text = value;
  else if (Array.isArray(value) && value.every((item) => typeof item === "string")) text = value.join(",");
  else {
    throw new InvalidWebhookSignatureError(
      "malformed_header",
      `The ${headerName} header must be a string or a list of strings, got ${describe(value)}.`,
    );
  }
  if (text.trim() === "") throw missingHeader(headerName);
  return text;
}

function lookupHeader(signature: unknown, name: string): unknown {
  if (typeof signature !== "object" || signature === null || Array.isArray(signature)) return signature;
  const wanted = name.toLowerCase();
  if (signature instanceof Map) {
    for (const [key, value] of signature) if (String(key).toLowerCase() === wanted) return value;
    return undefined;
  }
  const get = (signature as { get?: unknown }).get;
  if (typeof get === "function") return get.call(signature, name);
  for (const [key, value] of Object.entries(signature)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function missingHeader(headerName: string): InvalidWebhookSignatureError {
  return new InvalidWebhookSignatureError("missing_header", `The ${headerName} header is missing or empty.`);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list with a non-string item";
  return value === null ? "null" : typeof value;
}

function isRawBody(value: unknown): value is RawBody {
  return typeof value === "string" || value instanceof Uint8Array || value instanceof ArrayBuffer;
}

function toBodyPart(body: unknown): MessagePart {
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new InvalidWebhookSignatureError(
    "signature_mismatch",
    `The webhook body must be the raw request body (string, Buffer or Uint8Array), got ${typeof body}.`,
    "It looks like a parsed object: the signature covers the exact bytes received, so verify the raw body " +
      "(e.g. express.raw(), await request.text()) and parse it afterwards.",
  );
}

function looksLikeJSON(body: MessagePart): boolean {
  if (typeof body === "string") return /^\s*[{[]/.test(body);
  const first = body.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  return first === 0x7b || first === 0x5b; // "{" or "["
}
