#!/usr/bin/env node
// `node scripts/build-if-stale.mjs <package dir>`: runs the package's `build` script only when dist/index.js is
// missing or older than src/, package.json or tsup.config.ts (npm start used to rebuild `embott` every time).
import { join, resolve } from "node:path";
import { isStale } from "./lib/freshness.mjs";
import { run } from "./lib/toolchain.mjs";

const dir = resolve(process.argv[2] ?? ".");
const inputs = ["src", "package.json", "tsup.config.ts"].map((name) => join(dir, name));
if (isStale(join(dir, "dist", "index.js"), inputs)) {
  process.exit(run("pnpm", ["--dir", dir, "run", "build"]));
}
console.log(`${dir}: dist is up to date, not rebuilt`);
