import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  buildIR,
  type EmitContext,
  type Emitter,
  type GeneratedFile,
  type IR,
  IR_VERSION,
  type LanguageNaming,
} from "@embott/codegen-core";
import {
  dropUnusedTypes,
  exportedTypeNames,
  type HeyApiTypes,
  postProcessTypes,
  runHeyApiTypes,
} from "../hey-api";
import { API_MD_FILE, renderApiMd } from "./api-md";
import { CLIENT_FILE, renderClient } from "./client";
import { formatTypeScriptFiles } from "./format";
import { tsHeader } from "./header";
import { renderBarrel } from "./index-barrel";
import { EmitNames } from "./names";
import { PROVENANCE_FILE, renderProvenance } from "./provenance";
import { EmitError } from "./request-spec";
import {
  type InheritedMembers,
  planResource,
  type ResourcePlan,
  type ResourcePlanContext,
  renderResource,
} from "./resource";
import { buildResourceTree, flattenTree, type ResourceNode } from "./resource-tree";
import {
  classMemberNames,
  type RuntimeFile,
  readRuntimeFiles,
  runtimeExportNames,
  withJsExtensions,
} from "./runtime-files";
import { renderScaffold } from "./scaffold";
import { planServerOptions } from "./server-options";
import { TypesModule } from "./types-module";
import { planWebhooks, renderWebhookEvents, WEBHOOK_EVENTS_FILE, type WebhooksPlan } from "./webhooks";

const HEY_API_VERSION = "@hey-api/openapi-ts 0.95.0";
const DEFAULT_SDK_VERSION = "0.1.0";

/** The TypeScript emitter: hey-api prints the types, our emitters print the SDK surface around them. */
export function createTypeScriptEmitter(naming: LanguageNaming): Emitter {
  return {
    language: "typescript",
    // Interim while the emitter moves onto the plan: the IR is rebuilt from the document core already loaded.
    emit: (plan, context) =>
      emitTypeScript(buildIR({ ...plan.source, document: context.document }), context, naming),
  };
}

export async function emitTypeScript(
  ir: IR,
  context: EmitContext,
  naming: LanguageNaming,
): Promise<GeneratedFile[]> {
  if (ir.irVersion !== IR_VERSION) throw new EmitError(`IR version ${ir.irVersion} is not ${IR_VERSION}`);
  const specLabel = context.specFile;
  const heyApi = await runHeyApiTypes(resolve(ir.source.file));
  const { typesSource, typeNames } = printedTypes(heyApi, specLabel);
  const runtimeFiles = await readRuntimeFiles();
  const runtimeNames = runtimeExportNames(runtimeFiles);
  const names = new EmitNames(naming, [...typeNames, ...runtimeNames]);
  const types = new TypesModule(heyApi.symbols);
  const clientClass = names.clientClass(ir.sdk.clientName);
  const webhooks = planWebhooks(ir, types, names);
  const inherited = inheritedMembers(runtimeFiles);
  const resources = planResources(ir, { ir, names, types, inherited }, webhooks);
  const allResources = resources.flatMap(flattenPlans);
  const sdkVersion = await readPackageVersion(context.outDir);
  const serverOptions = planServerOptions(ir, names, clientClass, inherited.clientOptions);
  const clientPlan = {
    className: clientClass,
    resources: resources.map((plan) => ({
      property: names.resourceProperty(plan.node.path[0]!, inherited.client),
      plan,
    })),
    serverOptions,
  };
  const webhookEvents = webhooks ? renderWebhookEvents(webhooks, specLabel) : undefined;
  const files: GeneratedFile[] = [
    { path: "src/types.gen.ts", contents: typesSource },
    { path: `src/${CLIENT_FILE}`, contents: renderClient(ir, clientPlan, sdkVersion, specLabel) },
    ...allResources.map((plan) => ({ path: `src/${plan.file}`, contents: renderResource(plan, specLabel) })),
    ...(webhookEvents ? [{ path: `src/${WEBHOOK_EVENTS_FILE}`, contents: webhookEvents }] : []),
    {
      path: "src/index.ts",
      contents: renderBarrel({
        clientClass,
        clientOptions: serverOptions?.typeName,
        resources: allResources,
        webhooks,
        typeNames,
        runtimeNames,
        specLabel,
      }),
    },
    ...runtimeFiles.map((file) => ({
      path: `src/${file.path}`,
      contents: `${tsHeader(specLabel)}\n${withJsExtensions(file.contents)}`,
    })),
    { path: API_MD_FILE, contents: renderApiMd(ir, clientClass, allResources, specLabel) },
    { path: PROVENANCE_FILE, contents: provenance(ir, context, sdkVersion) },
    ...renderScaffold({ ir, clientClass, sdkVersion }),
  ];
  return formatTypeScriptFiles(files);
}

/** hey-api's `types.gen.ts` with our header and without its client-only config type, and its exported names. */
function printedTypes(heyApi: HeyApiTypes, specLabel: string) {
  const typesSource = postProcessTypes(
    dropUnusedTypes(heyApi.source, heyApi.symbols.clientConfig),
    tsHeader(specLabel),
  );
  const typeNames = exportedTypeNames(typesSource).filter((name) => !heyApi.symbols.clientOnly.has(name));
  return { typesSource, typeNames };
}

function provenance(ir: IR, context: EmitContext, sdkVersion: string): string {
  return renderProvenance({
    ir,
    specLabel: context.specFile,
    sdkVersion,
    generatorVersion: context.generatorVersion,
    typesPrinter: HEY_API_VERSION,
  });
}

function planResources(
  ir: IR,
  base: Omit<ResourcePlanContext, "className" | "webhookEventFor">,
  webhooks?: WebhooksPlan,
): ResourcePlan[] {
  const needsWebhooksNode =
    webhooks?.verifies === true && !ir.resources.some((resource) => resource.id === webhooks.segment.raw);
  const roots = buildResourceTree(ir, needsWebhooksNode && webhooks ? [webhooks.segment] : []);
  const classNames = new Map(flattenTree(roots).map((node) => [node.id, base.names.resourceClass(node)]));
  const context: ResourcePlanContext = {
    ...base,
    className: (node) => classNames.get(node.id)!,
    webhookEventFor: (node) => webhookEventFor(node, webhooks),
  };
  return roots.map((root) => planResource(context, root));
}

function webhookEventFor(node: ResourceNode, webhooks?: WebhooksPlan): ResourcePlan["webhookEvent"] {
  if (!webhooks?.verifies || node.path.length !== 1 || node.id !== webhooks.segment.raw) return undefined;
  const module = webhooks.ownUnion ? WEBHOOK_EVENTS_FILE.replace(/\.ts$/, "") : undefined;
  return { type: webhooks.eventType, module };
}

function flattenPlans(plan: ResourcePlan): ResourcePlan[] {
  return [plan, ...plan.children.flatMap((child) => flattenPlans(child.plan))];
}

function inheritedMembers(
  runtimeFiles: readonly RuntimeFile[],
): InheritedMembers & { clientOptions: ReadonlySet<string> } {
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
