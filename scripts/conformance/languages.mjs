// The four conformance runners: how each is started, and why it cannot run when it cannot.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { commandWorks, ROOT } from "../lib/toolchain.mjs";

const has = (path) => existsSync(join(ROOT, path));

/** First reason the language cannot run, or null: the SDK, then the runner, then the toolchain. */
function missing(checks) {
  for (const [ok, reason] of checks) if (!ok()) return reason;
  return null;
}

export const LANGUAGES = [
  {
    id: "typescript",
    name: "TypeScript",
    unavailable: () =>
      missing([[() => has("packages/typescript/src/client.ts"), "packages/typescript has no generated SDK"]]),
    command: () => [
      "pnpm",
      "exec",
      "vitest",
      "run",
      "--config",
      "packages/typescript/test/conformance/vitest.config.ts",
    ],
  },
  {
    id: "python",
    name: "Python",
    unavailable: () =>
      missing([
        [
          () => has("packages/python/src/embott/__init__.py"),
          "packages/python has no generated SDK on this branch",
        ],
        [() => has("packages/python/tests/conformance/test_conformance.py"), "no Python conformance runner"],
        [
          () => has("packages/python/.venv/bin/python"),
          "the Python virtualenv is missing (npm test's setup makes it)",
        ],
      ]),
    command: () => [
      "env",
      `PYTHONPATH=${join(ROOT, "packages/python/src")}`,
      join(ROOT, "packages/python/.venv/bin/python"),
      "-m",
      "pytest",
      "-q",
      "-p",
      "no:cacheprovider",
      "packages/python/tests/conformance",
    ],
  },
  {
    id: "php",
    name: "PHP",
    unavailable: () =>
      missing([
        [() => has("packages/php/src/Client.php"), "packages/php has no generated SDK on this branch"],
        [() => has("packages/php/tests/Conformance/ConformanceTest.php"), "no PHP conformance runner"],
        [
          () => commandWorks("phpunit", ["--version"]),
          "phpunit is not installed (npm test's setup installs it)",
        ],
      ]),
    command: () => [
      "phpunit",
      "--bootstrap",
      "packages/php/tests/Conformance/bootstrap.php",
      "packages/php/tests/Conformance",
    ],
  },
  {
    id: "ruby",
    name: "Ruby",
    unavailable: () =>
      missing([
        [() => has("packages/ruby/lib/embott.rb"), "packages/ruby has no generated SDK on this branch"],
        [() => has("packages/ruby/test/conformance/conformance_test.rb"), "no Ruby conformance runner"],
        [() => commandWorks("ruby", ["--version"]), "ruby is not installed (npm test's setup installs it)"],
      ]),
    command: () => ["ruby", "-Ipackages/ruby/lib", "packages/ruby/test/conformance/conformance_test.rb"],
  },
];
