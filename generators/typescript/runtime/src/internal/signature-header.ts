import { InvalidWebhookSignatureError } from "../core/error";

export interface TimestampedHeader {
  timestamp: number;
  signatures: string[];
}

/**
 * Parses "t=<unix>,v1=<sig>[,v1=<sig>…]": whitespace around entries is allowed, entries of other schemes
 * (v0=…) are ignored, and a missing or non-integer `t` is malformed.
 */
export function parseTimestampedHeader(header: string, signatureKey = "v1"): TimestampedHeader {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const entry of header.split(",")) {
    const trimmed = entry.trim();
    const equals = trimmed.indexOf("=");
    if (equals <= 0) throw malformed(`entry "${trimmed}" is not key=value`);
    const key = trimmed.slice(0, equals).trim();
    const value = trimmed.slice(equals + 1).trim();
    if (key === "t") {
      if (!/^\d+$/.test(value)) throw malformed(`timestamp "${value}" is not unix seconds`);
      timestamp = Number(value);
    } else if (key === signatureKey && value !== "") {
      signatures.push(value);
    }
  }
  if (timestamp === undefined) throw malformed('it has no "t=" timestamp');
  if (signatures.length === 0) {
    throw new InvalidWebhookSignatureError(
      "no_signatures",
      `The signature header has no ${signatureKey}= entries.`,
    );
  }
  return { timestamp, signatures };
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
