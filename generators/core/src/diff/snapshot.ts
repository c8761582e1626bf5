import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATED_MARKER } from "../emit/header";
import type { GeneratedFile } from "../emit/types";
import { type ApiSurface, SURFACE_VERSION } from "./surface";

/** Stored beside each language's generated output: the surface it was generated from, for the next `diff`. */
export const SNAPSHOT_FILE = ".embott-codegen.surface.json";

/**
 * The snapshot as a generated file (so `generate --check` keeps it current). One line per method, model and
 * event, so a spec change reads as a short git diff.
 */
export function snapshotFile(surface: ApiSurface, specLabel: string): GeneratedFile {
  const { methods, models, webhooks, auth, ...head } = surface;
  const list = (items: unknown[]) =>
    items.length === 0 ? "[]" : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(",\n")}\n  ]`;
  const body = [
    `  "notice": ${JSON.stringify(`${GENERATED_MARKER} from ${specLabel}. DO NOT EDIT.`)}`,
    ...Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`),
    `  "auth": ${list(auth)}`,
    `  "methods": ${list(methods)}`,
    `  "models": ${list(models)}`,
    `  "webhooks": ${list(webhooks)}`,
  ];
  return { path: SNAPSHOT_FILE, contents: `{\n${body.join(",\n")}\n}\n` };
}

/** The snapshot stored in `outDir`, if any and of this surface version. */
export async function readSnapshot(outDir: string): Promise<ApiSurface | undefined> {
  const text = await readFile(join(outDir, SNAPSHOT_FILE), "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const { notice: _notice, ...surface } = JSON.parse(text) as ApiSurface & { notice?: string };
    return surface.surfaceVersion === SURFACE_VERSION ? surface : undefined;
  } catch {
    return undefined;
  }
}
