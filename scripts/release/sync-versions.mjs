#!/usr/bin/env node
// Mirrors the fixed group's version (the npm manifests changesets just bumped) into pyproject.toml, the Python
// `_version.py`, the PHP version constant and the Ruby VERSION, then regenerates the SDKs so generated
// User-Agents carry it. `--check` only verifies that every location agrees (used by the release dry run).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fail, ROOT, run } from "../lib/toolchain.mjs";
import { exists, MIRRORS, RELEASED_MANIFESTS, read, verify } from "./versions.mjs";

const check = process.argv.includes("--check");

function groupVersion() {
  const versions = RELEASED_MANIFESTS.filter(exists).map((file) => [file, JSON.parse(read(file)).version]);
  const distinct = new Set(versions.map(([, version]) => version));
  if (distinct.size !== 1) {
    fail(`the fixed group's manifests disagree: ${versions.map(([file, v]) => `${file}=${v}`).join(", ")}`);
  }
  return versions[0][1];
}

if (check) {
  const { version, found, problems } = verify();
  for (const entry of found) console.log(`  ${entry.version}  ${entry.file}`);
  if (problems.length > 0) fail(problems.join("\n"));
  console.log(`✓ ${found.length} version locations agree on ${version}`);
} else {
  const version = groupVersion();
  for (const { file, pattern } of MIRRORS) {
    if (!exists(file)) {
      console.log(`• ${file} does not exist on this branch; nothing to write`);
      continue;
    }
    const text = read(file);
    const match = pattern.exec(text);
    if (!match) fail(`${file} has no version matching ${pattern}; update scripts/release/versions.mjs`);
    const start = match.index + match[0].indexOf(match[1]);
    writeFileSync(join(ROOT, file), text.slice(0, start) + version + text.slice(start + match[1].length));
    console.log(`✓ ${file} → ${version}`);
  }
  // Generated clients embed the version (User-Agent); regenerate so `codegen generate --check` stays clean.
  if (run("pnpm", ["--silent", "codegen", "generate"]) !== 0)
    fail("pnpm codegen generate failed (see above)");
  const { problems } = verify();
  if (problems.length > 0) fail(problems.join("\n"));
  console.log(`✓ every SDK is at ${version}`);
}
