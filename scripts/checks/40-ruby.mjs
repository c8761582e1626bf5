// Ruby: the `embott` gem (packages/ruby) and its hand-written runtime (generators/ruby/runtime).
// The Ruby SDKs generated from testdata/wire and testdata/repro (cases.json) are driven by vitest files under
// generators/ruby/test/{wire,repro}, counted with the other vitest projects in 10-typescript.mjs.
// Toolchain from apt (Debian's ruby 3.1, minitest, rubocop 1.39, yard); the gem itself needs only the stdlib.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { commandWorks, ensureAptPackages, ROOT } from "../lib/toolchain.mjs";

const reports = join(ROOT, ".vitest-results");
const runtimeCounts = join(reports, "ruby-runtime-minitest.txt");
const gemCounts = join(reports, "ruby-gem-minitest.txt");
const rubyDirs = ["packages/ruby", "generators/ruby/runtime", "examples/ruby"];

/** Installs ruby, minitest, rubocop and yard with apt when any is missing (naming them). */
export function setup() {
  ensureAptPackages(
    "Ruby 3 with minitest, rubocop and yard",
    ["ruby", "ruby-minitest", "rubocop", "yard"],
    () =>
      commandWorks("ruby", ["-e", 'require "minitest"; require "json"; require "openssl"']) &&
      commandWorks("rubocop", ["--version"]) &&
      commandWorks("yard", ["--version"]),
  );
}

/**
 * Minitest's closing line ("N runs, N assertions, N failures, N errors, N skips"), written by
 * packages/ruby/test/run.rb: passed = runs − failures − errors − skips; failed = failures + errors + skips
 * (a skipped test is not a passed one).
 */
export function minitestCounts(file) {
  const line = readFileSync(file, "utf8");
  const match = /(\d+) runs, (\d+) assertions, (\d+) failures, (\d+) errors(?:, (\d+) skips)?/.exec(line);
  if (!match) throw new Error(`no minitest summary in ${file}: ${line.trim()}`);
  const [runs, , failures, errors, skips] = match.slice(1).map((value) => Number(value ?? 0));
  return { passed: runs - failures - errors - skips, failed: failures + errors + skips };
}

const minitest = (dir, report) => ({
  cmd: ["ruby", "-w", "packages/ruby/test/run.rb", ...(dir ? [dir] : [])],
  env: { MINITEST_COUNTS_FILE: report },
  counts: () => minitestCounts(report),
});

export const steps = [
  {
    name: "Ruby: ruby -wc on every file, no warnings",
    cmd: ["ruby", "packages/ruby/script/check_syntax.rb", ...rubyDirs],
  },
  { name: "Ruby: rubocop", cmd: ["rubocop", "--format", "progress", ...rubyDirs] },
  {
    name: "Ruby: YARD documents every public class and method",
    cmd: ["ruby", "packages/ruby/script/yard_gate.rb"],
  },
  { name: "Ruby runtime tests (minitest)", ...minitest("generators/ruby/runtime/test", runtimeCounts) },
  { name: "Ruby gem tests against the mock (minitest)", ...minitest(undefined, gemCounts) },
  {
    name: "Ruby: gem build, install into a fresh GEM_HOME, seed snippet against the mock",
    cmd: ["ruby", "-w", "packages/ruby/script/install_smoke.rb"],
  },
];

export const example = {
  title: "Ruby example (examples/ruby)",
  cmd: ["ruby", "-w", "-Ipackages/ruby/lib", "examples/ruby/main.rb"],
};
