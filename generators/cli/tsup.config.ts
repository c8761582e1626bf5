import { defineConfig } from "tsup";

// The CLI runs from this build (bin/embott-codegen.mjs), not through tsx: core is bundled in; the language
// packages stay external and are imported only by `generate` (see src/targets.ts).
export default defineConfig({
  entry: { main: "src/main.ts" },
  outDir: "dist",
  format: "esm",
  platform: "node",
  target: "node20",
  bundle: true,
  splitting: true,
  sourcemap: false,
  clean: true,
  noExternal: ["@embott/codegen-core"],
  external: [
    /^@embott\/codegen-(typescript|python|php|ruby)$/,
    "@redocly/openapi-core",
    "tsx",
    "tsx/esm/api",
  ],
});
