import type { IR, Name, Resource } from "@embott/codegen-core";

/** One `client.<a>.<b>` level: an IR resource, or an intermediate level that only holds sub-resources. */
export interface ResourceNode {
  id: string;
  path: Name[];
  /** The IR resource with this id; absent for intermediate levels and a synthesized webhooks resource. */
  resource?: Resource;
  children: ResourceNode[];
}

/** Builds the tree of resources from dotted ids (`bots.versions` under `bots`), sorted by id at each level. */
export function buildResourceTree(ir: IR, extraTopLevel: readonly Name[] = []): ResourceNode[] {
  const nodes = new Map<string, ResourceNode>();
  const roots: ResourceNode[] = [];
  const ensure = (path: Name[]): ResourceNode => {
    const id = path.map((segment) => segment.raw).join(".");
    const existing = nodes.get(id);
    if (existing) return existing;
    const node: ResourceNode = { id, path, children: [] };
    nodes.set(id, node);
    if (path.length === 1) roots.push(node);
    else ensure(path.slice(0, -1)).children.push(node);
    return node;
  };
  for (const resource of ir.resources) ensure(resource.path).resource = resource;
  for (const name of extraTopLevel) ensure([name]);
  const byId = (a: ResourceNode, b: ResourceNode) => a.id.localeCompare(b.id);
  for (const node of nodes.values()) node.children.sort(byId);
  return roots.sort(byId);
}

/** Every node, parents before children. */
export function flattenTree(roots: readonly ResourceNode[]): ResourceNode[] {
  return roots.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** `resources/bots.ts`, `resources/bots/versions.ts` (relative to the SDK's `src/`). */
export function resourceFile(node: ResourceNode): string {
  return `resources/${node.path.map((segment) => segment.words.join("-")).join("/")}.ts`;
}
