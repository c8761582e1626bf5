#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so the package needs no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/server/cli.ts");
main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`embott-mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
