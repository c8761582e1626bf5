import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "sdk-typescript", include: ["test/**/*.test.ts"], exclude: ["test/conformance/**"] },
});
