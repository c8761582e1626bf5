import { isObject, type Json, objectAt, pointerJoin, resolvePointer } from "../json";
import type { Discriminator, ModelBase, TypeRef, UnionModel } from "../types";
import { asList, isNullSchema, type ModelBuilder } from "./model-builder";

/** oneOf / anyOf (or `type: [a, b]`); a null branch becomes `nullable`. */
export function unionModel(
  builder: ModelBuilder,
  schema: Json,
  pointer: string,
  base: ModelBase,
): UnionModel {
  const combinator = asList(schema["oneOf"]).length > 0 ? "oneOf" : "anyOf";
  const branches = asList(schema[combinator]);
  const variants: TypeRef[] = [];
  let nullable = Array.isArray(schema["type"]) && schema["type"].includes("null");
  if (branches.length === 0) return typeListUnion(schema, base);
  branches.forEach((branch, index) => {
    if (isNullSchema(branch)) {
      nullable = true;
      return;
    }
    const hint = builder.childHint(branch, [...base.name.words, "variant", String(index + 1)]);
    variants.push(builder.typeOf(branch, pointerJoin(pointer, combinator, index), hint));
  });
  const discriminator =
    declaredDiscriminator(schema, variants) ?? constDiscriminator(builder, branches, variants);
  return {
    ...base,
    kind: "union",
    combinator,
    variants,
    ...(discriminator ? { discriminator } : {}),
    nullable,
  };
}

/** `type: ["string", "integer"]`: a union of scalars. */
function typeListUnion(schema: Json, base: ModelBase): UnionModel {
  const types = asList(schema["type"]);
  const variants: TypeRef[] = [];
  for (const type of types) {
    if (type === "string" || type === "integer" || type === "number" || type === "boolean") {
      variants.push({ kind: "primitive", type });
    } else if (type === "array") variants.push({ kind: "array", items: { kind: "unknown" } });
    else if (type === "object") variants.push({ kind: "map", values: { kind: "unknown" } });
  }
  return { ...base, kind: "union", combinator: "anyOf", variants, nullable: types.includes("null") };
}

function declaredDiscriminator(schema: Json, variants: TypeRef[]): Discriminator | undefined {
  const declared = schema["discriminator"];
  if (!isObject(declared) || typeof declared["propertyName"] !== "string") return undefined;
  const mapping = new Map<string, string>();
  for (const [value, target] of Object.entries(objectAt(declared["mapping"]))) {
    if (typeof target === "string") mapping.set(value, idOfRef(target));
  }
  if (mapping.size === 0) {
    for (const variant of variants) if (variant.kind === "ref") mapping.set(variant.id, variant.id);
  }
  return { property: declared["propertyName"], mapping: sortedMapping(mapping), origin: "spec" };
}

/** Recognise a discriminator: every branch is an object with a distinct string `const` on the same property. */
function constDiscriminator(
  builder: ModelBuilder,
  branches: unknown[],
  variants: TypeRef[],
): Discriminator | undefined {
  const objects = branches
    .filter((branch) => !isNullSchema(branch))
    .map((branch) => resolveBranch(builder, branch));
  if (objects.length < 2 || variants.some((variant) => variant.kind !== "ref")) return undefined;
  const first = objects[0] ?? {};
  for (const property of Object.keys(objectAt(first["properties"]))) {
    const values = objects.map((object) => constOf(objectAt(object["properties"])[property]));
    if (values.some((value) => value === undefined) || new Set(values).size !== values.length) continue;
    const mapping = new Map<string, string>();
    values.forEach((value, index) => {
      const variant = variants[index];
      if (variant?.kind === "ref") mapping.set(value as string, variant.id);
    });
    return { property, mapping: sortedMapping(mapping), origin: "const" };
  }
  return undefined;
}

function resolveBranch(builder: ModelBuilder, branch: unknown): Json {
  const ref = isObject(branch) ? branch["$ref"] : undefined;
  return objectAt(typeof ref === "string" ? resolvePointer(builder.document, ref) : branch);
}

function constOf(schema: unknown): string | undefined {
  if (!isObject(schema)) return undefined;
  if (typeof schema["const"] === "string") return schema["const"];
  const values = schema["enum"];
  return Array.isArray(values) && values.length === 1 && typeof values[0] === "string"
    ? values[0]
    : undefined;
}

function idOfRef(ref: string): string {
  const prefix = "#/components/schemas/";
  return ref.startsWith(prefix) ? decodeURIComponent(ref.slice(prefix.length)).replace(/~1/g, "/") : ref;
}

function sortedMapping(mapping: Map<string, string>): Discriminator["mapping"] {
  return [...mapping.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([value, id]) => ({ value, id }));
}
