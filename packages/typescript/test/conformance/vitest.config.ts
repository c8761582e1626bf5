import { defineProject } from "vitest/config";

// Separate from the package's unit tests: needs the HTTP mock that scripts/conformance/serve.mjs starts.
export default defineProject({
  test: {
    name: "conformance-typescript",
    root: import.meta.dirname,
    include: ["conformance.test.ts"],
    testTimeout: 30_000,
  },
});
