import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Embott-Signature";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Hex HMAC-SHA256 of `"{timestamp}.{body}"`, as the spec's `x-embott-webhook-signature` describes. */
export function computeSignature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** `t=<unix>,v1=<sig>[,v1=<sig>…]`, one `v1` per active secret (several during a rotation). */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [
    `t=${timestamp}`,
    ...secrets.map((secret) => `v1=${computeSignature(secret, timestamp, body)}`),
  ].join(",");
}

/**
 * Verifies a header by the rules every SDK follows (testdata/webhook-signatures.json): exactly one `t=` of digits,
 * signed as received (leading zeros included) and within the tolerance; some `v1=` equal, whole, to the expected
 * hex MAC (a valid MAC followed by junk is not accepted). `header` may be a list of header lines; any other
 * non-string value is rejected, never a crash.
 */
export function verifySignature(
  secret: string,
  header: unknown,
  body: string | Uint8Array,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  const text = headerText(header);
  if (text === undefined || !Number.isFinite(nowSeconds) || !(toleranceSeconds >= 0)) return false;
  const parsed = parseHeader(text);
  if (!parsed || Math.abs(nowSeconds - Number(parsed.timestamp)) > toleranceSeconds) return false;
  const hmac = createHmac("sha256", secret).update(`${parsed.timestamp}.`);
  const expected = Buffer.from(
    (typeof body === "string" ? hmac.update(body, "utf8") : hmac.update(body)).digest("hex"),
  );
  return parsed.signatures.some((value) => {
    if (!/^[0-9a-fA-F]{64}$/.test(value)) return false;
    return timingSafeEqual(Buffer.from(value.toLowerCase()), expected);
  });
}

function headerText(header: unknown): string | undefined {
  if (typeof header === "string") return header;
  if (Array.isArray(header) && header.every((line) => typeof line === "string")) return header.join(",");
  return undefined;
}

/** `t` (as received) and the `v1` values, or undefined when `t` is missing, repeated or not digits. */
function parseHeader(header: string): { timestamp: string; signatures: string[] } | undefined {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const entry of header.split(",")) {
    const equals = entry.indexOf("=");
    if (equals <= 0) return undefined;
    const name = entry.slice(0, equals).trim();
    const value = entry.slice(equals + 1).trim();
    if (name === "t") {
      if (timestamp !== undefined || !/^\d+$/.test(value)) return undefined;
      timestamp = value;
    } else if (name === "v1") {
      signatures.push(value);
    }
  }
  return timestamp === undefined ? undefined : { timestamp, signatures };
}
