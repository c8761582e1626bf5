import {
  type EmitContext,
  type Emitter,
  type GeneratedFile,
  generatedHeader,
  type LanguageNaming,
  PLAN_VERSION,
  readReleaseVersion,
  type SdkPlan,
} from "@embott/codegen-core";
import { renderApiMarkdown } from "./api-md";
import { initModule, renderClientModule, renderPackageInit, sortImported } from "./client";
import { formatPython } from "./format";
import { groupModels, markParamModels, renderModelModule } from "./models";
import { PythonNames, pyString } from "./names";
import { renderResourceModule, resourceModules } from "./resources";
import { runtimeModules } from "./runtime-files";
import { ModelLocator } from "./type-printer";

/** The Python emitter: the SDK plan in, a `src/<package>` tree (plus api.md) out. */
export function createPythonEmitter(naming: LanguageNaming): Emitter {
  return {
    language: "python",
    async emit(plan, context) {
      return emitPython(plan, context, naming, await readReleaseVersion(context.outDir, DEFAULT_SDK_VERSION));
    },
  };
}

/** `__version__` when packages/python/package.json (the lockstep release marker) is absent. */
const DEFAULT_SDK_VERSION = "0.1.0";

/** `version` is the SDK's release version (all SDKs release together), not the API's `info.version`. */
export function emitPython(
  plan: SdkPlan,
  context: Pick<EmitContext, "specFile">,
  naming: LanguageNaming,
  version = DEFAULT_SDK_VERSION,
): GeneratedFile[] {
  if (plan.planVersion !== PLAN_VERSION)
    throw new Error(`python emitter reads plan version ${PLAN_VERSION}, got ${plan.planVersion}`);
  const names = new PythonNames(naming);
  const header = `${generatedHeader(context.specFile, "hash")}\n`;
  const root = `src/${names.module([plan.sdk.packageName.replace(/[^A-Za-z0-9]+/g, "_").toLowerCase()])}`;
  const files: GeneratedFile[] = [];
  const add = (path: string, contents: string) =>
    files.push({
      path: `${root}/${path}`,
      contents: path.endsWith(".py") ? formatPython(contents) : contents,
    });

  const locator = new ModelLocator(plan, names);
  const modules = groupModels(plan, locator);
  markParamModels(plan, locator);
  for (const module of modules) add(`types/${module.name}.py`, renderModelModule(module, locator, header));
  add("types/__init__.py", renderTypesInit(modules, locator, header));

  const resources = resourceModules(plan, names);
  for (const { resource, names: resourceNames } of resources) {
    add(`resources/${resourceNames.module}.py`, renderResourceModule(plan, resource, locator, header));
  }
  const resourceExports = resources.flatMap(({ names: r }) => [r.sync, r.async]);
  const resourceImports = resources
    .map(({ names: r }) => `from .${r.module} import ${sortImported([r.async, r.sync]).join(", ")}`)
    .sort()
    .join("\n");
  add(
    "resources/__init__.py",
    initModule(header, "The API's resources, one module each.", resourceImports, resourceExports),
  );
  add("_client.py", renderClientModule(plan, names, header));
  add("__init__.py", renderPackageInit(plan, names, header));
  add("_version.py", `${header}\n__version__ = ${pyString(version)}\n`);
  add("py.typed", `${header}`);
  for (const module of runtimeModules()) {
    files.push({
      path: `${root}/_runtime/${module.name}`,
      contents: `${header}# Copied from generators/python/runtime/embott_runtime; edit it there.\n${module.contents}`,
    });
  }
  files.push({
    path: "api.md",
    contents: renderApiMarkdown(plan, names, generatedHeader(context.specFile, "html")),
  });
  return files;
}

function renderTypesInit(
  modules: { name: string; ids: string[] }[],
  locator: ModelLocator,
  header: string,
): string {
  const lines: string[] = [];
  const exported: string[] = [];
  for (const module of modules) {
    const names = module.ids.flatMap((id) => [
      locator.className(id),
      ...(locator.hasParam(id) ? [locator.paramName(id)] : []),
    ]);
    exported.push(...names);
    const sorted = sortImported(names);
    const line = `from .${module.name} import ${sorted.join(", ")}`;
    lines.push(
      line.length <= 120
        ? line
        : `from .${module.name} import (\n${sorted.map((name) => `    ${name},\n`).join("")})`,
    );
  }
  return initModule(
    header,
    "Every model of the API: response classes and the TypedDicts their request counterparts use.",
    lines.join("\n"),
    exported,
  );
}
