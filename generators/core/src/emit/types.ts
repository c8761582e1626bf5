import type { IR } from "../ir/types";
import type { LanguageNaming } from "../naming/language";

/** One output file; `path` is relative to the language's output directory, `/`-separated. */
export interface GeneratedFile {
  path: string;
  contents: string;
  /**
   * A starting point the user owns afterwards (package.json, tsconfig.json, README.md): written only when the
   * file does not exist yet, never overwritten, never deleted as stale and never reported by the drift check.
   */
  scaffold?: boolean;
}

/** What an emitter knows besides the IR. */
export interface EmitContext {
  /** Spec path as it should appear in generated headers (e.g. "spec/openapi.yaml"). */
  specFile: string;
  /** The language's output directory (absolute); emitters must not write there themselves. */
  outDir: string;
  /** embott-codegen version, for provenance files. */
  generatorVersion: string;
}

/** A language back end: IR in, files out. The CLI owns writing, atomicity and the drift check. */
export interface Emitter {
  language: string;
  emit(ir: IR, context: EmitContext): Promise<GeneratedFile[]>;
}

/** What each language package registers with the CLI. `emitter` is undefined until one is written. */
export interface LanguageTarget {
  language: string;
  naming: LanguageNaming;
  emitter: Emitter | undefined;
}
