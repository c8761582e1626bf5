// Runs check steps (each `{ name, cmd, counts?, env? }`) and prints the one closing line CI reads.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, run } from "./toolchain.mjs";

/**
 * Every `scripts/checks/*.mjs` module, in file-name order. A module describes one language or area:
 * `setup()` installs its toolchain (or fails naming what is missing), `steps` are its checks and
 * `example` the runnable app `npm start` runs against the mock.
 */
export async function loadChecks() {
  const dir = join(ROOT, "scripts", "checks");
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(".mjs"))
    .sort();
  const modules = [];
  for (const file of files) modules.push({ file, ...(await import(pathToFileURL(join(dir, file)).href)) });
  return modules;
}

/**
 * Runs the steps in order; returns the summed counts and prints a per-step summary and the total line.
 * Every step gets its own temp dir (TMPDIR, TMP, TEMP), removed afterwards, so the folders tests create in the
 * temp dir never pile up between runs.
 */
export function runSteps(steps) {
  let passed = 0;
  let failed = 0;
  const summary = [];
  for (const step of steps) {
    console.log(`\n▶ ${step.name}`);
    const started = Date.now();
    const temp = mkdtempSync(join(tmpdir(), "embott-step-"));
    const env = { ...process.env, ...step.env, TMPDIR: temp, TMP: temp, TEMP: temp };
    let code;
    try {
      code = run(step.cmd[0], step.cmd.slice(1), { env });
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
    let counts = { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
    if (step.counts) {
      try {
        counts = step.counts();
      } catch (error) {
        console.error(`✗ could not read the results of "${step.name}": ${error.message}`);
        counts = { passed: 0, failed: 1 };
      }
      // A non-zero exit is always at least one failure, whatever the report says.
      if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
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
  return { passed, failed };
}
