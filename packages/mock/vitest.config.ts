import { defineProject } from "vitest/config";

// The HTTP tests spawn the CLI, whose start-up (tsx, msw, the spec's validators) takes seconds on a busy machine.
export default defineProject({ test: { name: "mock", testTimeout: 30_000, hookTimeout: 60_000 } });
