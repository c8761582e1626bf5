import { defineConfig } from "vitest/config";

// One vitest process runs every TypeScript test project in the workspace.
export default defineConfig({
  test: {
    // Config files, not folders: packages/python, packages/php and packages/ruby hold no TypeScript tests.
    projects: ["spec", "scripts", "generators/*", "packages/*/vitest.config.ts"],
    passWithNoTests: false,
  },
});
