import type { MockContext } from "../context";
import { operation } from "../policies/pipeline";
import { paginate } from "../store/cursor";
import { timestamp } from "../store/ids";
import type { ProductSync, Schemas } from "../store/types";
import { api } from "./http";
import { matchesFilters, pageParams, pickFilters } from "./list-query";

/**
 * Answers with the queued sync; the mock "crawls" instantly, so the stored record is already completed with
 * the bot's current catalog size. An unknown bot is a 404 naming `bot_id`.
 */
function startSync(context: MockContext, body: Schemas["ProductSyncRequest"]): ProductSync {
  context.store.bots.require(body.bot_id);
  const now = timestamp(context.now());
  const queued: ProductSync = {
    id: context.store.ids.next("sync"),
    object: "product_sync",
    bot_id: body.bot_id,
    status: "queued",
    products_found: null,
    started_at: now,
    completed_at: null,
  };
  const found = context.store.products.all().filter((product) => product.bot_id === body.bot_id).length;
  context.store.productSyncs.put({
    ...queued,
    status: "completed",
    products_found: found,
    completed_at: now,
  });
  return queued;
}

export function productHandlers(context: MockContext) {
  return [
    api.get(
      "/products",
      operation(context, "listProducts", ({ response }, input) =>
        response(200).json(
          paginate({
            list: "products",
            records: context.store.products,
            ...pageParams(input),
            filters: pickFilters(input, ["bot_id", "in_stock"]),
            matches: (product, active) => matchesFilters(product, product.synced_at, active),
          }),
        ),
      ),
    ),
    api.post(
      "/products/sync",
      operation(context, "syncProducts", async ({ request, response }) =>
        response(202).json(startSync(context, await request.json())),
      ),
    ),
  ];
}
