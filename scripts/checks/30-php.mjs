// PHP: the embott/embott package (packages/php), its hand-written runtime (generators/php/runtime) and the
// examples (examples/php). PHP 8, PHPUnit 9.6, PHP_CodeSniffer and Composer come from Debian's apt.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { junitCounts } from "../lib/reports.mjs";
import { commandWorks, ensureAptPackages, ROOT } from "../lib/toolchain.mjs";

const APT_PACKAGES = [
  "php-cli",
  "php-curl",
  "php-mbstring",
  "php-xml",
  "phpunit",
  "php-codesniffer",
  "composer",
];
const reports = join(ROOT, ".vitest-results");
const composerEnv = { COMPOSER_ALLOW_SUPERUSER: "1", COMPOSER_NO_INTERACTION: "1" };

/** PHP with the extensions the SDK needs, and each tool the checks run. */
function phpToolchainPresent() {
  const modules = spawnSync("php", ["-m"], { encoding: "utf8" });
  const loaded = modules.status === 0 ? modules.stdout.toLowerCase().split("\n") : [];
  const extensions = ["curl", "mbstring", "json", "dom"].every((name) => loaded.includes(name));
  return extensions && ["phpunit", "phpcs", "composer"].every((tool) => commandWorks(tool, ["--version"]));
}

export function setup() {
  ensureAptPackages("PHP 8 (curl, mbstring, xml), PHPUnit, PHP_CodeSniffer and Composer", APT_PACKAGES, () =>
    phpToolchainPresent(),
  );
}

export const steps = [
  {
    name: "PHP syntax (php -l on every file)",
    cmd: [
      "php",
      "generators/php/tools/lint.php",
      "packages/php",
      "generators/php/runtime/tests",
      "examples/php",
    ],
  },
  { name: "PHP style (phpcs PSR-12 + strict types)", cmd: ["phpcs", "--standard=packages/php/phpcs.xml"] },
  {
    name: "embott/embott composer.json (composer validate --strict)",
    cmd: ["composer", "validate", "--strict", "--working-dir=packages/php"],
    env: composerEnv,
  },
  {
    name: "embott/embott autoloader (composer dump-autoload)",
    cmd: ["composer", "dump-autoload", "--dev", "--working-dir=packages/php"],
    env: composerEnv,
  },
  {
    name: "PHP runtime tests (PHPUnit)",
    cmd: [
      "phpunit",
      "-c",
      "generators/php/runtime/phpunit.xml",
      "--log-junit",
      join(reports, "php-runtime.xml"),
    ],
    counts: () => junitCounts(join(reports, "php-runtime.xml")),
  },
  {
    name: "embott/embott tests against the HTTP mock (PHPUnit)",
    cmd: ["phpunit", "-c", "packages/php/phpunit.xml", "--log-junit", join(reports, "php-sdk.xml")],
    counts: () => junitCounts(join(reports, "php-sdk.xml")),
  },
  {
    name: "examples/php installs embott/embott with Composer (path repository, offline)",
    cmd: ["composer", "install", "--no-progress", "--working-dir=examples/php"],
    env: composerEnv,
  },
  {
    name: "seed snippet, verbatim, with only the Composer autoloader, against the mock",
    cmd: [
      "php",
      "examples/php/with-mock.php",
      "php",
      "-d",
      "auto_prepend_file=examples/php/vendor/autoload.php",
      "examples/php/seed.php",
    ],
  },
];

export const example = {
  title: "PHP examples (examples/php)",
  cmd: ["php", "examples/php/main.php"],
};
