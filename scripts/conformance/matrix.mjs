#!/usr/bin/env node
// The conformance matrix: runs each language's runner (through serve.mjs, each against its own fresh mock), the
// parity check, then prints scenarios × languages. A cell is green only when that language's runner reported
// the scenario as passed; a language that cannot run is a red column with its reason, never skipped.
// Writes .conformance/matrix.json ({ passed, failed } = green and red cells) and exits 1 on any red cell.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ROOT } from "../lib/toolchain.mjs";
import { LANGUAGES } from "./languages.mjs";

const OUT = join(ROOT, ".conformance");
/** A runner that hangs (a stuck socket, a deadlocked receiver) is stopped and its column turns red. */
const RUNNER_TIMEOUT_MS = 5 * 60 * 1000;
const only = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));

function scenarioIds() {
  return readdirSync(join(ROOT, "testdata", "conformance", "scenarios"))
    .filter((file) => file.endsWith(".json"))
    .map((file) => basename(file, ".json"))
    .sort();
}

function tail(text, lines = 40) {
  return text.split("\n").slice(-lines).join("\n");
}

/** Runs one language's runner; resolves with { reason?, results: { id: { status, problems } } }. */
async function runLanguage(language) {
  const reason = language.unavailable();
  if (reason) return { reason, results: {} };
  const resultsFile = join(OUT, `${language.id}.json`);
  const started = Date.now();
  const child = spawn(process.execPath, ["scripts/conformance/serve.mjs", "--", ...language.command()], {
    cwd: ROOT,
    env: { ...process.env, CONFORMANCE_RESULTS: resultsFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGTERM");
  }, RUNNER_TIMEOUT_MS);
  const code = await new Promise((resolve) => child.once("close", (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  writeFileSync(join(OUT, `${language.id}.log`), output);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (timedOut) {
    return {
      reason: `the ${language.name} runner was stopped after ${RUNNER_TIMEOUT_MS / 1000} s`,
      results: {},
    };
  }
  if (!existsSync(resultsFile)) {
    return {
      reason: `the ${language.name} runner wrote no results (exit ${code}); last output:\n${tail(output)}`,
      results: {},
      seconds,
    };
  }
  const { results } = JSON.parse(readFileSync(resultsFile, "utf8"));
  return { results, seconds };
}

function runParity() {
  const file = join(OUT, "parity.json");
  const run = spawnSync("pnpm", ["exec", "tsx", "scripts/conformance/parity.ts", file], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (!existsSync(file)) {
    return {
      error: `the parity check wrote nothing (exit ${run.status}):\n${tail(`${run.stdout}${run.stderr}`)}`,
    };
  }
  return JSON.parse(readFileSync(file, "utf8"));
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const languages = LANGUAGES.filter((language) => only.length === 0 || only.includes(language.id));
const runs = new Map();
// The runners run side by side (each against its own mock): most of their time is spent waiting on
// retries, timeouts and deliveries. CONFORMANCE_SERIAL=1 runs them one after another.
const serial = process.env.CONFORMANCE_SERIAL === "1";
console.log(
  `▶ conformance runners: ${languages.map((language) => language.name).join(", ")}${serial ? " (serially)" : ""}`,
);
const report = (language, result) => {
  runs.set(language.id, result);
  console.log(
    result.reason
      ? `  ✗ ${language.name}: ${result.reason.split("\n")[0]}`
      : `  ${language.name}: ran ${Object.keys(result.results).length} scenarios in ${result.seconds} s`,
  );
};
if (serial) {
  for (const language of languages) report(language, await runLanguage(language));
} else {
  await Promise.all(languages.map(async (language) => report(language, await runLanguage(language))));
}
const parity = runParity();

const ids = scenarioIds();
const rows = [
  ...ids.map((id) => ({ id, label: id })),
  { id: "@parity", label: "parity: SDK surface = plan" },
];
const width = Math.max(...rows.map((row) => row.label.length));
const cell = (text) => text.padEnd(12);
console.log(`\n${"scenario".padEnd(width)}  ${languages.map((language) => cell(language.name)).join("")}`);
let passed = 0;
let failed = 0;
const redCells = [];
for (const row of rows) {
  const cells = languages.map((language) => {
    const run = runs.get(language.id);
    let ok;
    let why;
    if (row.id === "@parity") {
      const entry = parity.error ? { ok: false, problems: [parity.error] } : parity.languages?.[language.id];
      ok = entry?.ok === true;
      why = entry ? entry.problems.join("; ") : "no parity result";
    } else if (run.reason) {
      ok = false;
      why = "runner unavailable";
    } else {
      const result = run.results[row.id];
      ok = result?.status === "passed";
      why = result ? result.problems.join("; ") : "not run by this runner";
    }
    if (ok) passed += 1;
    else {
      failed += 1;
      redCells.push(`${row.label} × ${language.name}: ${why}`);
    }
    return cell(ok ? "✓" : "✗");
  });
  console.log(`${row.label.padEnd(width)}  ${cells.join("")}`);
}

const coverage = parity.coverage ?? { ok: false, problems: [parity.error ?? "no coverage result"] };
if (coverage.ok) passed += 1;
else failed += 1;
console.log(
  `\n${coverage.ok ? "✓" : "✗"} every operation of the plan is called by a scenario${coverage.ok ? "" : `: ${coverage.problems.join("; ")}`}`,
);

for (const language of languages) {
  const run = runs.get(language.id);
  if (run.reason) console.log(`\n✗ ${language.name} column is red: ${run.reason}`);
}
if (redCells.length > 0) {
  console.log("\nRed cells:");
  for (const line of redCells.filter((line) => !line.endsWith("runner unavailable")))
    console.log(`  ✗ ${line}`);
}
console.log(`\nConformance: ${passed} green, ${failed} red cells`);
writeFileSync(join(OUT, "matrix.json"), `${JSON.stringify({ passed, failed }, null, 2)}\n`);
process.exit(failed === 0 ? 0 : 1);
