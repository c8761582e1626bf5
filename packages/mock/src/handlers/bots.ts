import type { MockContext } from "../context";
import { conflict } from "../policies/errors";
import { operation } from "../policies/pipeline";
import { paginate } from "../store/cursor";
import { timestamp } from "../store/ids";
import type { Bot, Schemas } from "../store/types";
import { api } from "./http";
import { pageParams } from "./list-query";

const DEFAULT_PERSONA: Bot["persona"] = { tone: "friendly", instructions: "", language: "en" };

function assertUniqueName(context: MockContext, name: string, exceptId?: string): void {
  const clash = context.store.bots.findBy("name", name).find((bot) => bot.id !== exceptId);
  if (clash) throw conflict("bot_name_taken", `A bot named '${name}' already exists (${clash.id}).`);
}

function createBot(context: MockContext, body: Schemas["CreateBotRequest"]): Bot {
  assertUniqueName(context, body.name);
  const now = timestamp(context.now());
  const bot: Bot = {
    id: context.store.ids.next("bot"),
    object: "bot",
    name: body.name,
    status: body.status ?? "draft",
    persona: body.persona ?? DEFAULT_PERSONA,
    model: body.model ?? "embott-2-large",
    welcome_message: body.welcome_message ?? "Hi! How can I help?",
    channels: body.channels ?? ["web"],
    created_at: now,
    updated_at: now,
    metadata: body.metadata ?? {},
  };
  context.store.bots.put(bot);
  if (bot.status === "active") context.webhooks.emit("bot.deployed", bot);
  return bot;
}

function updateBot(context: MockContext, id: string, body: Schemas["UpdateBotRequest"]): Bot {
  const current = context.store.bots.require(id);
  assertUniqueName(context, body.name, id);
  const bot: Bot = { ...current, ...body, updated_at: timestamp(context.now()) };
  context.store.bots.put(bot);
  if (bot.status === "active" && current.status !== "active") context.webhooks.emit("bot.deployed", bot);
  return bot;
}

export function botHandlers(context: MockContext) {
  return [
    api.get(
      "/bots",
      operation(context, "listBots", ({ response }, input) =>
        response(200).json(
          paginate({
            list: "bots",
            records: context.store.bots,
            ...pageParams(input),
            filters: {},
            matches: () => true,
          }),
        ),
      ),
    ),
    api.post(
      "/bots",
      operation(context, "createBot", async ({ request, response }) =>
        response(201).json(createBot(context, await request.json())),
      ),
    ),
    api.get(
      "/bots/{bot_id}",
      operation(context, "getBot", ({ params, response }) =>
        response(200).json(context.store.bots.require(params.bot_id)),
      ),
    ),
    api.put(
      "/bots/{bot_id}",
      operation(context, "updateBot", async ({ params, request, response }) =>
        response(200).json(updateBot(context, params.bot_id, await request.json())),
      ),
    ),
    api.delete(
      "/bots/{bot_id}",
      operation(context, "deleteBot", ({ params, response }) => {
        context.store.bots.require(params.bot_id);
        context.store.bots.delete(params.bot_id);
        return response(200).json({ id: params.bot_id, object: "bot", deleted: true });
      }),
    ),
  ];
}
