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

/** Verifies a header the way SDK helpers do: any `v1` matches and `t` is within the tolerance. */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  const entries = header.split(",").map((part) => part.trim().split("=", 2) as [string, string?]);
  const timestamp = Number(entries.find(([name]) => name === "t")?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(computeSignature(secret, timestamp, body), "hex");
  return entries.some(([name, value]) => {
    if (name !== "v1" || !value) return false;
    const candidate = Buffer.from(value, "hex");
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
}
