#!/usr/bin/env node
// `npm run setup`: installs every toolchain the tests and the main job need.
import { bootstrap } from "./lib/toolchain.mjs";

bootstrap();
console.log("✓ setup complete");
