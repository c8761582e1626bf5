import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh temporary directory. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), "embott-codegen-test-"));

/** Write `contents` to `name` inside a fresh temp dir and return its path. */
export function tempFile(name: string, contents: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, contents);
  return path;
}
