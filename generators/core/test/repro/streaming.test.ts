import { describe, expect, it } from "vitest";
import { irOf, operations, spec } from "../helpers/build";
import { operationsById, reproIR } from "../helpers/repro";

describe("repro streaming.yaml: streaming from content negotiation", async () => {
  const { ir } = await reproIR("streaming.yaml");
  const byId = operationsById(ir);
  const model = (id: string | undefined) => ir.models.find((candidate) => candidate.id === id);

  it("a 200 offering JSON and SSE: the plain method returns JSON, a stream twin sets stream: true", () => {
    const plain = byId["chat.createChatCompletion"]!;
    expect(plain.response).toMatchObject({ kind: "json", mediaType: "application/json" });
    expect(plain.streamTwin).toBe("chat.createChatCompletionStream");
    const twin = byId["chat.createChatCompletionStream"]!;
    expect(twin.streaming).toMatchObject({
      flag: "stream",
      flagValue: true,
      negotiated: true,
      twinOf: "chat.createChatCompletion",
    });
    expect(twin.response).toMatchObject({ kind: "event-stream", mediaType: "text/event-stream" });
    expect(twin.body).toEqual(plain.body);
    expect(twin.pagination).toBeUndefined();
  });

  it("types the stream's events from the event-stream schema, never unknown", () => {
    const events = byId["chat.createChatCompletionStream"]!.streaming!.events;
    expect(events?.kind).toBe("ref");
    const eventModel = model(events?.kind === "ref" ? events.id : undefined);
    expect(eventModel).toMatchObject({
      kind: "object",
      name: { raw: "ChatCreateChatCompletionStreamEvent" },
    });
    expect(eventModel?.kind === "object" && eventModel.properties.map((property) => property.name)).toEqual([
      "id",
      "delta",
    ]);
  });

  it("a binary default (audio) stays the plain method returning bytes; the twin sets stream_format: sse", () => {
    const plain = byId["audio.createSpeech"]!;
    expect(plain.response).toMatchObject({ kind: "binary", mediaType: "application/octet-stream" });
    expect(plain.streaming).toBeUndefined();
    expect(byId["audio.createSpeechStream"]!.streaming).toMatchObject({
      flag: "stream_format",
      flagValue: "sse",
      twinOf: "audio.createSpeech",
    });
  });
});

describe("negotiated streams", () => {
  const chat = (sse: unknown, extra: Record<string, unknown> = {}) =>
    spec(
      {
        "/completions": {
          post: {
            operationId: "createCompletion",
            tags: ["completions"],
            requestBody: { content: { "application/json": { schema: { type: "object", properties: {} } } } },
            responses: {
              200: {
                description: "ok",
                content: { "application/json": { schema: { type: "object" } }, "text/event-stream": sse },
              },
            },
            ...extra,
          },
        },
      },
      {
        components: {
          schemas: {
            CreateCompletionStreamResponse: { type: "object", properties: { text: { type: "string" } } },
          },
        },
      },
    );

  it("types untyped SSE from the component named for the operation's stream", () => {
    const ir = irOf(chat({ schema: { type: "string" } }));
    const twin = operations(ir)["completions.createStream"];
    expect(twin?.streaming).toEqual({
      events: { kind: "ref", id: "CreateCompletionStreamResponse" },
      negotiated: true,
      twinOf: "completions.create",
    });
  });

  it("x-embott-streaming wins over negotiation (one twin, the extension's)", () => {
    const ir = irOf(chat({}, { "x-embott-streaming": { method: "stream" } }));
    expect(Object.keys(operations(ir)).sort()).toEqual(["completions.create", "completions.stream"]);
  });
});
