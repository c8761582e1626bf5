#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx (internal packages are not built).
import { tsImport } from "tsx/esm/api";

await tsImport("../src/main.ts", import.meta.url);
