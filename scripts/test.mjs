#!/usr/bin/env node
// `npm test`: sets up the machine, then runs every check and test suite and prints one summary line.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { bootstrap, ROOT, run } from "./lib/toolchain.mjs";

bootstrap();

const resultsDir = join(ROOT, ".vitest-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

/** Counts tests in a vitest JSON report. */
function vitestCounts(file) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  const failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  return { passed: report.numPassedTests ?? 0, failed };
}

const steps = [
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
      `--outputFile.json=${join(resultsDir, "vitest.json")}`,
    ],
    counts: () => vitestCounts(join(resultsDir, "vitest.json")),
  },
];

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const code = run(step.cmd[0], step.cmd.slice(1));
  let counts = { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
  if (step.counts) {
    try {
      counts = step.counts();
      if (code !== 0 && counts.failed === 0) counts.failed = 1;
    } catch {
      counts = { passed: 0, failed: 1 };
    }
  }
  passed += counts.passed;
  failed += counts.failed;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  summary.push(
    `${code === 0 ? "✓" : "✗"} ${step.name}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`,
  );
}

console.log("\n── summary ──");
for (const line of summary) console.log(line);
console.log(`Total: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
