import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATED_MARKER } from "@embott/codegen-core";

/** The hand-written runtime (namespace `Embott`), copied into every generated package's `src/`. */
export const RUNTIME_SOURCE_DIR = fileURLToPath(new URL("../../runtime/src", import.meta.url));

export interface RuntimeFile {
  /** Path relative to the runtime's (and the package's) `src/`, `/`-separated. */
  path: string;
  contents: string;
}

/** Every runtime file, sorted by path. */
export async function readRuntimeFiles(sourceDir = RUNTIME_SOURCE_DIR): Promise<RuntimeFile[]> {
  const entries = await readdir(sourceDir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".php"))
    .map((entry) => relative(sourceDir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  return Promise.all(
    paths.map(async (path) => ({ path, contents: await readFile(join(sourceDir, path), "utf8") })),
  );
}

/**
 * A runtime file as shipped: the generated-file marker after the opening tag, and the runtime's root namespace
 * (`Embott`, also the prefix of `EmbottException`) replaced by the package's.
 */
export function packagedRuntimeFile(contents: string, namespace: string, specFile: string): string {
  if (!contents.startsWith("<?php\n\n"))
    throw new Error("runtime files must start with '<?php' and a blank line");
  const renamed =
    namespace === "Embott" ? contents : contents.replace(/\bEmbott(?=\\|Exception\b)/g, namespace);
  return `<?php\n\n// ${GENERATED_MARKER} from ${specFile}. DO NOT EDIT.\n\n${renamed.slice("<?php\n\n".length)}`;
}
