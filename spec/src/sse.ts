/** One server-sent event: its `event:` name (if any) and its `data:` lines joined by "\n". */
export interface ServerSentEvent {
  event: string | undefined;
  data: string;
}

/** A stream that does not follow the text/event-stream format. */
export class SseParseError extends Error {
  override name = "SseParseError";
}

/** Parses a complete text/event-stream body (WHATWG HTML §9.2) into its events; comments are skipped. */
export function parseEventStream(body: string): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  for (const block of body.replaceAll("\r\n", "\n").split(/\n\n+/)) {
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line === "" || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      if (colon === -1) throw new SseParseError(`Line without a field name: ${JSON.stringify(line)}`);
      const field = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (event !== undefined || data.length > 0) events.push({ event, data: data.join("\n") });
  }
  return events;
}
