#!/usr/bin/env node
// `pnpm release:dry`: builds what a release publishes — the npm tarballs, the wheel and sdist, the Composer
// archive and the gem — in a temporary folder, checks that every version agrees and that no artifact ships docs or
// tests, installs each in a clean place and runs the seed snippet against the mock. Publishes nothing.
// An SDK missing on this branch is a failure with its reason, never skipped.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MOCK_API_KEY, startMock } from "../lib/mock.mjs";
import { buildComposer } from "./artifacts/composer.mjs";
import { buildGem } from "./artifacts/gem.mjs";
import { buildNpm } from "./artifacts/npm.mjs";
import { buildPython } from "./artifacts/python.mjs";
import { verify } from "./versions.mjs";

const BUILDERS = [
  { name: "npm", build: buildNpm },
  { name: "Python wheel + sdist", build: buildPython },
  { name: "Composer archive", build: buildComposer },
  { name: "gem", build: buildGem },
];

const work = mkdtempSync(join(tmpdir(), "embott-release-"));
const mock = await startMock();
const env = { ...process.env, EMBOTT_BASE_URL: `${mock.url}/v1`, EMBOTT_API_KEY: MOCK_API_KEY };
const problems = [];
const artifacts = [];
try {
  const sources = verify();
  problems.push(...sources.problems);
  console.log(
    `▶ version files: ${sources.found.length} locations at ${[...new Set(sources.found.map((f) => f.version))].join(", ")}`,
  );
  // The builders run side by side: one packs with tsup while another waits on pip or composer.
  const outcomes = await Promise.all(
    BUILDERS.map(async (builder) => {
      const started = Date.now();
      try {
        return { builder, artifacts: await builder.build(work, env), started };
      } catch (error) {
        return { builder, error, started };
      }
    }),
  );
  for (const { builder, artifacts: built, error, started } of outcomes) {
    console.log(`▶ ${builder.name}`);
    if (error) {
      problems.push(`${builder.name}: ${error.message}`);
      console.log(`  ✗ ${error.message.split("\n")[0]}`);
      continue;
    }
    for (const artifact of built) {
      artifacts.push(artifact);
      problems.push(...artifact.problems);
      const status = artifact.problems.length === 0 ? "✓" : "✗";
      const ran = artifact.ran ? " (installed, seed snippet ran)" : "";
      console.log(`  ${status} ${artifact.name} ${artifact.version}${ran}`);
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const versions = new Set([...artifacts.map((a) => a.version), ...sources.found.map((f) => f.version)]);
  if (versions.size > 1) {
    problems.push(`artifact versions disagree: ${artifacts.map((a) => `${a.name}=${a.version}`).join(", ")}`);
  }
} finally {
  mock.stop();
  rmSync(work, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(
    `\n✗ release dry run: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join("\n")}`,
  );
  process.exit(1);
}
console.log(`\n✓ release dry run: ${artifacts.length} artifacts at one version, installed and run`);
