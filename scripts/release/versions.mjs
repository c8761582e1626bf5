// Where each released package keeps its version. The npm manifests are the source (changesets bumps them, one
// fixed group); every other location mirrors them and is rewritten by sync-versions.mjs.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../lib/toolchain.mjs";

/** The changesets fixed group: the four SDKs and the mock release with one version. */
export const RELEASED_MANIFESTS = [
  "packages/typescript/package.json",
  "packages/mock/package.json",
  "packages/python/package.json",
  "packages/php/package.json",
  "packages/ruby/package.json",
];

/**
 * Version strings outside package.json. `pattern` has one capture group, the version; a file that exists but
 * no longer matches is an error (a rename must not make the sync silently skip it). Files absent on this branch
 * (an SDK not generated yet) are reported, not faked.
 */
export const MIRRORS = [
  { language: "python", file: "packages/python/pyproject.toml", pattern: /^version = "([^"]+)"/m },
  {
    language: "python",
    file: "packages/python/src/embott/_version.py",
    pattern: /^__version__ = "([^"]+)"/m,
  },
  { language: "ruby", file: "packages/ruby/lib/embott/version.rb", pattern: /VERSION = "([^"]+)"/ },
];

/**
 * Generated version constants each SDK builds its User-Agent from: checked, not written — the emitters read the
 * release marker's package.json (core's readReleaseVersion) and sync-versions.mjs regenerates after a bump.
 */
export const USER_AGENTS = [
  { language: "typescript", file: "packages/typescript/src/client.ts", pattern: /sdkVersion: "([^"]+)"/ },
  { language: "php", file: "packages/php/src/Client.php", pattern: /const VERSION = '([^']+)'/ },
];

export function read(file) {
  return readFileSync(join(ROOT, file), "utf8");
}

export function exists(file) {
  return existsSync(join(ROOT, file));
}

/** Every version found: `[{ file, version }]`, plus `problems` for files that exist but do not match. */
export function collectVersions() {
  const found = [];
  const problems = [];
  for (const file of RELEASED_MANIFESTS) {
    if (exists(file)) found.push({ file, version: JSON.parse(read(file)).version });
  }
  for (const { file, pattern } of [...MIRRORS, ...USER_AGENTS]) {
    if (!exists(file)) continue;
    const match = pattern.exec(read(file));
    if (match) found.push({ file, version: match[1] });
    else problems.push(`${file} exists but has no version matching ${pattern}`);
  }
  return { found, problems };
}

/** Whether every version location agrees: `{ version, found, problems }`. */
export function verify() {
  const { found, problems } = collectVersions();
  const versions = new Set(found.map((entry) => entry.version));
  if (versions.size > 1) {
    problems.push(`versions disagree: ${found.map((entry) => `${entry.file}=${entry.version}`).join(", ")}`);
  }
  return { version: found[0]?.version, found, problems };
}
