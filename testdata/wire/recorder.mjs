#!/usr/bin/env node
// A recording HTTP server for the wire cases: every request is recorded (method, raw URL, headers, raw body)
// and answered `200 {"ok":true}`, or with the next scripted reply. Start it with
// `node testdata/wire/recorder.mjs --port 0`; it prints its URL on one line. `GET /__recorded` returns the
// recorded requests as JSON; `DELETE /__recorded` clears them. `PUT /__script` with a JSON array of replies
// clears the recorded requests and answers the next requests with those replies in order (then `{"ok":true}`):
// `{ "json": value }`, `{ "contentType", "text" }` or `{ "contentType", "base64" }`, each with an optional
// `status` (200) and `headers`. Any language's test can drive it; nothing but node:http is used.
import { createServer } from "node:http";

/** @typedef {{ method: string, url: string, headers: Record<string, string>, bodyBase64: string }} Recorded */

/** Starts the recorder on 127.0.0.1; resolves with its URL and a `close()`. */
export function startRecorder(port = 0) {
  /** @type {Recorded[]} */
  const recorded = [];
  /** @type {Reply[]} */
  let script = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      if (request.url === "/__recorded") {
        if (request.method === "DELETE") recorded.length = 0;
        return send(response, 200, request.method === "DELETE" ? { cleared: true } : recorded);
      }
      if (request.url === "/__script" && request.method === "PUT") {
        const replies = parseScript(Buffer.concat(chunks).toString("utf8"));
        if (!replies) return send(response, 400, { error: "PUT /__script takes a JSON array of replies" });
        script = replies;
        recorded.length = 0;
        return send(response, 200, { scripted: replies.length });
      }
      recorded.push({
        method: request.method ?? "",
        url: request.url ?? "",
        headers: joinedHeaders(request.rawHeaders),
        bodyBase64: Buffer.concat(chunks).toString("base64"),
      });
      reply(response, script.shift() ?? { json: { ok: true } });
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        recorded,
        close: () => new Promise((done) => server.close(() => done(undefined))),
      });
    });
  });
}

/** Header names lower-cased; repeated headers joined with ", " (cookies with "; "). */
function joinedHeaders(raw) {
  const headers = {};
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index].toLowerCase();
    const value = raw[index + 1];
    headers[name] = name in headers ? `${headers[name]}${name === "cookie" ? "; " : ", "}${value}` : value;
  }
  return headers;
}

/** @typedef {{ status?: number, headers?: Record<string, string>, json?: unknown, contentType?: string, text?: string, base64?: string }} Reply */

/** @returns {Reply[] | undefined} */
function parseScript(text) {
  try {
    const replies = JSON.parse(text);
    return Array.isArray(replies) && replies.every((item) => item && typeof item === "object")
      ? replies
      : undefined;
  } catch {
    return undefined;
  }
}

/** @param {Reply} scripted */
function reply(response, scripted) {
  if ("json" in scripted) return send(response, scripted.status ?? 200, scripted.json, scripted.headers);
  const body =
    scripted.base64 !== undefined
      ? Buffer.from(scripted.base64, "base64")
      : Buffer.from(scripted.text ?? "", "utf8");
  response.writeHead(scripted.status ?? 200, {
    "content-type": scripted.contentType ?? "application/octet-stream",
    "content-length": body.length,
    ...scripted.headers,
  });
  response.end(body);
}

function send(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const index = process.argv.indexOf("--port");
  const port = index >= 0 ? Number(process.argv[index + 1]) : 0;
  const { url } = await startRecorder(Number.isInteger(port) ? port : 0);
  console.log(url);
}
