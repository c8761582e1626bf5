// TypeScript: the workspace checks (Biome, Redocly, tsc, drift gate), the embott package and every vitest project.
import { join } from "node:path";
import { vitestCounts } from "../lib/reports.mjs";
import { ROOT } from "../lib/toolchain.mjs";

const vitestReport = join(ROOT, ".vitest-results", "vitest.json");

/** Node and pnpm come from the shared bootstrap; nothing more to install. */
export function setup() {}

export const steps = [
  { name: "format + lint (biome)", cmd: ["pnpm", "exec", "biome", "check", "."] },
  { name: "spec lint (redocly)", cmd: ["pnpm", "run", "--silent", "lint:spec"] },
  { name: "typecheck (tsc --strict)", cmd: ["pnpm", "exec", "tsc", "-p", "tsconfig.json"] },
  {
    name: "generated code is current (codegen generate --check)",
    cmd: ["pnpm", "--silent", "codegen", "generate", "--check"],
  },
  { name: "embott package: tsup build, publint, attw", cmd: ["pnpm", "--filter", "embott", "check:package"] },
  {
    name: "embott API reference (typedoc)",
    cmd: ["pnpm", "--filter", "embott", "exec", "typedoc", "--treatWarningsAsErrors"],
  },
  {
    name: "TypeScript tests (vitest)",
    cmd: [
      "pnpm",
      "exec",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestReport}`,
    ],
    counts: () => vitestCounts(vitestReport),
  },
];

export const example = {
  title: "TypeScript example (examples/typescript)",
  cmd: ["pnpm", "--filter", "embott-example-typescript", "start"],
};
