import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@hey-api/openapi-ts";
import { buildSymbolTable, type HeyApiSymbolTable, type RegisteredSymbol } from "./symbol-table";

export interface HeyApiTypes {
  /** hey-api's raw `types.gen.ts`. */
  source: string;
  symbols: HeyApiSymbolTable;
  elapsedMs: number;
}

/** Raised when hey-api cannot turn a spec into types; the emitter then falls back to its own type printer. */
export class HeyApiError extends Error {
  override readonly name = "HeyApiError";
}

/**
 * Runs `@hey-api/openapi-ts` programmatically with only the `@hey-api/typescript` plugin into a private temp
 * directory, and returns the printed types plus the resolved name of every type it declared.
 */
export async function runHeyApiTypes(input: string | Record<string, unknown>): Promise<HeyApiTypes> {
  const outDir = await mkdtemp(join(tmpdir(), "embott-hey-api-"));
  const started = performance.now();
  try {
    const contexts = await createClient({
      input,
      output: { path: outDir, postProcess: [] },
      plugins: ["@hey-api/typescript"],
      logs: { level: "silent" },
    });
    const context = contexts[0];
    if (!context) throw new HeyApiError("hey-api returned no output context");
    const source = await readFile(join(outDir, "types.gen.ts"), "utf8");
    const symbols = buildSymbolTable(registeredSymbols(context));
    return { source, symbols, elapsedMs: performance.now() - started };
  } catch (error) {
    if (error instanceof HeyApiError) throw error;
    throw new HeyApiError(`hey-api failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** hey-api's Context type keeps its registry internal; read it through the narrowest structural view. */
function registeredSymbols(context: unknown): Iterable<RegisteredSymbol> {
  const registry = (context as { gen?: { symbols?: { registered?: () => Iterable<RegisteredSymbol> } } }).gen
    ?.symbols;
  if (typeof registry?.registered !== "function") {
    throw new HeyApiError(
      "hey-api's symbol registry is not readable (unexpected @hey-api/openapi-ts version)",
    );
  }
  return registry.registered();
}
