#!/usr/bin/env node
// Runs the built CLI (dist/main.js). The build is refreshed first when it is missing or older than the sources
// of the CLI or of core (a workspace checkout); that costs about a second, once.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = new URL("../dist/main.js", import.meta.url);
const sources = [new URL("../src", import.meta.url), new URL("../../core/src", import.meta.url)].map((url) =>
  fileURLToPath(url),
);

function newestSource(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
  }
  return newest;
}

const distPath = fileURLToPath(dist);
const stale = !existsSync(distPath) || sources.some((dir) => newestSource(dir) > statSync(distPath).mtimeMs);
if (stale && sources.every(existsSync)) {
  const tsup = createRequire(import.meta.url).resolve("tsup/dist/cli-default.js");
  execFileSync(process.execPath, [tsup, "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}
await import(dist.href);
