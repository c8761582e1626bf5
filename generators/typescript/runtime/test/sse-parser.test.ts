import { describe, expect, it } from "vitest";
import { readServerSentEvents, type ServerSentEvent, SSEParser } from "../src/internal/sse-parser";

function parseChunks(chunks: string[]): ServerSentEvent[] {
  const parser = new SSEParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

const WIRE =
  'event: message.delta\ndata: {"delta":"hé"}\n\n: keep-alive\n\nid: 7\ndata: line one\ndata: line two\n\n';
const EXPECTED = [
  { event: "message.delta", data: '{"delta":"hé"}', id: "", retry: undefined },
  { event: "message", data: "line one\nline two", id: "7", retry: undefined },
];

describe("SSEParser", () => {
  it("parses event names, multi-line data, ids and skips comments", () => {
    expect(parseChunks([WIRE])).toEqual(EXPECTED);
  });

  it("gives the same events whatever the chunk boundaries", () => {
    for (let size = 1; size <= 7; size++) {
      const chunks = WIRE.match(new RegExp(`[\\s\\S]{1,${size}}`, "g")) ?? [];
      expect(parseChunks(chunks)).toEqual(EXPECTED);
    }
  });

  it("accepts \\r\\n and bare \\r line endings, including a \\r\\n split across chunks", () => {
    expect(parseChunks([WIRE.replaceAll("\n", "\r\n")])).toEqual(EXPECTED);
    expect(parseChunks([WIRE.replaceAll("\n", "\r")])).toEqual(EXPECTED);
    expect(parseChunks(["data: a\r", "\n\r", "\ndata: b\r\n\r\n"])).toEqual([
      { event: "message", data: "a", id: "", retry: undefined },
      { event: "message", data: "b", id: "", retry: undefined },
    ]);
  });

  it("follows the spec's field rules", () => {
    const events = parseChunks([
      "\uFEFFdata\n\ndata:no-space\nretry: 3000\n\nevent: only-event\n\nid: 1\0\ndata: x\n\n",
    ]);
    expect(events).toEqual([
      { event: "message", data: "", id: "", retry: undefined },
      { event: "message", data: "no-space", id: "", retry: 3000 },
      { event: "message", data: "x", id: "", retry: undefined },
    ]);
  });

  it("keeps the last event id across events", () => {
    expect(parseChunks(["id: a\ndata: 1\n\ndata: 2\n\n"]).map((event) => event.id)).toEqual(["a", "a"]);
  });
});

describe("readServerSentEvents", () => {
  it("decodes UTF-8 characters split across byte chunks and drops an unterminated final event", async () => {
    const bytes = new TextEncoder().encode('data: {"text":"Zoë 🎉"}\n\ndata: never dispatched');
    const split = [bytes.slice(0, 17), bytes.slice(17, 20), bytes.slice(20)]; // cuts inside "ë" and "🎉"
    const events: ServerSentEvent[] = [];
    for await (const event of readServerSentEvents(streamOf(split))) events.push(event);
    expect(events.map((event) => event.data)).toEqual(['{"text":"Zoë 🎉"}']);
  });
});
