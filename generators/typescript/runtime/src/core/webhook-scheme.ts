/** The root `x-embott-webhook-signature` extension: how the API signs webhook deliveries. */
export interface WebhookSignatureScheme {
  /** Header carrying the signature, e.g. "Embott-Signature" (matched case-insensitively). */
  header: string;
  /** timestamped: "t=<unix>,v1=<sig>[,v1=<sig>…]" over "{t}.{raw body}"; plain: "<prefix><sig>" over the body. */
  scheme: "timestamped" | "plain";
  algorithm?: "hmac-sha256";
  encoding?: "hex" | "base64";
  /** Plain scheme only, e.g. "sha256=". */
  prefix?: string;
  /** Allowed clock difference in seconds, both directions (timestamped only). Default 300. */
  tolerance?: number;
}

export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;
