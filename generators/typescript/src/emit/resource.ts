import type { ResourcePlan, SdkPlan } from "@embott/codegen-core";
import { CodeWriter } from "../printer";
import { tsHeader } from "./header";
import { ImportSet, RUNTIME } from "./imports";
import { type MethodContext, writeMethod, writeParamsInterface } from "./method";
import type { TsNames } from "./names";
import { newUsage, TYPES_NAMESPACE, type TypePrinter } from "./type-printer";
import type { WebhookTypes } from "./webhooks";

/** `resources/bots.ts`, `resources/bots/versions.ts` (relative to the SDK's `src/`). */
export function resourceFile(resource: ResourcePlan): string {
  return `resources/${resource.path.map((words) => words.join("-")).join("/")}.ts`;
}

export interface ResourceContext {
  plan: SdkPlan;
  names: TsNames;
  types: TypePrinter;
  webhooks: WebhookTypes | undefined;
  specLabel: string;
}

/** Prints `resources/<path>.ts`: the class with its sub-resources and methods, then its params interfaces. */
export function renderResource(context: ResourceContext, resource: ResourcePlan, accessor: string): string {
  const { names } = context;
  const usage = newUsage();
  const className = names.resourceClass(resource);
  const file = resourceFile(resource);
  const imports = new ImportSet(file);
  const body = new CodeWriter();
  const event = resource.verifiesWebhooks ? context.webhooks : undefined;
  if (event) {
    imports.add(RUNTIME.webhooks, "WebhooksResource");
    if (event.module) imports.type(event.module, event.type);
    if (event.usesTypes) usage.types = true;
  } else imports.add(RUNTIME.resource, "APIResource");
  for (const child of resource.children) {
    imports.add(resourceFile(child).replace(/\.ts$/, ""), names.resourceClass(child));
  }
  body.doc(resource.description);
  const base = event ? `WebhooksResource<${event.type}>` : "APIResource";
  const methodContext: MethodContext = { ...context, usage, accessor };
  body.block(`export class ${className} extends ${base}`, () => {
    for (const child of resource.children) {
      const childClass = names.resourceClass(child);
      body.line(
        `readonly ${names.resourceProperty(child, resource)}: ${childClass} = new ${childClass}(this.client);`,
      );
    }
    resource.methods.forEach((method, index) => {
      if (index > 0 || resource.children.length > 0) body.blank();
      const used = writeMethod(body, methodContext, resource, method);
      imports.type(RUNTIME.options, "RequestOptions").add(RUNTIME.params, "buildRequest");
      if (used.promise === "PagePromise") imports.type(RUNTIME.pagination, "PagePromise");
      else imports.type(RUNTIME.apiPromise, "APIPromise");
      if (used.stream) imports.type(RUNTIME.streaming, "Stream");
    });
  });
  for (const method of resource.methods) {
    const paramsType = names.paramsType(method);
    if (!paramsType) continue;
    const docs = `Params of {@link ${className}.${names.method(resource, method)}}.`;
    body.blank();
    const same = method.paramsSameAs && names.paramsType(method.paramsSameAs);
    if (same) body.doc(docs).line(`export type ${paramsType} = ${same};`);
    else writeParamsInterface(body, methodContext, paramsType, method, docs);
  }
  if (usage.types) imports.namespace("types.gen", TYPES_NAMESPACE);
  if (usage.uploadable) imports.type(RUNTIME.body, "Uploadable");
  const out = new CodeWriter().line(tsHeader(context.specLabel)).blank();
  imports.write(out);
  return `${out.toString()}\n${body.toString()}`;
}
