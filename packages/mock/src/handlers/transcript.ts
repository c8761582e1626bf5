import { composeReply } from "../assistant/reply";
import type { MockContext } from "../context";
import { conflict } from "../policies/errors";
import { timestamp } from "../store/ids";
import type { ConversationDetail, Message, Schemas } from "../store/types";
import { summary } from "./conversation-lifecycle";
import { captureLead, scoreLeads } from "./lead-signals";

export const HANDED_OFF_REPLY = "A member of our team has been notified and will reply here shortly.";

function newMessage(
  context: MockContext,
  conversation: ConversationDetail,
  role: Message["role"],
  content: string,
  metadata: Message["metadata"],
): Message {
  return {
    id: context.store.ids.next("msg"),
    object: "message",
    conversation_id: conversation.id,
    role,
    content,
    created_at: timestamp(context.now()),
    metadata,
  };
}

/** The bot's answer, or a system notice while a human has the conversation. */
function replyTo(context: MockContext, conversation: ConversationDetail, input: Message): Message {
  if (conversation.status === "handed_off")
    return newMessage(context, conversation, "system", HANDED_OFF_REPLY, {});
  const catalog = context.store.products.all().filter((product) => product.bot_id === conversation.bot_id);
  const reply = composeReply(input.content, catalog);
  return newMessage(context, conversation, "assistant", reply.content, { source: reply.source });
}

/**
 * Appends the visitor's message and the reply to the transcript and emits `conversation.started` (first visitor
 * message), `message.created` for both, `lead.captured` when the visitor shares an email address and
 * `lead.qualified` when buying intent lifts a lead over the threshold. Closed conversations answer 409.
 */
export function exchangeMessages(
  context: MockContext,
  conversationId: string,
  body: Schemas["SendMessageRequest"],
) {
  const conversation = context.store.conversations.require(conversationId);
  if (conversation.status === "closed") {
    throw conflict("conversation_closed", `Conversation ${conversationId} is closed; start a new one.`);
  }
  const firstVisitorMessage = !conversation.messages.some((existing) => existing.role === "user");
  const input = newMessage(context, conversation, "user", body.content, body.metadata ?? {});
  const message = replyTo(context, conversation, input);
  conversation.messages.push(input, message);
  conversation.message_count = conversation.messages.length;
  conversation.last_message_at = message.created_at;
  if (firstVisitorMessage) context.webhooks.emit("conversation.started", summary(conversation));
  context.webhooks.emit("message.created", input);
  context.webhooks.emit("message.created", message);
  captureLead(context, conversation, input);
  scoreLeads(context, conversation, input);
  return { object: "message_exchange" as const, conversation_id: conversation.id, input, message };
}
