import { composeReply } from "../assistant/reply";
import type { MockContext } from "../context";
import { conflict } from "../policies/errors";
import { timestamp } from "../store/ids";
import type { ConversationDetail, Lead, Message, Schemas } from "../store/types";

export const HANDED_OFF_REPLY = "A member of our team has been notified and will reply here shortly.";

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

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

function landingPage(conversation: ConversationDetail): string {
  const page = conversation.metadata.page;
  return `https://shop.example${page?.startsWith("/") ? page : "/"}`;
}

/** An email address in a visitor message captures a lead (once per conversation and address). */
function captureLead(context: MockContext, conversation: ConversationDetail, input: Message): void {
  const email = EMAIL.exec(input.content)?.[0];
  if (!email) return;
  const leads = context.store.leads.all();
  if (leads.some((lead) => lead.conversation_id === conversation.id && lead.email === email)) return;
  const lead: Lead = {
    id: context.store.ids.next("lead"),
    object: "lead",
    bot_id: conversation.bot_id,
    conversation_id: conversation.id,
    name: conversation.visitor.name ?? email.split("@")[0] ?? email,
    email,
    phone: conversation.visitor.phone ?? null,
    status: "new",
    score: 50,
    attribution: {
      source: "direct",
      medium: "chat",
      campaign: null,
      referrer: null,
      landing_page: landingPage(conversation),
    },
    custom_fields: {},
    captured_at: input.created_at,
  };
  context.store.leads.put(lead);
  conversation.visitor = { ...conversation.visitor, email };
  context.webhooks.emit("lead.captured", lead);
}

/**
 * Appends the visitor's message and the reply to the transcript, emits `message.created` for both and
 * captures a lead when the visitor shares an email address. Closed conversations answer 409.
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
  const input = newMessage(context, conversation, "user", body.content, body.metadata ?? {});
  const message = replyTo(context, conversation, input);
  conversation.messages.push(input, message);
  conversation.message_count = conversation.messages.length;
  conversation.last_message_at = message.created_at;
  context.webhooks.emit("message.created", input);
  context.webhooks.emit("message.created", message);
  captureLead(context, conversation, input);
  return { object: "message_exchange" as const, conversation_id: conversation.id, input, message };
}
