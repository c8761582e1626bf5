import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The version an SDK is released at: `version` of the package.json in its output folder (the changesets release
 * marker every SDK package has; `pnpm changeset version` bumps them together), else `fallback`. Emitters put it
 * in the generated User-Agent / version constant, so regenerating after a bump keeps `--check` clean.
 */
export async function readReleaseVersion(outDir: string, fallback: string): Promise<string> {
  try {
    const manifest = JSON.parse(await readFile(join(outDir, "package.json"), "utf8")) as {
      version?: unknown;
    };
    return typeof manifest.version === "string" ? manifest.version : fallback;
  } catch {
    return fallback;
  }
}
