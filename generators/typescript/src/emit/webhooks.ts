import type { IR, Name } from "@embott/codegen-core";
import { CodeWriter } from "../printer";
import { tsHeader } from "./header";
import { ImportSet } from "./imports";
import type { EmitNames } from "./names";
import { TYPES_NAMESPACE, type TypesModule } from "./types-module";

export const WEBHOOK_EVENTS_FILE = "webhook-events.ts";
const WEBHOOKS_SEGMENT: Name = { raw: "webhooks", words: ["webhooks"] };

/** What the SDK exposes for webhooks: the event union and whether `client.webhooks` verifies signatures. */
export interface WebhooksPlan {
  /** Type expression of every event payload; `unknown` when the spec declares no events. */
  eventType: string;
  /** Our own union type, when the spec has no schema that already unions exactly the event payloads. */
  ownUnion?: { name: string; members: string[] };
  /** `client.webhooks` extends the runtime's `WebhooksResource` (needs `x-embott-webhook-signature`). */
  verifies: boolean;
  /** The top-level resource segment carrying verification. */
  segment: Name;
}

export function planWebhooks(ir: IR, types: TypesModule, names: EmitNames): WebhooksPlan | undefined {
  if (ir.webhooks.length === 0 && !ir.webhookSignature) return undefined;
  const verifies = ir.webhookSignature !== undefined;
  const existing = existingEventUnion(ir, types);
  if (existing || ir.webhooks.length === 0) {
    return { eventType: existing ?? "unknown", verifies, segment: WEBHOOKS_SEGMENT };
  }
  const members = ir.webhooks.map(
    (event) => types.webhookPayloadType(event.type) ?? types.typeRef(event.payload),
  );
  const name = names.claimExport("WebhookEvent", "WebhookEventPayload");
  return {
    eventType: name,
    ownUnion: { name, members: [...new Set(members)] },
    verifies,
    segment: WEBHOOKS_SEGMENT,
  };
}

/** `webhook-events.ts`: the union of every event payload, when the spec does not already name one. */
export function renderWebhookEvents(plan: WebhooksPlan, specLabel: string): string | undefined {
  if (!plan.ownUnion) return undefined;
  const writer = new CodeWriter().line(tsHeader(specLabel)).blank();
  new ImportSet(WEBHOOK_EVENTS_FILE).namespace("types.gen", TYPES_NAMESPACE).write(writer);
  writer.blank().doc("Every webhook event payload the API delivers; narrow it on its discriminating field.");
  writer.line(`export type ${plan.ownUnion.name} =`);
  writer.indented(() => {
    plan.ownUnion!.members.forEach((member, index, all) => {
      writer.line(`| ${member}${index === all.length - 1 ? ";" : ""}`);
    });
  });
  return writer.toString();
}

/**
 * A component union (like Embott's `WebhookEvent`) whose branches are exactly the payload schemas of the
 * spec's webhooks is reused rather than duplicated.
 */
function existingEventUnion(ir: IR, types: TypesModule): string | undefined {
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
    if ([...payloadIds].every((id) => variantIds.has(id))) return types.modelType(model.id);
  }
  return undefined;
}
