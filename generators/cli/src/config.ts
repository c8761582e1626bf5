import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { UsageError } from "./io";

/** `codegen.config.json`: the repo's spec and where each language's SDK lives (paths relative to the file). */
export interface CodegenConfig {
  spec: string;
  outputs: Record<string, string>;
}

/** A resolved generation plan: the spec and an output folder per language. */
export interface OutputPlan {
  /** Spec path relative to the current directory (also the label in generated headers). */
  spec: string;
  /** Absolute output folder per language. */
  outDirs: Record<string, string>;
}

export const DEFAULT_CONFIG_FILE = "codegen.config.json";

/** Read and check the config file; UsageError when missing or malformed. */
export function readConfig(file = DEFAULT_CONFIG_FILE): { config: CodegenConfig; baseDir: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const config = raw as Partial<CodegenConfig>;
  const outputsValid =
    typeof config.outputs === "object" &&
    config.outputs !== null &&
    Object.values(config.outputs).every((dir) => typeof dir === "string");
  if (typeof config.spec !== "string" || !outputsValid) {
    throw new UsageError(`${file} must contain "spec" (string) and "outputs" ({ language: folder })`);
  }
  return { config: config as CodegenConfig, baseDir: dirname(resolve(file)) };
}

/** Plan from --spec/--out (one sub-folder per language) or from the config file. */
export function planOutputs(
  options: { spec?: string; out?: string; config?: string },
  languages: string[],
): OutputPlan {
  if (options.spec !== undefined && options.out !== undefined) {
    const out = resolve(options.out);
    return {
      spec: options.spec,
      outDirs: Object.fromEntries(languages.map((language) => [language, join(out, language)])),
    };
  }
  const { config, baseDir } = readConfig(options.config);
  const spec = relative(process.cwd(), resolve(baseDir, config.spec)) || config.spec;
  const outDirs: Record<string, string> = {};
  for (const language of languages) {
    const folder = options.out !== undefined ? join(options.out, language) : config.outputs[language];
    if (folder === undefined)
      throw new UsageError(`no output folder for "${language}" in ${options.config ?? DEFAULT_CONFIG_FILE}`);
    outDirs[language] = resolve(options.out !== undefined ? process.cwd() : baseDir, folder);
  }
  return { spec, outDirs };
}

/** Spec to inspect: --spec, else the config's. */
export function specForInspect(options: { spec?: string; config?: string }): string {
  if (options.spec !== undefined) return options.spec;
  const { config, baseDir } = readConfig(options.config);
  return relative(process.cwd(), resolve(baseDir, config.spec)) || config.spec;
}
