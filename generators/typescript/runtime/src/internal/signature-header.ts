import { InvalidWebhookSignatureError } from "../core/error";

export interface TimestampedHeader {
  timestamp: number;
  /** The digits of `t` exactly as received (leading zeros kept): the signed message starts with them. */
  timestampText: string;
  signatures: string[];
}

/**
 * Parses "t=<unix>,v1=<sig>[,v1=<sig>…]": whitespace around entries is allowed, entries of other schemes
 * (v0=…) are ignored; a missing, non-integer or repeated `t` is malformed (two timestamps are ambiguous).
 */
export function parseTimestampedHeader(header: string, signatureKey = "v1"): TimestampedHeader {
  let timestampText: string | undefined;
  const signatures: string[] = [];
  for (const entry of header.split(",")) {
    const trimmed = entry.trim();
    const equals = trimmed.indexOf("=");
    if (equals <= 0) throw malformed(`entry "${trimmed}" is not key=value`);
    const key = trimmed.slice(0, equals).trim();
    const value = trimmed.slice(equals + 1).trim();
    if (key === "t") {
      if (timestampText !== undefined) throw malformed('it has more than one "t=" timestamp');
      if (!/^\d+$/.test(value)) throw malformed(`timestamp "${value}" is not unix seconds`);
      timestampText = value;
    } else if (key === signatureKey && value !== "") {
      signatures.push(value);
    }
  }
  if (timestampText === undefined) throw malformed('it has no "t=" timestamp');
  if (signatures.length === 0) {
    throw new InvalidWebhookSignatureError(
      "no_signatures",
      `The signature header has no ${signatureKey}= entries.`,
    );
  }
  return { timestamp: Number(timestampText), timestampText, signatures };
}

/** Parses "<prefix><sig>[,<prefix><sig>…]" (the plain scheme, e.g. "sha256=…"). */
export function parsePlainHeader(header: string, prefix: string): string[] {
  const signatures = header
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith(prefix) && entry.length > prefix.length)
    .map((entry) => entry.slice(prefix.length));
  if (signatures.length === 0) {
    throw new InvalidWebhookSignatureError(
      "no_signatures",
      `The signature header has no "${prefix}" signature.`,
    );
  }
  return signatures;
}

function malformed(reason: string): InvalidWebhookSignatureError {
  return new InvalidWebhookSignatureError(
    "malformed_header",
    `The signature header is malformed: ${reason}. Expected "t=<unix seconds>,v1=<signature>".`,
  );
}
