#!/usr/bin/env node
// The hosted CI workflow must run exactly `.ci/run` (one run step, nothing else executed), so it cannot drift
// from the local CI entry point.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fail, ROOT } from "../lib/toolchain.mjs";

// `yaml` is a dependency of the workspace's packages (the mock), not of the root.
const { parse } = createRequire(join(ROOT, "packages/mock/package.json"))("yaml");

const file = ".github/workflows/ci.yml";
const workflow = parse(readFileSync(join(ROOT, file), "utf8"));
const jobs = Object.entries(workflow.jobs ?? {});
const problems = [];
if (jobs.length !== 1) problems.push(`${file} has ${jobs.length} jobs; expected one`);
for (const [name, job] of jobs) {
  const runs = (job.steps ?? []).filter((step) => step.run !== undefined).map((step) => step.run.trim());
  const actions = (job.steps ?? []).filter((step) => step.uses !== undefined).map((step) => step.uses);
  if (runs.length !== 1 || runs[0] !== ".ci/run")
    problems.push(`job ${name} runs ${JSON.stringify(runs)}; expected [".ci/run"]`);
  const extra = actions.filter((uses) => !uses.startsWith("actions/checkout@"));
  if (extra.length > 0)
    problems.push(`job ${name} uses ${extra.join(", ")}; only actions/checkout is expected`);
}
if (problems.length > 0) fail(problems.join("\n"));
console.log(`✓ ${file} runs exactly .ci/run`);
