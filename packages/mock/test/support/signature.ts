import { createHmac } from "node:crypto";

/** `t` and the `v1` entries of an `Embott-Signature` header. */
export function parseSignatureHeader(header: string): { timestamp: string; v1: string[] } {
  const entries = header.split(",").map((part) => part.trim().split("="));
  return {
    timestamp: entries.find(([name]) => name === "t")?.[1] ?? "",
    v1: entries.filter(([name]) => name === "v1").map(([, value]) => value ?? ""),
  };
}

/** Checks a signature with node:crypto alone (independent of the mock's signer): HMAC-SHA256 of "{t}.{body}". */
export function isSignedWith(secret: string, header: string, body: string): boolean {
  const { timestamp, v1 } = parseSignatureHeader(header);
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return timestamp !== "" && v1.includes(expected);
}
