import { concatBytes, hmacSha256, timingSafeEqual, toBase64, toHex, utf8 } from "../internal/crypto";
import { parsePlainHeader, parseTimestampedHeader } from "../internal/signature-header";
import { InvalidWebhookSignatureError, SDKError } from "./error";
import { DEFAULT_WEBHOOK_TOLERANCE_SECONDS, type WebhookSignatureScheme } from "./webhook-scheme";

/** The request body exactly as received: a string, or bytes (a Node Buffer is a Uint8Array). */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** The signature header's value, or all request headers (the scheme's header is looked up case-insensitively). */
export type SignatureInput =
  | string
  | readonly string[]
  | Headers
  | Record<string, string | readonly string[] | undefined>
  | null
  | undefined;

export interface VerifyOptions {
  /** Seconds of allowed clock difference, both directions. Default: the scheme's, else 300. */
  tolerance?: number;
  /** Current time in unix seconds (for tests). */
  now?: number;
}

export interface VerifyInput extends VerifyOptions {
  body: RawBody;
  signature: SignatureInput;
  secret: string;
  scheme: WebhookSignatureScheme;
}

/**
 * Checks a delivery's signature; resolves when authentic, rejects with `InvalidWebhookSignatureError` (see its
 * `code`) otherwise. Async because it uses WebCrypto. Order: header → signature → timestamp window.
 */
export async function verifyWebhookSignature(input: VerifyInput): Promise<void> {
  if (typeof input.secret !== "string" || input.secret === "")
    throw new SDKError("A webhook signing secret is required.");
  const header = readSignatureHeader(input.signature, input.scheme.header);
  const body = toBodyBytes(input.body);
  if (input.scheme.scheme === "plain") {
    const candidates = parsePlainHeader(header, input.scheme.prefix ?? "");
    return assertSomeMatch(input, body, await sign(input, body), candidates);
  }
  const { timestamp, signatures } = parseTimestampedHeader(header);
  await assertSomeMatch(input, body, await sign(input, concatBytes(`${timestamp}.`, body)), signatures);
  assertFresh(timestamp, input);
}

/** Verifies, then parses the body as JSON. The caller types it (generated code: the union of event types). */
export async function unwrapWebhook<T>(input: VerifyInput): Promise<T> {
  await verifyWebhookSignature(input);
  const text = new TextDecoder().decode(toBodyBytes(input.body));
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new SDKError("The webhook body is correctly signed but is not valid JSON.", { cause: error });
  }
}

export interface TestHeaderInput {
  /** The exact body you will send; objects are serialised with JSON.stringify. */
  payload: RawBody | Record<string, unknown>;
  secret: string;
  scheme: WebhookSignatureScheme;
  /** Unix seconds; default now. */
  timestamp?: number;
}

/** A valid signature header for `payload`, for users' own webhook handler tests. */
export async function generateTestHeader(input: TestHeaderInput): Promise<string> {
  const { payload, scheme } = input;
  const raw = isRawBody(payload) ? payload : JSON.stringify(payload);
  const body = toBodyBytes(raw);
  if (scheme.scheme === "plain") return `${scheme.prefix ?? ""}${await sign(input, body)}`;
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  return `t=${timestamp},v1=${await sign(input, concatBytes(`${timestamp}.`, body))}`;
}

async function sign(
  input: { secret: string; scheme: WebhookSignatureScheme },
  message: Uint8Array<ArrayBuffer>,
) {
  const digest = await hmacSha256(input.secret, message);
  return input.scheme.encoding === "base64" ? toBase64(digest) : toHex(digest);
}

async function assertSomeMatch(input: VerifyInput, body: Uint8Array, expected: string, candidates: string[]) {
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

function assertFresh(timestamp: number, input: VerifyInput): void {
  const tolerance = input.tolerance ?? input.scheme.tolerance ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (!(tolerance >= 0))
    throw new TypeError(`tolerance must be a non-negative number of seconds, got ${tolerance}`);
  const now = input.now ?? Math.floor(Date.now() / 1000);
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

function readSignatureHeader(signature: SignatureInput, headerName: string): string {
  const value = lookupHeader(signature, headerName);
  const joined = typeof value === "string" ? value : value?.join(",");
  if (joined === undefined || joined.trim() === "") {
    throw new InvalidWebhookSignatureError("missing_header", `The ${headerName} header is missing or empty.`);
  }
  return joined;
}

function lookupHeader(
  signature: SignatureInput,
  name: string,
): string | readonly string[] | null | undefined {
  if (signature === null || signature === undefined || typeof signature === "string") return signature;
  if (Array.isArray(signature)) return signature as readonly string[];
  if (signature instanceof Headers) return signature.get(name);
  const wanted = name.toLowerCase();
  const entries = Object.entries(signature as Record<string, string | readonly string[] | undefined>);
  return entries.find(([key]) => key.toLowerCase() === wanted)?.[1];
}

function isRawBody(value: unknown): value is RawBody {
  return typeof value === "string" || value instanceof Uint8Array || value instanceof ArrayBuffer;
}

function toBodyBytes(body: unknown): Uint8Array<ArrayBuffer> {
  if (typeof body === "string") return utf8(body);
  if (body instanceof Uint8Array) return body as Uint8Array<ArrayBuffer>;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new InvalidWebhookSignatureError(
    "signature_mismatch",
    `The webhook body must be the raw request body (string, Buffer or Uint8Array), got ${typeof body}.`,
    "It looks like a parsed object: the signature covers the exact bytes received, so verify the raw body " +
      "(e.g. express.raw(), await request.text()) and parse it afterwards.",
  );
}

function looksLikeJSON(body: Uint8Array): boolean {
  const first = body.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  return first === 0x7b || first === 0x5b; // "{" or "["
}
