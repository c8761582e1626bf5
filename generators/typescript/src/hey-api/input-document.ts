import type { ModelPlan } from "@embott/codegen-core";

const SCHEMAS = "#/components/schemas/";

/**
 * The document hey-api prints types from: core's bundled document with every plan model as a component schema
 * under its TypeScript name. Component schemas are renamed (and every `$ref` to them rewritten); hoisted inline
 * schemas (request bodies, inline enums…) are moved into `components.schemas` and referenced from where they
 * were. hey-api then names each type after its key (`definitions.case: "preserve"`), so `Types.<Name>` is the
 * plan's model name and no hey-api internals are read.
 *
 * Once every model is a component schema, the operations (`paths`, `webhooks`) are dropped: hey-api would print
 * a `…Data`/`…Errors`/`…Responses` type per operation that `keepDeclarations` throws away, and its naming pass
 * is quadratic in the number of types (most of its time on a 1,500-operation spec). They stay when a schema still
 * refers into them.
 */
export function heyApiDocument(
  document: Record<string, unknown>,
  models: readonly ModelPlan[],
  typeName: (model: ModelPlan) => string,
): Record<string, unknown> {
  const copy = structuredClone(document);
  const components = (copy["components"] ?? {}) as Record<string, unknown>;
  copy["components"] = components;
  const original = (components["schemas"] ?? {}) as Record<string, unknown>;
  const renamed = new Map<string, string>();
  for (const model of models) if (model.origin === "component") renamed.set(model.id, typeName(model));
  rewriteRefs(copy, renamed);
  const schemas: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(original)) schemas[renamed.get(key) ?? key] = schema;
  components["schemas"] = schemas;
  const inline = models
    .filter((model) => model.origin === "inline" && model.id.startsWith("#/"))
    .sort((a, b) => b.id.length - a.id.length);
  for (const model of inline) {
    const name = typeName(model);
    const moved = replaceAt(copy, translatePointer(model.id, renamed), { $ref: `${SCHEMAS}${name}` });
    if (moved !== undefined) schemas[name] = moved;
  }
  return withoutOperations(copy);
}

const OPERATION_ROOTS = ["paths", "webhooks"] as const;

/** The document without its operations, unless a `$ref` outside them points into them. */
function withoutOperations(document: Record<string, unknown>): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...document, paths: {} };
  delete rest["webhooks"];
  const pointsIntoOperations = (ref: string) => OPERATION_ROOTS.some((root) => ref.startsWith(`#/${root}/`));
  return someRef(rest, pointsIntoOperations) ? document : rest;
}

function someRef(node: unknown, test: (ref: string) => boolean): boolean {
  if (Array.isArray(node)) return node.some((item) => someRef(item, test));
  if (typeof node !== "object" || node === null) return false;
  const record = node as Record<string, unknown>;
  const ref = record["$ref"];
  if (typeof ref === "string" && test(ref)) return true;
  return Object.values(record).some((value) => someRef(value, test));
}

/** Rewrites `$ref`s to renamed component schemas, in place. */
function rewriteRefs(node: unknown, renamed: ReadonlyMap<string, string>): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteRefs(item, renamed);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  const ref = record["$ref"];
  if (typeof ref === "string" && ref.startsWith(SCHEMAS)) {
    const [name, ...rest] = ref.slice(SCHEMAS.length).split("/");
    const target = renamed.get(decodeSegment(name!));
    if (target) record["$ref"] = [`${SCHEMAS}${target}`, ...rest].join("/");
  }
  for (const value of Object.values(record)) rewriteRefs(value, renamed);
}

/** A pointer into a component schema, after the component's rename. */
function translatePointer(pointer: string, renamed: ReadonlyMap<string, string>): string {
  if (!pointer.startsWith(SCHEMAS)) return pointer;
  const [name, ...rest] = pointer.slice(SCHEMAS.length).split("/");
  const target = renamed.get(decodeSegment(name!));
  return target ? [`${SCHEMAS}${target}`, ...rest].join("/") : pointer;
}

/** Puts `replacement` at `pointer` and returns what was there (undefined when the pointer does not resolve). */
function replaceAt(document: Record<string, unknown>, pointer: string, replacement: unknown): unknown {
  const segments = pointer.slice(2).split("/").map(decodeSegment);
  const last = segments.pop();
  let parent: unknown = document;
  for (const segment of segments) {
    if (typeof parent !== "object" || parent === null) return undefined;
    parent = (parent as Record<string, unknown>)[segment];
  }
  if (typeof parent !== "object" || parent === null || last === undefined) return undefined;
  const container = parent as Record<string, unknown>;
  const existing = container[last];
  if (typeof existing !== "object" || existing === null) return undefined;
  container[last] = replacement;
  return existing;
}

function decodeSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
}
