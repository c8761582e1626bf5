#!/usr/bin/env node
// `npm run setup`: installs every toolchain the tests and the main job need (scripts/checks/*.mjs `setup`).
import { loadChecks } from "./lib/steps.mjs";
import { bootstrap } from "./lib/toolchain.mjs";

bootstrap();
for (const check of await loadChecks()) await check.setup?.();
console.log("✓ setup complete");
