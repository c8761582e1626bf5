#!/usr/bin/env node
// Runs one conformance runner with the servers its scenarios talk to:
//   node scripts/conformance/serve.mjs -- <command> [args…]
// starts `embott-mock --port 0` (a child process, real HTTP) and the canned server (in this process), runs the
// command with EMBOTT_MOCK_URL and CONFORMANCE_CANNED_URL set, stops both and exits with the command's code.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { startMock } from "../lib/mock.mjs";
import { ROOT } from "../lib/toolchain.mjs";

/**
 * The canned server answers every request with the response last set by `POST /__canned`
 * (`{ status, headers, body }`): responses the mock never produces (unknown fields, unknown enum values).
 */
export function startCannedServer() {
  let canned = {
    status: 503,
    headers: {},
    body: { error: { type: "api_error", message: "nothing canned yet" } },
  };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method === "POST" && request.url === "/__canned") {
        try {
          canned = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch (error) {
          response.writeHead(400, { "content-type": "application/json" });
          response.end(JSON.stringify({ error: { message: `bad canned response: ${error.message}` } }));
          return;
        }
        response.writeHead(200, { "content-type": "application/json" });
        response.end('{"ok":true}');
        return;
      }
      response.writeHead(canned.status, { "content-type": "application/json", ...(canned.headers ?? {}) });
      response.end(JSON.stringify(canned.body));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, server });
    });
  });
}

async function main() {
  const separator = process.argv.indexOf("--");
  const command = separator === -1 ? [] : process.argv.slice(separator + 1);
  if (command.length === 0) {
    console.error("usage: node scripts/conformance/serve.mjs -- <command> [args…]");
    process.exit(2);
  }
  const mock = await startMock();
  const canned = await startCannedServer();
  const child = spawn(command[0], command.slice(1), {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, EMBOTT_MOCK_URL: mock.url, CONFORMANCE_CANNED_URL: canned.url },
  });
  // Stopped from outside (the matrix's timeout, Ctrl-C): stop the runner and the mock with us.
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => {
      child.kill("SIGTERM");
      mock.stop();
      process.exit(1);
    });
  }
  const code = await new Promise((resolve) => {
    child.once("error", (error) => {
      console.error(`✗ could not start ${command[0]}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  mock.stop();
  canned.server.close();
  canned.server.closeAllConnections();
  process.exit(code);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
