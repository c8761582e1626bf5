import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type EmitContext,
  type Emitter,
  type GeneratedFile,
  type LanguageNaming,
  PLAN_VERSION,
  type ResourcePlan,
  type SdkPlan,
} from "@embott/codegen-core";
import { heyApiDocument, keepDeclarations, postProcessTypes, runHeyApiTypes } from "../hey-api";
import { API_MD_FILE, renderApiMd } from "./api-md";
import { CLIENT_FILE, clientOptionsType, renderClient } from "./client";
import { formatTypeScriptFiles } from "./format";
import { tsHeader } from "./header";
import { renderBarrel } from "./index-barrel";
import { type InheritedMembers, TsNames } from "./names";
import { PROVENANCE_FILE, renderProvenance } from "./provenance";
import { type ResourceContext, renderResource, resourceFile } from "./resource";
import {
  classMemberNames,
  errorClassNames,
  type RuntimeFile,
  readRuntimeFiles,
  runtimeExportNames,
  withJsExtensions,
} from "./runtime-files";
import { renderScaffold } from "./scaffold";
import { TypePrinter } from "./type-printer";
import { renderWebhookEvents, WEBHOOK_EVENTS_FILE, webhookTypes } from "./webhooks";

const HEY_API_VERSION = "@hey-api/openapi-ts 0.95.0";
const DEFAULT_SDK_VERSION = "0.1.0";

/** Thrown when the plan cannot be emitted (a plan of another version). */
export class EmitError extends Error {
  override readonly name = "EmitError";
}

/** The TypeScript emitter: hey-api prints the model types, the plan decides everything else. */
export function createTypeScriptEmitter(naming: LanguageNaming): Emitter {
  return { language: "typescript", emit: (plan, context) => emitTypeScript(plan, context, naming) };
}

export async function emitTypeScript(
  plan: SdkPlan,
  context: EmitContext,
  naming: LanguageNaming,
): Promise<GeneratedFile[]> {
  if (plan.planVersion !== PLAN_VERSION) {
    throw new EmitError(`SDK plan version ${plan.planVersion} is not ${PLAN_VERSION}`);
  }
  const specLabel = context.specFile;
  const runtime = await runtimeFacts();
  const runtimeFiles = runtime.files;
  const names = new TsNames(plan, naming, runtime.exportNames, runtime.inherited);
  // The runtime's files (the same whatever the plan) are formatted by their own biome run while hey-api works.
  const runtimeOutputs = runtimeFiles.map((file) => ({
    path: `src/${file.path}`,
    contents: `${tsHeader(specLabel)}\n${withJsExtensions(file.contents)}`,
  }));
  const runtimeFormatting = formatTypeScriptFiles(runtimeOutputs);
  runtimeFormatting.catch(() => undefined); // awaited below
  const modelNames = plan.models.map((model) => names.model(model));
  const heyApi = await runHeyApiTypes(
    heyApiDocument(context.document, plan.models, (model) => names.model(model)),
  );
  const printed = keepDeclarations(heyApi.source, new Set(modelNames));
  const types = new TypePrinter(plan, names, printed.declared);
  const webhooks = webhookTypes(plan, names);
  const clientOptions = clientOptionsType(plan, names);
  const sdkVersion = await readPackageVersion(context.outDir);
  const resourceContext: ResourceContext = { plan, names, types, webhooks, specLabel };
  const webhookEvents = webhooks && renderWebhookEvents(plan, webhooks, types, specLabel);
  const files: GeneratedFile[] = [
    { path: "src/types.gen.ts", contents: postProcessTypes(printed.source, tsHeader(specLabel)) },
    {
      path: `src/${CLIENT_FILE}`,
      contents: renderClient(
        { plan, names, sdkVersion, errorClasses: runtime.errorClasses, specLabel },
        clientOptions,
      ),
    },
    ...resourceFiles(resourceContext),
    ...(webhookEvents ? [{ path: `src/${WEBHOOK_EVENTS_FILE}`, contents: webhookEvents }] : []),
    {
      path: "src/index.ts",
      contents: renderBarrel({
        plan,
        names,
        webhooks,
        modelNames: modelNames.filter((name) => printed.declared.has(name)),
        specLabel,
        ...(clientOptions ? { clientOptions } : {}),
      }),
    },
    ...runtimeOutputs,
    { path: API_MD_FILE, contents: renderApiMd({ plan, names, types, webhooks, specLabel }) },
    {
      path: PROVENANCE_FILE,
      contents: renderProvenance({
        plan,
        specLabel,
        sdkVersion,
        generatorVersion: context.generatorVersion,
        typesPrinter: HEY_API_VERSION,
      }),
    },
    ...renderScaffold({ plan, clientClass: names.client, sdkVersion }),
  ];
  return formatTypeScriptFiles(files, await runtimeFormatting);
}

/** One file per resource (every level of the tree), each knowing how users reach it. */
function resourceFiles(context: ResourceContext): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const visit = (resource: ResourcePlan, accessor: string) => {
    files.push({
      path: `src/${resourceFile(resource)}`,
      contents: renderResource(context, resource, accessor),
    });
    for (const child of resource.children) {
      visit(child, `${accessor}.${context.names.resourceProperty(child, resource)}`);
    }
  };
  for (const resource of context.plan.resources) {
    visit(resource, `client.${context.names.resourceProperty(resource, "client")}`);
  }
  return files;
}

/** What the emitter reads from the runtime's sources, which are the same on every run. */
interface RuntimeFacts {
  files: readonly RuntimeFile[];
  exportNames: ReadonlySet<string>;
  inherited: InheritedMembers;
  errorClasses: readonly string[];
}

let runtimeParsed: Promise<RuntimeFacts> | undefined;

/**
 * The runtime's files and the names parsed from them, read once per process. Starts when this module loads: in
 * an emit worker, while the main thread still reads the spec.
 */
function runtimeFacts(): Promise<RuntimeFacts> {
  runtimeParsed ??= readRuntimeFiles().then((files) => ({
    files,
    exportNames: runtimeExportNames(files),
    inherited: inheritedMembers(files),
    errorClasses: errorClassNames(files),
  }));
  return runtimeParsed;
}
runtimeFacts().catch(() => undefined); // a failure is reported by the emit that needs it

function inheritedMembers(runtimeFiles: readonly RuntimeFile[]): InheritedMembers {
  const resource = classMemberNames(runtimeFiles, "core/resource.ts", "APIResource");
  const webhooks = classMemberNames(runtimeFiles, "core/webhooks-resource.ts", "WebhooksResource");
  return {
    client: classMemberNames(runtimeFiles, "core/client.ts", "APIClient"),
    clientOptions: classMemberNames(runtimeFiles, "core/options.ts", "ClientOptions"),
    resource,
    webhooksResource: new Set([...resource, ...webhooks]),
  };
}

/** The SDK version comes from the hand-written package.json next to the generated sources, when there is one. */
async function readPackageVersion(outDir: string): Promise<string> {
  try {
    const manifest = JSON.parse(await readFile(join(outDir, "package.json"), "utf8")) as {
      version?: unknown;
    };
    return typeof manifest.version === "string" ? manifest.version : DEFAULT_SDK_VERSION;
  } catch {
    return DEFAULT_SDK_VERSION;
  }
}
