import { Collection } from "./collection";
import { IdSequence } from "./ids";
import type { Bot, ConversationDetail, Lead, LeadExport, Product, ProductSync, StoredWebhook } from "./types";

/** The mock's in-memory state. Handlers change it; `reset()` restores the seed. */
export class MockStore {
  // Sort keys are the list endpoints' orders (newest first); bots are also indexed by name (unique).
  readonly bots = new Collection<Bot>("bot", "bot_id", {
    sortKey: (bot) => bot.created_at,
    indexes: { name: (bot) => bot.name },
  });
  /** Conversations with their transcript and handoff. */
  readonly conversations = new Collection<ConversationDetail>("conversation", "conversation_id", {
    sortKey: (conversation) => conversation.started_at,
  });
  readonly leads = new Collection<Lead>("lead", "lead_id", { sortKey: (lead) => lead.captured_at });
  readonly leadExports = new Collection<LeadExport>("lead export", "export_id");
  readonly products = new Collection<Product>("product", "product_id", {
    sortKey: (product) => product.synced_at,
  });
  readonly productSyncs = new Collection<ProductSync>("product sync", "sync_id");
  readonly webhooks = new Collection<StoredWebhook>("webhook", "webhook_id", {
    sortKey: (webhook) => webhook.created_at,
  });
  readonly ids = new IdSequence();

  constructor(private readonly seed: (store: MockStore) => void) {
    this.reset();
  }

  reset(): void {
    for (const collection of [
      this.bots,
      this.conversations,
      this.leads,
      this.leadExports,
      this.products,
      this.productSyncs,
      this.webhooks,
    ]) {
      collection.clear();
    }
    this.ids.reset();
    this.seed(this);
  }
}
