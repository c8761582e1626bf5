import type { MockContext } from "../context";
import { webhookSecret } from "../store/seed";
import type { StoredWebhook } from "../store/types";

/** How long a rotated-out secret keeps signing by default: 24 hours. */
export const DEFAULT_ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

export interface RotatedSecret {
  id: string;
  /** The new secret; it signs from now on. */
  secret: string;
  /** Older secrets that still sign (one more `v1=` entry each) until `expires_at`. */
  previous_secrets: { secret: string; expires_at: string }[];
}

/** Every secret a subscription signs with now: the current one first, then those still in their grace period. */
export function signingSecrets(subscription: StoredWebhook, nowMs: number): string[] {
  const retiring = subscription.rotation?.retiring ?? [];
  return [subscription.secret, ...retiring.filter((old) => old.expiresAt > nowMs).map((old) => old.secret)];
}

/**
 * Gives a subscription a new secret (deterministic: `whsec_mock<id>r<n>`) while the old one keeps signing for
 * `graceMs`, so deliveries carry two `v1=` entries, as during a real rotation.
 */
export function rotateSecret(context: MockContext, webhookId: string, graceMs = DEFAULT_ROTATION_GRACE_MS) {
  const subscription = context.store.webhooks.require(webhookId);
  const nowMs = context.now().getTime();
  const count = (subscription.rotation?.count ?? 0) + 1;
  const stillSigning = (subscription.rotation?.retiring ?? []).filter((old) => old.expiresAt > nowMs);
  const retiring = [{ secret: subscription.secret, expiresAt: nowMs + graceMs }, ...stillSigning].filter(
    (old) => old.expiresAt > nowMs,
  );
  subscription.secret = `${webhookSecret(webhookId)}r${count}`;
  subscription.rotation = { count, retiring };
  const rotated: RotatedSecret = {
    id: webhookId,
    secret: subscription.secret,
    previous_secrets: retiring.map((old) => ({
      secret: old.secret,
      expires_at: new Date(old.expiresAt).toISOString(),
    })),
  };
  return rotated;
}
