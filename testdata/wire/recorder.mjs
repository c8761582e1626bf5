#!/usr/bin/env node
// A recording HTTP server for the wire cases: every request is recorded (method, raw URL, headers, raw body)
// and answered `200 {"ok":true}`. Start it with `node testdata/wire/recorder.mjs --port 0`; it prints its URL
// on one line. `GET /__recorded` returns the recorded requests as JSON; `DELETE /__recorded` clears them.
// Any language's test can drive it; nothing but node:http is used.
import { createServer } from "node:http";

/** @typedef {{ method: string, url: string, headers: Record<string, string>, bodyBase64: string }} Recorded */

/** Starts the recorder on 127.0.0.1; resolves with its URL and a `close()`. */
export function startRecorder(port = 0) {
  /** @type {Recorded[]} */
  const recorded = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      if (request.url === "/__recorded") {
        if (request.method === "DELETE") recorded.length = 0;
        return send(response, 200, request.method === "DELETE" ? { cleared: true } : recorded);
      }
      recorded.push({
        method: request.method ?? "",
        url: request.url ?? "",
        headers: joinedHeaders(request.rawHeaders),
        bodyBase64: Buffer.concat(chunks).toString("base64"),
      });
      send(response, 200, { ok: true });
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

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
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
