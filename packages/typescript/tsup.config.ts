import { defineConfig } from "tsup";

// ESM + CJS with matching .d.ts/.d.cts; no runtime dependencies to bundle or externalise.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  clean: true,
  treeshake: true,
  splitting: false,
});
