import { copyFileSync } from "node:fs";
import { defineConfig } from "tsup";

// ESM for Node: the library entry and the CLI, with .d.ts; the spec is copied next to them (dist/openapi.yaml)
// so the published package reads its own copy. Runtime dependencies stay external.
export default defineConfig({
  entry: { index: "src/index.ts", cli: "src/server/cli.ts" },
  format: ["esm"],
  dts: { entry: { index: "src/index.ts" } },
  target: "node20",
  platform: "node",
  sourcemap: true,
  clean: true,
  splitting: true,
  onSuccess: async () => copyFileSync("../../spec/openapi.yaml", "dist/openapi.yaml"),
});
