import type { MockContext } from "../context";
import { operation } from "../policies/pipeline";
import { paginate } from "../store/cursor";
import { timestamp } from "../store/ids";
import { webhookSecret } from "../store/seed";
import type { Schemas, StoredWebhook, WebhookSubscription } from "../store/types";
import { api } from "./http";
import { pageParams } from "./list-query";

/** The subscription without its secrets (only `createWebhook` reveals the secret). */
export function publicWebhook({
  secret: _secret,
  rotation: _rotation,
  ...subscription
}: StoredWebhook): WebhookSubscription {
  return subscription;
}

/** Stores a new enabled subscription with the deterministic secret {@link webhookSecret}. */
export function subscribe(context: MockContext, body: Schemas["CreateWebhookRequest"]): StoredWebhook {
  const id = context.store.ids.next("wh");
  const subscription: StoredWebhook = {
    id,
    object: "webhook",
    url: body.url,
    events: body.events,
    status: "enabled",
    description: body.description ?? null,
    created_at: timestamp(context.now()),
    secret: webhookSecret(id),
  };
  return context.store.webhooks.put(subscription);
}

export function webhookHandlers(context: MockContext) {
  return [
    api.get(
      "/webhooks",
      operation(context, "listWebhooks", ({ response }, input) => {
        const page = paginate({
          list: "webhooks",
          records: context.store.webhooks,
          ...pageParams(input),
          filters: {},
          matches: () => true,
        });
        return response(200).json({ ...page, data: page.data.map(publicWebhook) });
      }),
    ),
    api.post(
      "/webhooks",
      operation(context, "createWebhook", async ({ request, response }) =>
        response(201).json(subscribe(context, await request.json())),
      ),
    ),
    api.get(
      "/webhooks/{webhook_id}",
      operation(context, "getWebhook", ({ params, response }) =>
        response(200).json(publicWebhook(context.store.webhooks.require(params.webhook_id))),
      ),
    ),
    api.delete(
      "/webhooks/{webhook_id}",
      operation(context, "deleteWebhook", ({ params, response }) => {
        context.store.webhooks.require(params.webhook_id);
        context.store.webhooks.delete(params.webhook_id);
        context.webhooks.cancel(params.webhook_id);
        return response(200).json({ id: params.webhook_id, object: "webhook", deleted: true });
      }),
    ),
  ];
}
