import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "typescript",
    include: ["test/**/*.test.ts", "src/**/*.test.ts", "runtime/test/**/*.test.ts"],
  },
});
