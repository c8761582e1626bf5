import type { OrderedRecords } from "../store/cursor";
import type { ConversationDetail, Message, Schemas } from "../store/types";

/** Messages `GET /conversations/{id}` embeds (the latest); the rest are paged by its `/messages` list. */
export const EMBEDDED_MESSAGES = 50;

/** The API's view of a stored conversation: the latest messages only, and whether older ones exist. */
export function conversationView(conversation: ConversationDetail): Schemas["ConversationDetail"] {
  const { messages } = conversation;
  return {
    ...conversation,
    messages: messages.slice(-EMBEDDED_MESSAGES),
    has_more_messages: messages.length > EMBEDDED_MESSAGES,
  };
}

/**
 * A transcript in list order (oldest first) for `paginate`. Messages are appended in time order, so a cursor's
 * position is found by a binary search on `created_at`, then its id among messages of the same second.
 */
export function transcriptRecords(messages: readonly Message[]): OrderedRecords<Message> {
  return {
    positionOf: (message) => [message.created_at, message.id],
    *after(position) {
      let index = 0;
      if (position) {
        const [createdAt, id] = position;
        let low = 0;
        let high = messages.length;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if ((messages[middle] as Message).created_at < createdAt) low = middle + 1;
          else high = middle;
        }
        index = low;
        for (let probe = low; probe < messages.length && messages[probe]?.created_at === createdAt; probe++) {
          if (messages[probe]?.id === id) index = probe + 1;
        }
      }
      for (; index < messages.length; index++) yield messages[index] as Message;
    },
  };
}
