/** One dispatched Server-Sent Event (WHATWG HTML §9.2). */
export interface ServerSentEvent {
  /** The `event:` field, "message" when absent. */
  event: string;
  /** `data:` lines joined with "\n". */
  data: string;
  /** The last event id seen on the stream (it persists across events, per the spec). */
  id: string;
  /** The `retry:` reconnection time in ms, when this event carried one. */
  retry: number | undefined;
}

/**
 * Incremental SSE parser: feed it decoded text in chunks of any size (a "\r\n" may be split across chunks) and
 * it returns the events completed so far. Comments (":…") are skipped; an event with no data is not dispatched.
 */
export class SSEParser {
  #buffer = "";
  #pendingCR = false;
  #started = false;
  #event = "";
  #data: string[] = [];
  #lastId = "";
  #retry: number | undefined;

  push(text: string): ServerSentEvent[] {
    let chunk = text;
    if (!this.#started && chunk.length > 0) {
      this.#started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.#pendingCR && chunk.startsWith("\n")) chunk = chunk.slice(1); // second half of a split "\r\n"
    this.#pendingCR = false;
    this.#buffer += chunk;
    return this.#drainLines();
  }

  #drainLines(): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    let start = 0;
    for (let index = 0; index < this.#buffer.length; index++) {
      const char = this.#buffer[index];
      if (char !== "\n" && char !== "\r") continue;
      const event = this.#processLine(this.#buffer.slice(start, index));
      if (event) events.push(event);
      if (char === "\r") {
        if (index + 1 === this.#buffer.length) this.#pendingCR = true;
        else if (this.#buffer[index + 1] === "\n") index++;
      }
      start = index + 1;
    }
    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  #processLine(line: string): ServerSentEvent | undefined {
    if (line === "") return this.#dispatch();
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    this.#applyField(field, value);
    return undefined;
  }

  #applyField(field: string, value: string): void {
    switch (field) {
      case "event":
        this.#event = value;
        break;
      case "data":
        this.#data.push(value);
        break;
      case "id":
        if (!value.includes("\0")) this.#lastId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.#retry = Number(value);
        break;
      // unknown fields are ignored, per the spec
    }
  }

  #dispatch(): ServerSentEvent | undefined {
    const hasData = this.#data.length > 0;
    const event: ServerSentEvent = {
      event: this.#event || "message",
      data: this.#data.join("\n"),
      id: this.#lastId,
      retry: this.#retry,
    };
    this.#event = "";
    this.#data = [];
    this.#retry = undefined;
    return hasData ? event : undefined;
  }
}

/** Decodes a byte stream as UTF-8 (multi-byte characters may straddle chunks) and yields its SSE events. */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  /** Called before each read (e.g. to arm an idle timeout). */
  beforeRead?: () => void,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder("utf-8");
  const parser = new SSEParser();
  try {
    for (;;) {
      beforeRead?.();
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode()); // an unterminated final event is discarded, per the spec
  } finally {
    reader.releaseLock();
  }
}
