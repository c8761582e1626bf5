#!/usr/bin/env node
// `pnpm lint:spec`: Redocly's lint of spec/openapi.yaml without its Node 20 end-of-life banner (printed on every
// run, even though this repository supports Node >= 20.19) and without telemetry. Exit code and problems unchanged.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");

/** `text` without the boxed "Node.js 20 support is ending" notice (╔…╝), the rest kept byte for byte. */
export function dropNodeBanner(text) {
  return text.replace(/\n?[ \t]*╔[^╝]*?Node\.js 20 support is ending[^╝]*╝[ \t]*\n/u, "");
}

function main() {
  const args = ["exec", "redocly", "lint", "spec/openapi.yaml", ...process.argv.slice(2)];
  const result = spawnSync("pnpm", args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  if (result.error) {
    console.error(`✗ could not start redocly: ${result.error.message}`);
    process.exit(127);
  }
  process.stdout.write(dropNodeBanner(result.stdout));
  process.stderr.write(dropNodeBanner(result.stderr));
  process.exit(result.status ?? 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
