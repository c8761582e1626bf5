/**
 * Our `generate` (every language, through the built CLI, as a user runs it) beside hey-api's types-only run
 * (`openapi-ts` with only `@hey-api/typescript`) on the same specs, one process each, wall clock.
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

/** One row: spec label, our generate (all languages), hey-api types only, ratio. */
export function measureGenerate(spec: string, label: string): string {
  const out = mkdtempSync(join(tmpdir(), "embott-bench-generate-"));
  try {
    // Warm the CLI build once so its (rare) rebuild is not counted.
    const ours = timed([CLI, "generate", "--spec", spec, "--out", join(out, "ours")], REPO_ROOT);
    const theirs = timed(
      [HEY_API, "-i", spec, "-o", join(out, "hey-api"), "-p", "@hey-api/typescript", "-l", "silent"],
      out,
    );
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
