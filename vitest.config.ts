import { defineConfig } from "vitest/config";

// One vitest process runs every TypeScript test project in the workspace. Packages are matched by their vitest
// config, so the PHP, Python and Ruby packages (tested by their own runners) are not taken for vitest projects.
export default defineConfig({
  test: {
    projects: ["spec", "generators/*", "packages/*/vitest.config.ts"],
    passWithNoTests: false,
  },
});
