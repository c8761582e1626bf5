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

/**
 * The exception classes the runtime exports (`errors.py`'s `__all__`, every name ending in `Error`), which the
 * package re-exports; `SDKError` is left out (re-exported under the client's name, `EmbottError`). Read at
 * generate time, so a class added to the runtime cannot be missing from the package.
 */
export function runtimeErrorNames(): string[] {
  const source = readFileSync(join(RUNTIME_DIR, "errors.py"), "utf8");
  const all = source.match(/^__all__ = \[([^\]]*)\]/m)?.[1];
  if (!all) throw new Error(`${join(RUNTIME_DIR, "errors.py")} has no __all__ list`);
  return [...all.matchAll(/"([A-Za-z_]\w*)"/g)]
    .map((match) => match[1] ?? "")
    .filter((name) => name.endsWith("Error") && name !== "SDKError");
}
