// Helpers shared by the artifact builders of the release dry run.
import { spawnSync } from "node:child_process";
import { ROOT } from "../../lib/toolchain.mjs";

/** Runs a command and returns its stdout; throws with the command's output when it fails. */
export function capture(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  if (result.error) throw new Error(`could not run ${cmd}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-25).join("\n");
    throw new Error(`${cmd} ${args.join(" ")} exited ${result.status}:\n${output}`);
  }
  return result.stdout;
}

/** Files an artifact must not ship: docs, tests, examples, typedoc's .nojekyll, source maps of tests. */
const FORBIDDEN = [
  /(^|\/)(tests?|__tests__|spec|specs|docs?|examples?|coverage|\.github)\//,
  /(^|\/)\.nojekyll$/,
  /[._-](test|spec)\.[cm]?[jt]s$/,
  /(^|\/)test_[^/]+\.py$/,
  /(^|\/)[^/]+Test\.php$/,
  /(^|\/)[^/]+_test\.rb$/,
  /(^|\/)(phpunit\.xml(\.dist)?|\.rubocop\.yml|conftest\.py|tsconfig\.json|vitest\.config\.ts)$/,
];

/** Problems with an artifact's file list: forbidden files, and required ones that are missing. */
export function checkContents(label, files, required) {
  const problems = [];
  const shipped = files.filter((file) => FORBIDDEN.some((pattern) => pattern.test(file)));
  if (shipped.length > 0) {
    problems.push(
      `${label} ships docs/tests: ${shipped.slice(0, 8).join(", ")}${shipped.length > 8 ? " …" : ""}`,
    );
  }
  for (const pattern of required) {
    if (!files.some((file) => pattern.test(file))) problems.push(`${label} lacks ${pattern}`);
  }
  return problems;
}

/** Problems when the seed snippet's output is not the mock's answer to "Do you ship internationally?". */
export function checkSeedOutput(label, output) {
  return /ship to \d+ countries/.test(output)
    ? []
    : [`${label} seed snippet printed ${JSON.stringify(output.trim())}`];
}
