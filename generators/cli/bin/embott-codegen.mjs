#!/usr/bin/env node
// Runs the built CLI (dist/main.js). The build (the CLI, and each language package's dist/index.js that the emit
// workers import) is refreshed first when it is missing or older than the sources of the CLI, core or a language
// (a workspace checkout); that costs a second or two, once.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = new URL("../dist/main.js", import.meta.url);
const LANGUAGES = ["typescript", "python", "php", "ruby"];
const sources = ["cli", "core", ...LANGUAGES].map((name) =>
  fileURLToPath(new URL(`../../${name}/src`, import.meta.url)),
);
const bundles = LANGUAGES.map((name) =>
  fileURLToPath(new URL(`../../${name}/dist/index.js`, import.meta.url)),
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

const built = [fileURLToPath(dist), ...bundles];
const stale =
  !built.every(existsSync) ||
  sources.some((dir) => newestSource(dir) > Math.min(...built.map((file) => statSync(file).mtimeMs)));
if (stale && sources.every(existsSync)) {
  const tsup = createRequire(import.meta.url).resolve("tsup/dist/cli-default.js");
  execFileSync(process.execPath, [tsup, "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}
await import(dist.href);
