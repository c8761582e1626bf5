import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/bots?limit=2". */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Resolves when the client's connection for this request closes before the response finished. */
  clientGone: Promise<void>;
}

/** Answers one request. Queued handlers run once each, in order; the last one used repeats when none is queued. */
export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1:0 that scripts responses and records requests. */
export class TestServer {
  readonly requests: RecordedRequest[] = [];
  readonly #handlers: Handler[] = [];
  readonly #server: Server;
  #lastHandler: Handler = json(500, { error: { type: "api_error", message: "no handler queued" } });

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<TestServer> {
    const server = createServer();
    const instance = new TestServer(server);
    server.on("request", (req, res) => {
      const chunks: Buffer[] = [];
      const clientGone = new Promise<void>((resolve) => {
        res.on("close", () => {
          if (!res.writableFinished) resolve();
        });
      });
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const recorded = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body,
          clientGone,
        };
        instance.requests.push(recorded);
        void instance.#next()(recorded, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return instance;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Queues handlers for the next requests. */
  enqueue(...handlers: Handler[]): this {
    this.#handlers.push(...handlers);
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #next(): Handler {
    this.#lastHandler = this.#handlers.shift() ?? this.#lastHandler;
    return this.#lastHandler;
  }
}

/** Responds with a JSON body. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, {
      "content-type": "application/json",
      "x-request-id": "req_test",
      ...headers,
    });
    response.end(JSON.stringify(body));
  };
}

/** The API's error envelope. */
export function apiError(
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
) {
  const body = { error: { type, code: type, message, param: null, request_id: "req_err" } };
  return json(status, body, { "x-request-id": "req_err", ...headers });
}

/** Destroys the socket without answering (a connection error for the client). */
export function dropConnection(): Handler {
  return (_request, response) => {
    response.socket?.destroy();
  };
}

/** Never answers (until the client gives up or the server closes). */
export function hang(): Handler {
  return () => {};
}

/** Writes SSE chunks (exact strings, split anywhere), then ends unless `keepOpen`. */
export function sse(chunks: (string | Uint8Array)[], options: { keepOpen?: boolean } = {}): Handler {
  return async (_request, response) => {
    response.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "req_stream" });
    for (const chunk of chunks) {
      response.write(chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!options.keepOpen) response.end();
  };
}
