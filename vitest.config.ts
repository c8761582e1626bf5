import { defineConfig } from "vitest/config";

// One vitest process runs every TypeScript test project in the workspace.
export default defineConfig({
  test: {
    projects: ["spec", "scripts", "generators/*", "packages/*"],
    passWithNoTests: false,
  },
});
