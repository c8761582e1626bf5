import type { components } from "../generated/openapi.gen";

/** Schema types generated from spec/openapi.yaml (see `pnpm gen:types`). */
export type Schemas = components["schemas"];

export type Bot = Schemas["Bot"];
export type Conversation = Schemas["Conversation"];
export type ConversationDetail = Schemas["ConversationDetail"];
export type Message = Schemas["Message"];
export type Handoff = Schemas["Handoff"];
export type Lead = Schemas["Lead"];
export type LeadExport = Schemas["LeadExport"];
export type Product = Schemas["Product"];
export type ProductSync = Schemas["ProductSync"];
export type WebhookSubscription = Schemas["WebhookSubscription"];

/** A subscription as the store keeps it: with the signing secret that is only shown on create. */
export type StoredWebhook = WebhookSubscription & { secret: string };
