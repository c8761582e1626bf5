import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@hey-api/openapi-ts";

export interface HeyApiTypes {
  /** hey-api's raw `types.gen.ts`. */
  source: string;
  elapsedMs: number;
}

/** Raised when hey-api cannot turn a spec into types. */
export class HeyApiError extends Error {
  override readonly name = "HeyApiError";
}

/**
 * Runs `@hey-api/openapi-ts` programmatically on an in-memory document (core's bundled one, see
 * `heyApiDocument`) with only the `@hey-api/typescript` plugin, into a private temp directory. Public
 * configuration only: type names are the schema keys as written, one type per schema (no `…Writable` split).
 */
export async function runHeyApiTypes(document: Record<string, unknown>): Promise<HeyApiTypes> {
  const outDir = await mkdtemp(join(tmpdir(), "embott-hey-api-"));
  const started = performance.now();
  try {
    await createClient({
      input: document,
      output: { path: outDir, postProcess: [] },
      parser: { transforms: { readWrite: false } },
      plugins: [{ name: "@hey-api/typescript", definitions: { case: "preserve" } }],
      logs: { level: "silent" },
    });
    const source = await readFile(join(outDir, "types.gen.ts"), "utf8");
    return { source, elapsedMs: performance.now() - started };
  } catch (error) {
    throw new HeyApiError(`hey-api failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
