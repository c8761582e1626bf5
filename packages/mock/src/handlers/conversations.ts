import type { MockContext } from "../context";
import { conflict } from "../policies/errors";
import { operation } from "../policies/pipeline";
import { paginate } from "../store/cursor";
import { timestamp } from "../store/ids";
import type { Handoff, Schemas } from "../store/types";
import { summary } from "./conversation-lifecycle";
import { api } from "./http";
import { assertTimeRange, matchesFilters, pageParams, pickFilters } from "./list-query";
import { conversationView, transcriptRecords } from "./messages";
import { eventStreamResponse, streamEvents } from "./stream";
import { exchangeMessages } from "./transcript";

function requestHandoff(context: MockContext, id: string, body: Schemas["HandoffRequest"]): Handoff {
  const conversation = context.store.conversations.require(id);
  if (conversation.status !== "open") {
    throw conflict(
      `conversation_${conversation.status}`,
      `Conversation ${id} is ${conversation.status.replace("_", " ")}; it cannot be handed off.`,
    );
  }
  const handoff: Handoff = {
    id: context.store.ids.next("ho"),
    object: "handoff",
    conversation_id: id,
    status: "requested",
    priority: body.priority ?? "normal",
    reason: body.reason ?? null,
    notified: body.notify?.channels ?? [],
    requested_at: timestamp(context.now()),
    accepted_at: null,
  };
  conversation.status = "handed_off";
  conversation.handoff = handoff;
  context.webhooks.emit("handoff.requested", handoff);
  return handoff;
}

export function conversationHandlers(context: MockContext) {
  return [
    api.get(
      "/conversations",
      operation(context, "listConversations", ({ response }, input) => {
        const filters = pickFilters(input, ["bot_id", "status", "created_after", "created_before"]);
        assertTimeRange(filters);
        const page = paginate({
          list: "conversations",
          records: context.store.conversations,
          ...pageParams(input),
          filters,
          matches: (conversation, active) => matchesFilters(conversation, conversation.started_at, active),
        });
        return response(200).json({ ...page, data: page.data.map(summary) });
      }),
    ),
    api.get(
      "/conversations/{conversation_id}",
      operation(context, "getConversation", ({ params, response }) =>
        response(200).json(conversationView(context.store.conversations.require(params.conversation_id))),
      ),
    ),
    api.get(
      "/conversations/{conversation_id}/messages",
      operation(context, "listConversationMessages", ({ params, response }, input) => {
        const conversation = context.store.conversations.require(params.conversation_id);
        const page = paginate({
          list: "messages",
          records: transcriptRecords(conversation.messages),
          ...pageParams(input),
          // The conversation rides in the cursor, so another conversation's cursor is a 400, not a wrong page.
          filters: { conversation_id: conversation.id },
          matches: () => true,
        });
        return response(200).json(page);
      }),
    ),
    api.post(
      "/conversations/{conversation_id}/messages",
      operation(context, "sendConversationMessage", async ({ params, request, response }) => {
        const body = await request.json();
        const exchange = exchangeMessages(context, params.conversation_id, body);
        if (body.stream === true) return response.untyped(eventStreamResponse(streamEvents(exchange)));
        return response(200).json(exchange);
      }),
    ),
    api.post(
      "/conversations/{conversation_id}/handoff",
      operation(context, "handoffConversation", ({ params, response }, input) => {
        // The body is optional; the pipeline has already parsed and validated it.
        const body = (input.body ?? {}) as Schemas["HandoffRequest"];
        return response(200).json(requestHandoff(context, params.conversation_id, body));
      }),
    ),
  ];
}
