import type { PlanContext } from "./context";
import type { WordScope } from "./names";
import type { WebhooksPlan } from "./types";

/** The top-level resource that verifies webhook signatures. */
export const WEBHOOKS_RESOURCE = "webhooks";

/** Events, the type of any event, and signature verification; undefined when the spec has neither. */
export function planWebhooks(context: PlanContext, scope: WordScope): WebhooksPlan | undefined {
  const { ir } = context;
  if (ir.webhooks.length === 0 && !ir.webhookSignature) return undefined;
  const existing = existingEventUnion(context);
  const union: WebhooksPlan["union"] = existing
    ? { existing }
    : ir.webhooks.length === 0
      ? { none: true }
      : { name: scope.claim(["webhook", "event"], ["webhook", "event", "payload"]) };
  return {
    events: ir.webhooks.map((event) => ({
      type: event.type,
      name: [...event.name.words],
      ...(event.payload ? { payload: event.payload } : {}),
      docs: event.docs,
      deprecated: event.deprecated,
    })),
    union,
    ...(ir.webhookSignature ? { signature: ir.webhookSignature, resource: WEBHOOKS_RESOURCE } : {}),
  };
}

/**
 * A component union (like Embott's `WebhookEvent`) whose branches are exactly the payload schemas of the
 * spec's webhooks is reused rather than duplicated.
 */
function existingEventUnion(context: PlanContext): string | undefined {
  const { ir } = context;
  const payloadIds = new Set(
    ir.webhooks.flatMap((event) => (event.payload?.kind === "ref" ? [event.payload.id] : [])),
  );
  if (payloadIds.size === 0 || payloadIds.size !== ir.webhooks.length) return undefined;
  for (const model of ir.models) {
    if (model.kind !== "union" || model.origin !== "component") continue;
    const variantIds = new Set(
      model.variants.flatMap((variant) => (variant.kind === "ref" ? [variant.id] : [])),
    );
    if (variantIds.size !== model.variants.length || variantIds.size !== payloadIds.size) continue;
    if ([...payloadIds].every((id) => variantIds.has(id))) return model.id;
  }
  return undefined;
}
