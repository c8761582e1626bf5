// The corpus of real public OpenAPI specs that every generator test and benchmark runs over.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const REPO_ROOT = resolve(import.meta.dirname, "..");

/** `$EMBOTT_CORPUS_DIR`, else the copy vendored in `testdata/corpus` (origins and licences in its SOURCES.md). */
export const CORPUS_DIR = process.env.EMBOTT_CORPUS_DIR ?? resolve(REPO_ROOT, "testdata/corpus");

/** Small specs that reproduce how large real-world specs break generators (see testdata/repro/README.md). */
export const REPRO_DIR = resolve(REPO_ROOT, "testdata/repro");

/** Absolute paths of the corpus specs, sorted; throws (never skips) when the corpus is missing. */
export function corpusSpecs(): string[] {
  if (!existsSync(CORPUS_DIR)) {
    throw new Error(
      `The spec corpus is missing at ${CORPUS_DIR}. Restore testdata/corpus from git or set EMBOTT_CORPUS_DIR.`,
    );
  }
  return readdirSync(CORPUS_DIR)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .sort()
    .map((file) => join(CORPUS_DIR, file));
}
