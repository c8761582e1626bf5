import type { MockContext } from "../context";
import { conflict } from "../policies/errors";
import { timestamp } from "../store/ids";
import type { Conversation, ConversationDetail, Handoff } from "../store/types";

/** A conversation as lists and events show it: without transcript and handoff. */
export function summary({
  messages: _messages,
  handoff: _handoff,
  ...conversation
}: ConversationDetail): Conversation {
  return conversation;
}

/** Simulates an agent claiming the requested handoff (mock-only): `handoff.accepted`. */
export function acceptHandoff(context: MockContext, conversationId: string): Handoff {
  const conversation = context.store.conversations.require(conversationId);
  const handoff = conversation.handoff;
  if (conversation.status !== "handed_off" || !handoff || handoff.status !== "requested") {
    throw conflict(
      "no_pending_handoff",
      `Conversation ${conversationId} has no handoff waiting for an agent.`,
    );
  }
  const accepted: Handoff = { ...handoff, status: "accepted", accepted_at: timestamp(context.now()) };
  conversation.handoff = accepted;
  context.webhooks.emit("handoff.accepted", accepted);
  return accepted;
}

/** Closes a conversation (mock-only; the visitor left or an agent closed it): `conversation.ended`. */
export function closeConversation(
  context: MockContext,
  conversationId: string,
  reason?: string,
): Conversation {
  const conversation = context.store.conversations.require(conversationId);
  if (conversation.status === "closed") {
    throw conflict("conversation_closed", `Conversation ${conversationId} is already closed.`);
  }
  conversation.status = "closed";
  conversation.ended_at = timestamp(context.now());
  if (reason) conversation.metadata = { ...conversation.metadata, end_reason: reason };
  const ended = summary(conversation);
  context.webhooks.emit("conversation.ended", ended);
  return ended;
}
