import { CodeWriter } from "../printer";
import { tsHeader } from "./header";
import { ImportSet, RUNTIME } from "./imports";
import { type MethodContext, type MethodPlan, planMethod, writeMethod } from "./method";
import { writeParamsInterface } from "./params";
import { type ResourceNode, resourceFile } from "./resource-tree";
import { TYPES_NAMESPACE } from "./types-module";

/** A resource class to print: its node, class name, planned methods and sub-resource properties. */
export interface ResourcePlan {
  node: ResourceNode;
  className: string;
  file: string;
  methods: MethodPlan[];
  children: { property: string; plan: ResourcePlan }[];
  /** Set when this class also verifies webhooks: the event type it is generic over, and its module. */
  webhookEvent?: { type: string; module?: string };
}

/** Member names of the runtime base classes, which generated members must not override. */
export interface InheritedMembers {
  client: ReadonlySet<string>;
  resource: ReadonlySet<string>;
  webhooksResource: ReadonlySet<string>;
}

export interface ResourcePlanContext extends MethodContext {
  inherited: InheritedMembers;
  className(node: ResourceNode): string;
  webhookEventFor(node: ResourceNode): ResourcePlan["webhookEvent"];
}

/** Plans a resource and, recursively, its sub-resources. */
export function planResource(context: ResourcePlanContext, node: ResourceNode): ResourcePlan {
  const resource = node.resource;
  const webhookEvent = context.webhookEventFor(node);
  const inherited = webhookEvent ? context.inherited.webhooksResource : context.inherited.resource;
  return {
    node,
    className: context.className(node),
    file: resourceFile(node),
    methods: resource
      ? resource.operations.map((operation) => planMethod(context, resource, operation, inherited))
      : [],
    children: node.children.map((child) => ({
      property: context.names.resourceProperty(child.path.at(-1)!, inherited),
      plan: planResource(context, child),
    })),
    webhookEvent,
  };
}

/** Prints `resources/<path>.ts`: the class with its methods and sub-resources, then its params interfaces. */
export function renderResource(plan: ResourcePlan, specLabel: string): string {
  const body = new CodeWriter();
  const imports = resourceImports(plan, body);
  body.blank();
  for (const method of plan.methods) {
    if (!method.paramsType) continue;
    body.blank();
    const docs = `Params of {@link ${plan.className}.${method.name}}.`;
    const same = sameParamsAs(plan, method);
    if (same) body.doc(docs).line(`export type ${method.paramsType} = ${same};`);
    else writeParamsInterface(body, method.paramsType, method.params, docs);
  }
  const file = new CodeWriter().line(tsHeader(specLabel)).blank();
  imports.write(file);
  return `${file.toString()}\n${body.toString()}`;
}

/** A streaming twin's params type when it equals its plain method's (the flag is excluded from both). */
function sameParamsAs(plan: ResourcePlan, method: MethodPlan): string | undefined {
  const plainId = method.operation.streaming?.twinOf;
  const plain = plan.methods.find((candidate) => candidate.operation.id === plainId);
  if (!plain?.paramsType) return undefined;
  return JSON.stringify(plain.params) === JSON.stringify(method.params) ? plain.paramsType : undefined;
}

function resourceImports(plan: ResourcePlan, writer: CodeWriter): ImportSet {
  const imports = new ImportSet(plan.file);
  const event = plan.webhookEvent;
  const base = event ? `WebhooksResource<${event.type}>` : "APIResource";
  if (event) {
    imports.add(RUNTIME.webhooks, "WebhooksResource");
    if (event.module) imports.type(event.module, event.type);
    if (event.type.startsWith(`${TYPES_NAMESPACE}.`)) imports.namespace("types.gen", TYPES_NAMESPACE);
  } else imports.add(RUNTIME.resource, "APIResource");
  for (const child of plan.children) imports.add(child.plan.file.replace(/\.ts$/, ""), child.plan.className);
  writer.doc(plan.node.resource?.description);
  writer.block(`export class ${plan.className} extends ${base}`, () => {
    for (const child of plan.children) {
      writer.line(
        `readonly ${child.property}: ${child.plan.className} = new ${child.plan.className}(this.client);`,
      );
    }
    plan.methods.forEach((method, index) => {
      if (index > 0 || plan.children.length > 0) writer.blank();
      addMethodImports(imports, method);
      writeMethod(writer, method);
    });
  });
  return imports;
}

function addMethodImports(imports: ImportSet, method: MethodPlan): void {
  imports.type(RUNTIME.options, "RequestOptions");
  if (method.call.includes("encodePath(")) imports.add(RUNTIME.path, "encodePath");
  if (method.call.includes(`${TYPES_NAMESPACE}.`)) imports.namespace("types.gen", TYPES_NAMESPACE);
  if (method.returnType.startsWith("PagePromise<")) imports.type(RUNTIME.pagination, "PagePromise");
  else imports.type(RUNTIME.apiPromise, "APIPromise");
  if (method.returnType.includes("Stream<")) imports.type(RUNTIME.streaming, "Stream");
  if (method.paramsType && method.params.fields.some((field) => field.type.includes(`${TYPES_NAMESPACE}.`))) {
    imports.namespace("types.gen", TYPES_NAMESPACE);
  }
}
