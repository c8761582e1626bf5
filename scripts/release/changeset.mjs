#!/usr/bin/env node
// `pnpm changeset …`: the changesets CLI, and after `pnpm changeset version` the version sync, so one command
// bumps the npm packages, every SDK's version file, each CHANGELOG and each User-Agent together.
import { join } from "node:path";
import { ROOT, run } from "../lib/toolchain.mjs";

const args = process.argv.slice(2);
const code = run(join(ROOT, "node_modules", ".bin", "changeset"), args);
if (code !== 0) process.exit(code);
if (args[0] === "version")
  process.exit(run(process.execPath, [join(ROOT, "scripts/release/sync-versions.mjs")]));
