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

/** The package and export a language's target lives in (what a worker thread imports). */
export function targetModule(language: string): { module: string; export: string } | undefined {
  return PACKAGES[language as keyof typeof PACKAGES];
}

async function loadTarget(language: keyof typeof PACKAGES): Promise<LanguageTarget> {
  const { module, export: name } = PACKAGES[language];
  await ensureTypeScriptLoader();
  const loaded = (await import(module)) as Record<string, LanguageTarget>;
  const target = loaded[name];
  if (!target) throw new Error(`${module} does not export ${name}`);
  return target;
}

let loaderReady: Promise<void> | undefined;

/**
 * The language packages are TypeScript sources. When the CLI runs from its build (dist/main.js), register tsx's
 * loader once, just before the first emitter is imported; under tsx or vitest nothing is needed.
 */
function ensureTypeScriptLoader(): Promise<void> {
  if (import.meta.url.endsWith(".ts")) return Promise.resolve();
  loaderReady ??= import("tsx/esm/api").then(({ register }) => {
    register();
  });
  return loaderReady;
}
