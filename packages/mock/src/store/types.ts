import type { components } from "../generated/openapi.gen";

/** Schema types generated from spec/openapi.yaml (see `pnpm gen:types`). */
export type Schemas = components["schemas"];

export type Bot = Schemas["Bot"];
export type Conversation = Schemas["Conversation"];
/**
 * A conversation as the store keeps it: the whole transcript. The API answers a bounded view of it
 * (`conversationView`: the latest messages and `has_more_messages`).
 */
export type ConversationDetail = Omit<Schemas["ConversationDetail"], "has_more_messages">;
export type Message = Schemas["Message"];
export type Handoff = Schemas["Handoff"];
export type Lead = Schemas["Lead"];
export type LeadExport = Schemas["LeadExport"];
export type Product = Schemas["Product"];
export type ProductSync = Schemas["ProductSync"];
export type WebhookSubscription = Schemas["WebhookSubscription"];

/** A secret that still signs deliveries after a rotation, until `expiresAt` (ms on the mock's clock). */
export interface RetiringSecret {
  secret: string;
  expiresAt: number;
}

/**
 * A subscription as the store keeps it: with the signing secret that is only shown on create and, after a
 * rotation (mock-only), the previous secrets still in their grace period.
 */
export type StoredWebhook = WebhookSubscription & {
  secret: string;
  rotation?: { count: number; retiring: RetiringSecret[] };
};
