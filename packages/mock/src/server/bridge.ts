import type { IncomingMessage, ServerResponse } from "node:http";
import { getResponse, type RequestHandler } from "msw";
import { errorBody } from "../policies/errors";

async function readBody(incoming: IncomingMessage): Promise<ArrayBuffer | undefined> {
  if (incoming.method === "GET" || incoming.method === "HEAD") return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const joined = Buffer.concat(chunks);
  return joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer;
}

/** Converts a node request into a fetch `Request` for msw. */
export async function toFetchRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const controller = new AbortController();
  incoming.once("close", () => {
    if (!incoming.complete) controller.abort();
  });
  return new Request(new URL(incoming.url ?? "/", origin), {
    method: incoming.method,
    headers,
    body: await readBody(incoming),
    signal: controller.signal,
  });
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (outgoing.destroyed) return;
      outgoing.write(chunk);
    }
  }
  outgoing.end();
}

function writeUnhandled(outgoing: ServerResponse, status: number, message: string): void {
  if (outgoing.headersSent) {
    outgoing.destroy();
    return;
  }
  const body = errorBody(
    { status, type: "api_error", code: status === 404 ? "route_not_found" : "internal_error", message },
    "req_unhandled",
  );
  outgoing.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

/**
 * A node:http request listener that answers with msw handlers. `HttpResponse.error()` destroys the socket;
 * any failure is contained to the one request.
 */
export function createRequestListener(handlers: RequestHandler[]) {
  return async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    try {
      const origin = `http://${incoming.headers.host ?? "127.0.0.1"}`;
      const request = await toFetchRequest(incoming, origin);
      const response = await getResponse(handlers, request);
      if (!response) return writeUnhandled(outgoing, 404, `No route for ${incoming.method} ${incoming.url}.`);
      if (response.type === "error") {
        outgoing.destroy();
        return;
      }
      await writeResponse(response, outgoing);
    } catch (thrown) {
      writeUnhandled(
        outgoing,
        500,
        `Mock server failure: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
      );
    }
  };
}
