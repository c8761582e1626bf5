#!/usr/bin/env node
// The published package runs the built CLI (dist/cli.js). In the workspace, where the TypeScript source is
// present, it runs the source through tsx instead, so no build step is needed and a stale dist is never used.
import { existsSync } from "node:fs";

const source = new URL("../src/server/cli.ts", import.meta.url);

async function loadCli() {
  if (!existsSync(source)) return import("../dist/cli.js");
  const { register } = await import("tsx/esm/api");
  register();
  return import(source.href);
}

const { main } = await loadCli();
main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`embott-mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
