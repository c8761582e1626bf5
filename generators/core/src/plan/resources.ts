import type { Name, Resource } from "../ir/types";
import type { PlanContext } from "./context";
import { planMethod } from "./methods";
import { publicSingular, type WordScope } from "./names";
import type { MethodPlan, ResourcePlan } from "./types";
import { WEBHOOKS_RESOURCE } from "./webhooks";

interface Node {
  id: string;
  path: Name[];
  resource?: Resource;
  children: Node[];
}

/**
 * The resource tree from dotted ids (`bots.versions` under `bots`, intermediate levels created), plus a
 * top-level `webhooks` level when the spec signs webhooks but has no such resource. Sorted by id per level.
 * Class names are claimed in `scope` (stepping aside from models: `Pets` → `PetsResource`), then every
 * method's params type name.
 */
export function planResources(
  context: PlanContext,
  scope: WordScope,
  verifiesWebhooks: boolean,
): ResourcePlan[] {
  const roots = buildTree(context, verifiesWebhooks);
  const flat: Node[] = [];
  const visit = (node: Node) => {
    flat.push(node);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  const classNames = new Map<string, string[]>();
  for (const node of flat) {
    const words = node.path.flatMap((segment) => segment.words);
    classNames.set(node.id, scope.claim(words, [...words, "resource"]));
  }
  const methods = new Map<string, MethodPlan[]>();
  for (const node of flat) {
    const resource = node.resource;
    methods.set(
      node.id,
      resource ? resource.operations.map((operation) => planMethod(context, operation)) : [],
    );
  }
  for (const node of flat) claimParamsTypes(scope, node, methods.get(node.id)!);
  const toPlan = (node: Node): ResourcePlan => ({
    id: node.id,
    property: node.path.at(-1)!.words,
    className: classNames.get(node.id)!,
    path: node.path.map((segment) => segment.words),
    ...(node.resource?.description ? { description: node.resource.description } : {}),
    methods: methods.get(node.id)!,
    children: node.children.map(toPlan),
    verifiesWebhooks: verifiesWebhooks && node.id === WEBHOOKS_RESOURCE,
  });
  return roots.map(toPlan);
}

function buildTree(context: PlanContext, verifiesWebhooks: boolean): Node[] {
  const nodes = new Map<string, Node>();
  const roots: Node[] = [];
  const ensure = (path: Name[]): Node => {
    const id = path.map((segment) => segment.raw).join(".");
    const existing = nodes.get(id);
    if (existing) return existing;
    const node: Node = { id, path, children: [] };
    nodes.set(id, node);
    if (path.length === 1) roots.push(node);
    else ensure(path.slice(0, -1)).children.push(node);
    return node;
  };
  for (const resource of context.ir.resources) ensure(resource.path).resource = resource;
  if (verifiesWebhooks) ensure([{ raw: WEBHOOKS_RESOURCE, words: [WEBHOOKS_RESOURCE] }]);
  const byId = (a: Node, b: Node) => a.id.localeCompare(b.id);
  for (const node of nodes.values()) node.children.sort(byId);
  return roots.sort(byId);
}

/** `BotCreateParams` for methods with params; a stream twin with its plain method's params is marked to alias it. */
function claimParamsTypes(scope: WordScope, node: Node, methods: MethodPlan[]): void {
  const resource = node.resource;
  if (!resource) return;
  const nouns = resourceNouns(resource);
  const twinsLast = methods.some((m) => m.twinOf)
    ? [...methods.filter((m) => !m.twinOf), ...methods.filter((m) => m.twinOf)]
    : methods;
  for (const method of twinsLast) {
    if (method.params.length === 0) continue;
    const plain = method.twinOf ? methods.find((candidate) => candidate.id === method.twinOf) : undefined;
    if (plain?.paramsType && JSON.stringify(plain.params) === JSON.stringify(method.params)) {
      method.paramsSameAs = plain.id;
    }
    method.paramsType = scope.claim([...nouns, ...method.name, "params"]);
  }
}

/** The resource's words with the last one singular, for params type names (`bots.versions` → bot version). */
function resourceNouns(resource: Resource): string[] {
  const nouns = resource.path.flatMap((segment) => segment.words);
  const last = nouns.length - 1;
  return nouns.map((word, index) => (index === last ? publicSingular(word) : word));
}
