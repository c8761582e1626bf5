#!/usr/bin/env node
// `npm test`: sets up the machine, then runs every language's checks (scripts/checks/*.mjs) and prints one
// closing line, `Total: N passed, N failed`, counting tests where a runner reports them.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { loadChecks, runSteps } from "./lib/steps.mjs";
import { bootstrap, ROOT } from "./lib/toolchain.mjs";

bootstrap();
const checks = await loadChecks();
for (const check of checks) await check.setup?.();

const resultsDir = join(ROOT, ".vitest-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const { failed } = runSteps(checks.flatMap((check) => check.steps ?? []));
process.exit(failed === 0 ? 0 : 1);
