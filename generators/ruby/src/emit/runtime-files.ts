import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedFile } from "@embott/codegen-core";
import { withHeader } from "./header";

/** The hand-written runtime's sources (generators/ruby/runtime/lib/embott). */
export const RUNTIME_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "runtime",
  "lib",
  "embott",
);
/** The namespace the runtime is written in; renamed to the SDK's module when copied. */
const RUNTIME_NAMESPACE = "Embott";

/**
 * The runtime copied into `lib/<libDir>/`, its namespace renamed to `moduleName`, each file with the
 * generated-file header.
 */
export function runtimeFiles(libDir: string, moduleName: string, specFile: string): GeneratedFile[] {
  return listRubyFiles(RUNTIME_DIR).map((file) => {
    const source = readFileSync(file, "utf8").replace(
      new RegExp(`\\b${RUNTIME_NAMESPACE}\\b`, "g"),
      moduleName,
    );
    return {
      path: `lib/${libDir}/${relative(RUNTIME_DIR, file).split("\\").join("/")}`,
      contents: withHeader(source, specFile),
    };
  });
}

function listRubyFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listRubyFiles(path);
      return entry.name.endsWith(".rb") ? [path] : [];
    })
    .sort();
}
