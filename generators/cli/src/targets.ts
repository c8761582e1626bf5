import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { LanguageTarget } from "@embott/codegen-core";
import { UsageError } from "./io";

/** Every language the CLI knows, in output order. Their packages load only when `generate` needs them. */
export const LANGUAGES = ["typescript", "python", "php", "ruby"] as const;

const PACKAGES: Record<(typeof LANGUAGES)[number], { module: string; export: string }> = {
  typescript: { module: "@embott/codegen-typescript", export: "typescriptTarget" },
  python: { module: "@embott/codegen-python", export: "pythonTarget" },
  php: { module: "@embott/codegen-php", export: "phpTarget" },
  ruby: { module: "@embott/codegen-ruby", export: "rubyTarget" },
};

/** The language names given by --lang (all when absent), checked; UsageError for an unknown language. */
export function selectLanguages(names: string[] | undefined, known: readonly string[] = LANGUAGES): string[] {
  if (!names) return [...known];
  return names.map((name) => {
    const language = known.find((candidate) => candidate === name.toLowerCase());
    if (!language) throw new UsageError(`unknown language "${name}" (known: ${known.join(", ")})`);
    return language;
  });
}

/**
 * The targets named by --lang, from `targets` when given (tests), else by importing only those languages'
 * packages — `--help` and `inspect` never load an emitter or hey-api.
 */
export async function selectTargets(
  names: string[] | undefined,
  targets?: readonly LanguageTarget[],
): Promise<LanguageTarget[]> {
  if (targets) {
    const languages = selectLanguages(
      names,
      targets.map((target) => target.language),
    );
    return languages.map((language) => targets.find((target) => target.language === language)!);
  }
  return Promise.all(selectLanguages(names).map((language) => loadTarget(language as keyof typeof PACKAGES)));
}

/**
 * The languages that emit in worker threads: TypeScript's emitter runs hey-api, the longest stage, so it always
 * gets one (and starts loading hey-api while the spec is read). The others are cheap: on a machine without a
 * core for every language they emit in the main thread meanwhile, which spares a thread start and a copy of
 * the plan each.
 */
export function threadedLanguages(languages: readonly string[], cores = availableParallelism()): string[] {
  return cores > languages.length
    ? [...languages]
    : languages.filter((language) => language === "typescript");
}

/** Where a language's target lives: its package and export, and its build when the CLI runs from its own. */
export interface TargetModule {
  module: string;
  export: string;
  /** `generators/<lang>/dist/index.js` (file URL), built with the CLI (tsup.config.ts); absent under tsx. */
  bundle?: string;
}

/** The module a language's target is imported from (in this thread or in a worker thread). */
export function targetModule(language: string): TargetModule | undefined {
  const target = PACKAGES[language as keyof typeof PACKAGES];
  if (!target) return undefined;
  // From the build (dist/) as from the sources (src/), the language package is ../../<lang>.
  const bundle = new URL(`../../${language}/dist/index.js`, import.meta.url);
  return FROM_BUILD && existsSync(bundle) ? { ...target, bundle: bundle.href } : target;
}

const FROM_BUILD = !import.meta.url.endsWith(".ts");

async function loadTarget(language: keyof typeof PACKAGES): Promise<LanguageTarget> {
  const { module, export: name, bundle } = targetModule(language)!;
  if (!bundle) await ensureTypeScriptLoader();
  const loaded = (await import(bundle ?? module)) as Record<string, LanguageTarget>;
  const target = loaded[name];
  if (!target) throw new Error(`${module} does not export ${name}`);
  return target;
}

let loaderReady: Promise<void> | undefined;

/**
 * The language packages are TypeScript sources. Under tsx or vitest nothing is needed; from the build, the
 * languages' bundles are imported, and tsx is registered only if one is missing.
 */
function ensureTypeScriptLoader(): Promise<void> {
  if (!FROM_BUILD) return Promise.resolve();
  loaderReady ??= import("tsx/esm/api").then(({ register }) => {
    register();
  });
  return loaderReady;
}
