import type { LanguageNaming } from "../naming/language";
import type { SdkPlan } from "../plan/types";

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

/** What an emitter knows besides the plan. */
export interface EmitContext {
  /** Spec path as it should appear in generated headers (e.g. "spec/openapi.yaml"). */
  specFile: string;
  /** The language's output directory (absolute); emitters must not write there themselves. */
  outDir: string;
  /** embott-codegen version, for provenance files. */
  generatorVersion: string;
  /**
   * The bundled, normalised document core loaded and validated (`LoadedSpec.document`), for an emitter that
   * hands the spec to a third-party type printer (TypeScript's hey-api) instead of parsing the file again.
   * Everything an SDK needs is in the plan; emitters must not read SDK decisions from here.
   */
  document: Record<string, unknown>;
}

/**
 * A language back end: the SDK plan in, files out. An emitter reads only the plan (`SdkPlan`, built once by
 * `buildPlan` from the IR): it is a naming refiner, a type printer and a renderer. The CLI owns writing,
 * atomicity and the drift check.
 */
export interface Emitter {
  language: string;
  emit(plan: SdkPlan, context: EmitContext): Promise<GeneratedFile[]>;
}

/** What each language package registers with the CLI. `emitter` is undefined until one is written. */
export interface LanguageTarget {
  language: string;
  naming: LanguageNaming;
  emitter: Emitter | undefined;
}
