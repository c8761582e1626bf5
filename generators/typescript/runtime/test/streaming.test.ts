import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  SDKError,
  StreamTruncatedError,
} from "../src/core/error";
import { Embott, type MessageStreamEvent } from "./helpers/embott-fixture";
import { apiError, sse, TestServer } from "./helpers/test-server";

const frame = (event: MessageStreamEvent | { type: "error"; error: unknown }) =>
  `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
const STARTED = { type: "message.started", conversation_id: "conv_1", message_id: "msg_2" } as const;
const DELTA = (delta: string) => ({ type: "message.delta", message_id: "msg_2", delta }) as const;
const COMPLETED = {
  type: "message.completed",
  conversation_id: "conv_1",
  message: { id: "msg_2", content: "Hello there" },
} as const;

describe("Stream", () => {
  let server: TestServer;
  let client: Embott;

  beforeEach(async () => {
    server = await TestServer.start();
    client = new Embott({ baseURL: server.url });
  });
  afterEach(() => server.close());

  const send = (options = {}) =>
    client.conversations.streamMessage({ conversationId: "conv_1", content: "Hi" }, options);

  it("yields typed events parsed from the SSE data and asks for text/event-stream", async () => {
    const wire = [STARTED, DELTA("Hello"), DELTA(" there"), COMPLETED].map(frame).join("");
    server.enqueue(sse([wire.slice(0, 50), wire.slice(50, 51), wire.slice(51)]));
    const stream = await send();
    const deltas: string[] = [];
    const kinds: string[] = [];
    for await (const event of stream) {
      kinds.push(event.type);
      if (event.type === "message.delta") deltas.push(event.delta);
    }
    expect(kinds).toEqual(["message.started", "message.delta", "message.delta", "message.completed"]);
    expect(deltas.join("")).toBe("Hello there");
    expect(server.requests[0]?.headers.accept).toBe("text/event-stream");
    expect(JSON.parse(server.requests[0]?.body ?? "")).toMatchObject({ stream: true, content: "Hi" });
    expect(stream.requestId).toBe("req_stream");
  });

  it("finalMessage() returns the final event", async () => {
    server.enqueue(sse([frame(STARTED), frame(DELTA("Hello there")), frame(COMPLETED)]));
    const stream = await send();
    await expect(stream.finalMessage()).resolves.toEqual(COMPLETED);
  });

  it("finalMessage() fails clearly when the stream ends without the final event", async () => {
    server.enqueue(sse([frame(STARTED)]));
    const error = await (await send()).finalMessage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamTruncatedError);
    expect((error as Error).message).toMatch(/closed before its final "message.completed" event/);
  });

  it("a stream that closes before its final event is a StreamTruncatedError, not a silent end", async () => {
    server.enqueue(sse([frame(STARTED), frame(DELTA("Hel"))]));
    const kinds: string[] = [];
    const thrown = await (async () => {
      for await (const event of await send()) kinds.push(event.type);
    })().catch((e: unknown) => e);
    expect(kinds).toEqual(["message.started", "message.delta"]);
    expect(thrown).toBeInstanceOf(StreamTruncatedError);
    expect(thrown).toBeInstanceOf(APIConnectionError);
  });

  it("a connection reset mid-stream is an APIConnectionError, not a raw TypeError", async () => {
    server.enqueue(async (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(frame(STARTED));
      await new Promise((resolve) => setTimeout(resolve, 20));
      response.socket?.destroy();
    });
    const thrown = await (async () => {
      for await (const _ of await send()) {
        /* consume */
      }
    })().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(APIConnectionError);
    expect(thrown).not.toBeInstanceOf(StreamTruncatedError);
    expect((thrown as Error).message).toMatch(/^Connection error: /);
  });

  it("a stalled stream fails after the idle timeout (the request timeout) between events", async () => {
    server.enqueue(sse([frame(STARTED)], { keepOpen: true }));
    const started = Date.now();
    const events: string[] = [];
    const thrown = await (async () => {
      for await (const event of await send({ timeout: 300 })) events.push(event.type);
    })().catch((e: unknown) => e);
    expect(events).toEqual(["message.started"]);
    expect(thrown).toBeInstanceOf(APIConnectionTimeoutError);
    expect((thrown as Error).message).toMatch(/sent nothing for 300 ms \(idle timeout/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await server.requests[0]?.clientGone;
  });

  it("a slow consumer is not an idle server: the timeout only runs while waiting for bytes", async () => {
    server.enqueue(sse([frame(STARTED), frame(DELTA("a")), frame(COMPLETED)]));
    const kinds: string[] = [];
    for await (const event of await send({ timeout: 100 })) {
      kinds.push(event.type);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(kinds).toEqual(["message.started", "message.delta", "message.completed"]);
  });

  it("closes the connection when the consumer breaks out of the loop", async () => {
    server.enqueue(sse([frame(STARTED), frame(DELTA("a"))], { keepOpen: true }));
    const stream = await send();
    for await (const event of stream) {
      if (event.type === "message.started") break;
    }
    await server.requests[0]?.clientGone; // resolves only if the server sees the connection close early
    await expect(
      (async () => {
        for await (const _ of stream) {
          /* second pass */
        }
      })(),
    ).rejects.toThrow(SDKError);
  });

  it("turns an error event into a thrown APIError carrying the error body", async () => {
    const error = {
      type: "api_error",
      code: "model_overloaded",
      message: "The model is overloaded",
      param: null,
      request_id: "req_9",
    };
    server.enqueue(sse([frame(STARTED), frame({ type: "error", error })], { keepOpen: true }));
    const events: string[] = [];
    const thrown = await (async () => {
      for await (const event of await send()) events.push(event.type);
    })().catch((e: unknown) => e);
    expect(events).toEqual(["message.started"]);
    expect(thrown).toBeInstanceOf(APIError);
    expect(thrown).toMatchObject({ status: undefined, error: { code: "model_overloaded" } });
    expect((thrown as Error).message).toContain("The model is overloaded");
    await server.requests[0]?.clientGone;
  });

  it("reports an HTTP error before the stream starts as a typed error", async () => {
    server.enqueue(apiError(409, "conflict_error", "Conversation is closed"));
    await expect(send({ maxRetries: 0 })).rejects.toMatchObject({ status: 409, name: "ConflictError" });
  });

  it("stops reading when the caller aborts mid-stream", async () => {
    server.enqueue(sse([frame(STARTED)], { keepOpen: true }));
    const controller = new AbortController();
    const stream = await send({ signal: controller.signal });
    const thrown = await (async () => {
      for await (const _ of stream) controller.abort();
    })().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(APIUserAbortError);
    await server.requests[0]?.clientGone;
  });

  it('parse: "text" yields each data string as is (non-JSON events), skipping [DONE]', async () => {
    server.enqueue(
      sse([
        "data: Hello\n\n",
        'data: {"not":"parsed"}\n\n',
        "data: two\ndata: lines\n\n",
        "data: [DONE]\n\n",
      ]),
    );
    const stream = await client.requestStream<string>({ method: "get", path: "/tokens" }, { parse: "text" });
    const events: string[] = [];
    for await (const event of stream) events.push(event);
    expect(events).toEqual(["Hello", '{"not":"parsed"}', "two\nlines"]);
  });

  it('parse: "text" still throws error events, JSON or not', async () => {
    server.enqueue(sse(["data: Hello\n\n", "event: error\ndata: model overloaded\n\n"]));
    const stream = await client.requestStream<string>({ method: "get", path: "/tokens" }, { parse: "text" });
    const events: string[] = [];
    const thrown = await (async () => {
      for await (const event of stream) events.push(event);
    })().catch((e: unknown) => e);
    expect(events).toEqual(["Hello"]);
    expect(thrown).toBeInstanceOf(APIError);
    expect((thrown as Error).message).toContain("model overloaded");
  });

  it("rejects non-JSON data by default", async () => {
    server.enqueue(sse(["data: Hello\n\n"]));
    const stream = await client.requestStream({ method: "get", path: "/tokens" }, {});
    const drain = async () => {
      for await (const _ of stream) {
        /* consume */
      }
    };
    await expect(drain()).rejects.toThrow(/Could not parse the data of a "message" stream event as JSON/);
  });
});
