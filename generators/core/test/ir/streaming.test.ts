import { describe, expect, it } from "vitest";
import { irOf, jsonResponse, operations, spec } from "../helpers/build";

const event = { oneOf: [{ $ref: "#/components/schemas/Delta" }, { $ref: "#/components/schemas/Done" }] };
const components = {
  schemas: {
    Event: event,
    Delta: { type: "object", properties: { type: { const: "delta" } } },
    Done: { type: "object", properties: { type: { const: "done" } } },
    Message: { type: "object", properties: { id: { type: "string" } } },
  },
};

describe("streaming", () => {
  it("turns x-embott-streaming into a streaming twin linked both ways", () => {
    const ir = irOf(
      spec(
        {
          "/messages": {
            post: {
              tags: ["messages"],
              operationId: "sendMessage",
              "x-embott-method": "send",
              "x-embott-streaming": {
                flag: "stream",
                method: "stream",
                events: "#/components/schemas/Event",
                discriminator: "type",
                final: "done",
              },
              requestBody: {
                content: {
                  "application/json": {
                    schema: { type: "object", properties: { stream: { type: "boolean" } } },
                  },
                },
              },
              responses: {
                200: {
                  description: "ok",
                  content: {
                    "application/json": { schema: { $ref: "#/components/schemas/Message" } },
                    "text/event-stream": { schema: { $ref: "#/components/schemas/Event" } },
                  },
                },
              },
            },
          },
        },
        { components },
      ),
    );
    const ops = operations(ir);
    expect(ops["messages.send"]).toMatchObject({
      streamTwin: "messages.stream",
      response: { kind: "json", type: { kind: "ref", id: "Message" } },
    });
    expect(ops["messages.send"]?.streaming).toBeUndefined();
    expect(ops["messages.stream"]).toMatchObject({
      httpMethod: "post",
      path: "/messages",
      streaming: {
        flag: "stream",
        events: { kind: "ref", id: "Event" },
        discriminator: "type",
        final: "done",
        twinOf: "messages.send",
      },
      response: { kind: "event-stream", mediaType: "text/event-stream", type: { kind: "ref", id: "Event" } },
    });
  });

  it("flags an operation whose only success response is text/event-stream", () => {
    const ir = irOf(
      spec(
        {
          "/feed": {
            get: {
              tags: ["feed"],
              operationId: "watch",
              responses: {
                200: {
                  description: "sse",
                  content: { "text/event-stream": { schema: { $ref: "#/components/schemas/Event" } } },
                },
              },
            },
          },
        },
        { components },
      ),
    );
    expect(operations(ir)["feed.watch"]).toMatchObject({
      streaming: { events: { kind: "ref", id: "Event" } },
      response: { kind: "event-stream" },
    });
  });

  it("leaves JSON operations unflagged", () => {
    const ir = irOf(
      spec({
        "/a": {
          get: { tags: ["a"], operationId: "get", responses: { 200: jsonResponse({ type: "string" }) } },
        },
      }),
    );
    expect(operations(ir)["a.get"]?.streaming).toBeUndefined();
  });
});
