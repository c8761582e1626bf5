// A hand-written stand-in for the generated code, written exactly against the emitter contract (README).

import type { APIPromise } from "../../src/core/api-promise";
import type { ClientOptions, RequestOptions } from "../../src/core/options";
import type { PagePromise } from "../../src/core/pagination";
import { APIResource } from "../../src/core/resource";
import type { Stream } from "../../src/core/streaming";
import { WebhooksResource } from "../../src/core/webhooks-resource";
import { encodePath } from "../../src/internal/path";
import { TestClient } from "./test-client";

export interface Bot {
  id: string;
  object: "bot";
  name: string;
}

export type MessageStreamEvent =
  | { type: "message.started"; conversation_id: string; message_id: string }
  | { type: "message.delta"; message_id: string; delta: string }
  | { type: "message.completed"; conversation_id: string; message: { id: string; content: string } };

export type WebhookEvent = { id: string; type: "lead.captured"; data: { id: string } };

const CURSOR_PAGINATION = {
  style: "cursor",
  items: "data",
  cursorParam: "cursor",
  nextCursor: "next_cursor",
  hasMore: "has_more",
  limitParam: "limit",
} as const;

class Bots extends APIResource {
  list(
    params: { limit?: number; cursor?: string; status?: string } = {},
    options?: RequestOptions,
  ): PagePromise<Bot> {
    const { limit, cursor, status } = params;
    const query = { limit, cursor, status };
    return this.client.requestPage<Bot>({ method: "get", path: "/bots", query }, CURSOR_PAGINATION, options);
  }

  get(params: { botId: string }, options?: RequestOptions): APIPromise<Bot> {
    return this.client.request<Bot>(
      { method: "get", path: `/bots/${encodePath(params.botId, "botId")}` },
      options,
    );
  }

  create(params: { name: string }, options?: RequestOptions): APIPromise<Bot> {
    return this.client.request<Bot>({ method: "post", path: "/bots", body: params }, options);
  }
}

class Conversations extends APIResource {
  streamMessage(
    params: { conversationId: string; content: string },
    options?: RequestOptions,
  ): APIPromise<Stream<MessageStreamEvent>> {
    const path = `/conversations/${encodePath(params.conversationId, "conversationId")}/messages`;
    const body = { role: "user", content: params.content, stream: true };
    const descriptor = { discriminator: "type", final: "message.completed" };
    return this.client.requestStream<MessageStreamEvent>({ method: "post", path, body }, descriptor, options);
  }
}

class Webhooks extends WebhooksResource<WebhookEvent> {}

export class Embott extends TestClient {
  readonly bots = new Bots(this);
  readonly conversations = new Conversations(this);
  readonly webhooks = new Webhooks(this);

  constructor(options: ClientOptions = {}) {
    super(options);
  }
}
