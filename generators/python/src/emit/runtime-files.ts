import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The hand-written runtime (generators/python/runtime/embott_runtime), copied into every package as `_runtime`. */
export const RUNTIME_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "runtime",
  "embott_runtime",
);

/** Each runtime module as `{ name, contents }`, in name order. */
export function runtimeModules(): { name: string; contents: string }[] {
  return readdirSync(RUNTIME_DIR)
    .filter((file) => file.endsWith(".py"))
    .sort()
    .map((name) => ({ name, contents: readFileSync(join(RUNTIME_DIR, name), "utf8") }));
}
