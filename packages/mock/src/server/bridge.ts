import type { IncomingMessage, ServerResponse } from "node:http";
import { getResponse, type RequestHandler } from "msw";
import { CONTROL_PREFIX } from "../control/handlers";
import type { RequestIdSequence } from "../log/request-log";
import { ApiError, errorResponse, toErrorDetails } from "../policies/errors";

/** Default cap on a request body: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Methods the bridge hands to the handlers; anything else (TRACE, CONNECT, …) is a 405. */
const SUPPORTED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export interface BridgeOptions {
  handlers: RequestHandler[];
  /** Request ids for the answers the bridge gives itself (bad URL, body too large, …). */
  requestIds: RequestIdSequence;
  /** Largest request body accepted, in bytes (default {@link DEFAULT_MAX_BODY_BYTES}). */
  maxBodyBytes?: number;
}

function badRequest(status: number, code: string, message: string, headers?: Record<string, string>) {
  return new ApiError({ status, code, message, headers });
}

/** The request URL built from the server's own address and the raw request target (never the Host header). */
function requestUrl(incoming: IncomingMessage): URL {
  const raw = incoming.url ?? "";
  const { localAddress = "127.0.0.1", localPort } = incoming.socket;
  const host = localAddress.includes(":") ? `[${localAddress}]` : localAddress;
  let url: URL | undefined;
  try {
    if (raw.startsWith("/")) url = new URL(`http://${host}:${localPort}${raw}`);
    if (url) decodeURIComponent(url.pathname);
  } catch {
    url = undefined;
  }
  if (!url) throw badRequest(400, "invalid_url", `The request target '${raw}' is not a valid path.`);
  assertNoDotSegments(raw);
  return url;
}

/**
 * Routing is decided on the raw path, before URL normalisation: `/v1/../__mock/reset` or `/v1/%2e%2e/__mock`
 * would otherwise reach the control endpoints through `/v1`. A `.` or `..` segment, raw or percent-encoded, is a 400.
 */
function assertNoDotSegments(raw: string): void {
  const path = raw.split(/[?#]/, 1)[0] ?? "";
  for (const segment of path.split("/")) {
    const decoded = decodeURIComponent(segment);
    if (decoded === "." || decoded === "..") {
      throw badRequest(
        400,
        "invalid_url",
        `The request path '${path}' has a '${decoded}' segment; use a plain path.`,
      );
    }
  }
}

/** Only the API and the control endpoints exist; `//v1/bots` or `/favicon.ico` are 404s. */
function assertKnownRoot(url: URL, method: string): void {
  const roots = ["/v1", CONTROL_PREFIX];
  if (!roots.some((root) => url.pathname === root || url.pathname.startsWith(`${root}/`))) {
    throw badRequest(404, "route_not_found", `No route ${method} ${url.pathname}.`);
  }
}

function assertSupportedMethod(method: string): void {
  if (!SUPPORTED_METHODS.includes(method)) {
    throw badRequest(405, "method_not_allowed", `The mock does not support the ${method} method.`, {
      Allow: SUPPORTED_METHODS.join(", "),
    });
  }
}

function tooLarge(limit: number): ApiError {
  return badRequest(413, "request_too_large", `The request body exceeds ${limit} bytes.`, {
    Connection: "close",
  });
}

/** Reads the body up to `limit` bytes; beyond it stops reading (pauses, the socket stays open for the 413). */
function readBody(incoming: IncomingMessage, limit: number): Promise<ArrayBuffer | undefined> {
  if (incoming.method === "GET" || incoming.method === "HEAD") return Promise.resolve(undefined);
  if (Number(incoming.headers["content-length"] ?? 0) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      incoming.off("data", onData).pause();
      reject(tooLarge(limit));
    };
    incoming.on("data", onData);
    incoming.once("error", reject);
    incoming.once("end", () => {
      const joined = Buffer.concat(chunks);
      resolve(joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer);
    });
  });
}

/** Converts a node request into a fetch `Request` for msw, or throws an `ApiError` the client caused. */
export async function toFetchRequest(incoming: IncomingMessage, maxBodyBytes: number): Promise<Request> {
  const method = (incoming.method ?? "GET").toUpperCase();
  const url = requestUrl(incoming);
  assertSupportedMethod(method);
  assertKnownRoot(url, method);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const controller = new AbortController();
  incoming.once("close", () => {
    if (!incoming.complete) controller.abort();
  });
  const body = await readBody(incoming, maxBodyBytes);
  return new Request(url, { method, headers, body, signal: controller.signal });
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

/** Answers a failure the handlers never saw, in the error envelope with a fresh request id. */
async function writeFailure(outgoing: ServerResponse, thrown: unknown, requestIds: RequestIdSequence) {
  if (outgoing.headersSent) {
    outgoing.destroy();
    return;
  }
  const details = toErrorDetails(thrown);
  // A 413 carries `Connection: close`, so node closes the socket after it and never parses the unread bytes.
  await writeResponse(errorResponse(details, requestIds.next()), outgoing);
}

/**
 * A node:http request listener that answers with msw handlers. `HttpResponse.error()` destroys the socket;
 * any failure is contained to the one request and answered in the error envelope.
 */
export function createRequestListener({ handlers, requestIds, maxBodyBytes }: BridgeOptions) {
  const limit = maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    try {
      const request = await toFetchRequest(incoming, limit);
      const response = await getResponse(handlers, request);
      if (!response) throw badRequest(404, "route_not_found", `No route ${request.method} ${incoming.url}.`);
      if (response.type === "error") {
        outgoing.destroy();
        return;
      }
      await writeResponse(response, outgoing);
    } catch (thrown) {
      await writeFailure(outgoing, thrown, requestIds);
    }
  };
}
