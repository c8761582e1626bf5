/**
 * Our `generate` (every language, through the built CLI, as a user runs it) beside hey-api's types-only run
 * (`openapi-ts` with only `@hey-api/typescript`) on the same specs, one process each, wall clock: the best of
 * EMBOTT_BENCH_RUNS (default 3) runs, ours and theirs alternating, so a burst of load on a shared machine
 * weighs on both alike.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const REPO_ROOT = resolve(import.meta.dirname, "../../..");
const CLI = join(REPO_ROOT, "generators/cli/bin/embott-codegen.mjs");
const HEY_API = join(REPO_ROOT, "generators/typescript/node_modules/@hey-api/openapi-ts/bin/run.js");

interface Run {
  ms: number;
  ok: boolean;
  detail: string;
}

function timed(args: string[], cwd: string): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const lastLine = `${result.stderr ?? ""}${result.stdout ?? ""}`.trim().split("\n").at(-1) ?? "";
  return { ms, ok: result.status === 0, detail: result.status === 0 ? "" : lastLine.slice(0, 80) };
}

/** Build the CLI (and the language bundles) if stale, so that a rebuild is not counted in the first row. */
export function warmBuild(): void {
  timed([CLI, "--help"], REPO_ROOT);
}

export const RUNS = Math.max(1, Number(process.env["EMBOTT_BENCH_RUNS"] ?? 3));

/** The fastest of the runs (a failed run is reported as soon as it happens). */
const best = (runs: Run[]): Run =>
  runs.find((run) => !run.ok) ?? runs.reduce((a, b) => (b.ms < a.ms ? b : a));

/** One row: spec label, our generate (all languages), hey-api types only, ratio. */
export function measureGenerate(spec: string, label: string): string {
  const out = mkdtempSync(join(tmpdir(), "embott-bench-generate-"));
  try {
    const ourRuns: Run[] = [];
    const theirRuns: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Each run writes into a fresh folder, as a first generate does.
      ourRuns.push(timed([CLI, "generate", "--spec", spec, "--out", join(out, `ours-${run}`)], REPO_ROOT));
      const heyApiOut = join(out, `hey-api-${run}`);
      theirRuns.push(
        timed([HEY_API, "-i", spec, "-o", heyApiOut, "-p", "@hey-api/typescript", "-l", "silent"], out),
      );
    }
    const ours = best(ourRuns);
    const theirs = best(theirRuns);
    const cell = (run: Run) => (run.ok ? `${Math.round(run.ms)} ms` : `failed (${run.detail})`);
    const ratio = ours.ok && theirs.ok ? `${(ours.ms / theirs.ms).toFixed(2)}×` : "–";
    return [label.padEnd(30), cell(ours).padStart(12), cell(theirs).padStart(14), ratio.padStart(7)].join(
      " ",
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export const GENERATE_HEADER = [
  "spec".padEnd(30),
  "generate(all)".padStart(12),
  "hey-api types".padStart(14),
  "ratio".padStart(7),
].join(" ");
