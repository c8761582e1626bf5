import { SDKError } from "./error";
import { APIResource } from "./resource";
import type { WebhookSignatureScheme } from "./webhook-scheme";
import {
  generateTestHeader,
  type RawBody,
  type SignatureInput,
  unwrapWebhook,
  type VerifyOptions,
  verifyWebhookSignature,
} from "./webhooks";

/**
 * Base of the generated `Webhooks` resource: signature helpers using the API's declared scheme
 * (`SDKConfig.webhookSignature`). The secret defaults to `ClientOptions.webhookSecret` or its env var.
 * Every method is async because verification uses WebCrypto.
 */
export class WebhooksResource<Event = unknown> extends APIResource {
  /** Resolves when `signature` is a valid signature of `rawBody`; rejects with InvalidWebhookSignatureError. */
  async verify(
    rawBody: RawBody,
    signature: SignatureInput,
    secret?: string,
    options?: VerifyOptions,
  ): Promise<void> {
    return verifyWebhookSignature({ ...options, ...this.#inputs(secret), body: rawBody, signature });
  }

  /** Verifies, then returns the parsed event. */
  async unwrap<T = Event>(
    rawBody: RawBody,
    signature: SignatureInput,
    secret?: string,
    options?: VerifyOptions,
  ): Promise<T> {
    return unwrapWebhook<T>({ ...options, ...this.#inputs(secret), body: rawBody, signature });
  }

  /** A valid signature header for `payload` (for tests of your webhook handler). */
  async generateTestHeader(input: {
    payload: RawBody | Record<string, unknown>;
    secret?: string;
    timestamp?: number;
  }): Promise<string> {
    return generateTestHeader({ ...input, ...this.#inputs(input.secret) });
  }

  #inputs(secret: string | undefined): { secret: string; scheme: WebhookSignatureScheme } {
    const scheme = this.client.config.webhookSignature;
    if (!scheme)
      throw new SDKError("This API declares no webhook signature scheme (x-embott-webhook-signature).");
    const resolved = secret ?? this.client.webhookSecret;
    if (!resolved) {
      const env = this.client.config.webhookSecretEnv;
      throw new SDKError(`Pass the webhook signing secret${env ? ` or set ${env}` : ""}.`);
    }
    return { secret: resolved, scheme };
  }
}
