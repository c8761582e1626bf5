import { specExamples } from "./examples";
import type { MockStore } from "./store";
import {
  supplementalBots,
  supplementalConversations,
  supplementalLeads,
  supplementalProducts,
} from "./supplement";
import type {
  Bot,
  ConversationDetail,
  Handoff,
  Lead,
  LeadExport,
  Product,
  ProductSync,
  StoredWebhook,
  WebhookSubscription,
} from "./types";

type ConversationView = ConversationDetail & { has_more_messages?: boolean };

/** Deterministic signing secret for a seeded or created subscription (documented in the README). */
export function webhookSecret(webhookId: string): string {
  return `whsec_mock${webhookId.replace(/^wh_/, "")}`;
}

function seedConversations(store: MockStore, botId: string): void {
  const handoffs = specExamples<Handoff>("handoff", "Handoff");
  const examples = specExamples<ConversationView>("conversation", "ConversationDetail", (example) => {
    const messages = (example.messages as unknown[] | undefined) ?? [];
    const has_more_messages = false; // the examples embed whole (short) transcripts
    return {
      ...example,
      messages,
      handoff: example.handoff ?? null,
      message_count: messages.length,
      has_more_messages,
    };
  });
  const [first] = examples;
  for (const conversation of first ? [...examples, ...supplementalConversations(first, botId)] : examples) {
    // The store keeps the whole transcript; `has_more_messages` belongs to the API's bounded view.
    const { has_more_messages: _view, ...stored } = conversation as ConversationView;
    store.conversations.put(stored);
  }
  // Handoff examples are kept as history on their conversation only when it is actually handed off.
  for (const handoff of handoffs) {
    const conversation = store.conversations.get(handoff.conversation_id);
    if (conversation?.status === "handed_off") conversation.handoff = handoff;
  }
}

/** Fills the store from the spec's examples plus a small deterministic supplement. */
export function seedFromSpec(store: MockStore): void {
  const bots = specExamples<Bot>("bot", "Bot");
  for (const bot of bots[0] ? [...bots, ...supplementalBots(bots[0])] : bots) store.bots.put(bot);
  seedConversations(store, bots[0]?.id ?? "bot_seed0001");
  const leads = specExamples<Lead>("lead", "Lead");
  for (const lead of leads[0] ? [...leads, ...supplementalLeads(leads[0])] : leads) store.leads.put(lead);
  const products = specExamples<Product>("product", "Product");
  for (const product of products[0] ? [...products, ...supplementalProducts(products[0])] : products)
    store.products.put(product);
  for (const exported of specExamples<LeadExport>("lead_export", "LeadExport"))
    store.leadExports.put(exported);
  for (const sync of specExamples<ProductSync>("product_sync", "ProductSync")) store.productSyncs.put(sync);
  for (const webhook of specExamples<WebhookSubscription>("webhook", "WebhookSubscription")) {
    // Seeded endpoints point at example domains: keep them disabled so no event leaves the machine.
    const stored: StoredWebhook = { ...webhook, status: "disabled", secret: webhookSecret(webhook.id) };
    store.webhooks.put(stored);
  }
}
