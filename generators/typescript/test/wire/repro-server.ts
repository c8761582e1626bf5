import { createServer, type IncomingMessage } from "node:http";

/** One request as the scripted server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What to answer: a JSON value (200), or status + content type + raw body. */
export type Reply = unknown | { status?: number; contentType: string; raw: string | Buffer };

/**
 * A local HTTP server on 127.0.0.1:0 that records every request and answers through `reply` (per test), so a
 * generated SDK's requests and its iteration over scripted pages can both be asserted.
 */
export async function startScriptedServer() {
  const seen: SeenRequest[] = [];
  let reply: (request: SeenRequest) => Reply = () => ({ ok: true });
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(entry);
      const answer = reply(entry) as { status?: number; contentType?: string; raw?: string | Buffer };
      const raw = answer && typeof answer === "object" && "raw" in answer && answer.raw !== undefined;
      const body = raw ? answer.raw! : JSON.stringify(answer);
      response.writeHead(raw ? (answer.status ?? 200) : 200, {
        "content-type": raw ? answer.contentType! : "application/json",
        "content-length": Buffer.byteLength(body),
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    seen,
    /** Replace the answer function and forget earlier requests. */
    script(next: (request: SeenRequest) => Reply) {
      reply = next;
      seen.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
