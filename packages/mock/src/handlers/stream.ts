import { tokenize } from "../assistant/reply";
import type { Message } from "../store/types";

export interface MessageExchange {
  conversation_id: string;
  input: Message;
  message: Message;
}

function sseEvent(type: string, data: object): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

/** The reply as server-sent events: `message.started`, one `message.delta` per token, `message.completed`. */
export function streamEvents(exchange: MessageExchange): string[] {
  const { conversation_id, input, message } = exchange;
  return [
    sseEvent("message.started", { conversation_id, message_id: message.id }),
    ...tokenize(message.content).map((delta) => sseEvent("message.delta", { message_id: message.id, delta })),
    sseEvent("message.completed", { conversation_id, input, message }),
  ];
}

/** A `text/event-stream` response that writes each event as its own chunk. */
export function eventStreamResponse(events: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of events) controller.enqueue(encoder.encode(event));
      controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
