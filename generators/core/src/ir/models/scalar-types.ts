import { isObject, type Json, pointerJoin } from "../json";
import type { PrimitiveType, TypeRef } from "../types";
import { asList, isNullSchema, type ModelBuilder } from "./model-builder";

const PRIMITIVES = new Set<string>(["string", "integer", "number", "boolean"]);

/** TypeRef for a schema that needs no model of its own: scalars, literals, arrays, maps, wrappers. */
export function typeFromType(builder: ModelBuilder, schema: Json, pointer: string, hint: string[]): TypeRef {
  const wrapped = unwrapSingleBranch(builder, schema, pointer, hint);
  if (wrapped) return wrapped;
  const types = Array.isArray(schema["type"]) ? schema["type"] : [schema["type"]];
  const nullable = types.includes("null");
  const type = types.find((candidate) => candidate !== "null" && typeof candidate === "string");
  const base = baseType(builder, schema, pointer, hint, type as string | undefined);
  if (base.kind === "null" || !nullable) return base;
  return { ...base, nullable: true };
}

function baseType(
  builder: ModelBuilder,
  schema: Json,
  pointer: string,
  hint: string[],
  type: string | undefined,
): TypeRef {
  if ("const" in schema) return literal(schema["const"]);
  if (Array.isArray(schema["enum"])) return { kind: "null" };
  if (type === "array" || (!type && "items" in schema)) {
    const items = schema["items"];
    return {
      kind: "array",
      items: builder.typeOf(items, pointerJoin(pointer, "items"), itemHint(builder, items, hint)),
    };
  }
  if (type === "object" || (!type && "additionalProperties" in schema))
    return mapType(builder, schema, pointer, hint);
  if (type === "null") return { kind: "null" };
  if (type && PRIMITIVES.has(type)) {
    const format = typeof schema["format"] === "string" ? schema["format"] : undefined;
    return { kind: "primitive", type: type as PrimitiveType, ...(format ? { format } : {}) };
  }
  return { kind: "unknown" };
}

function mapType(builder: ModelBuilder, schema: Json, pointer: string, hint: string[]): TypeRef {
  const values = schema["additionalProperties"];
  if (!isObject(values)) return { kind: "map", values: { kind: "unknown" } };
  const valuesPointer = pointerJoin(pointer, "additionalProperties");
  return {
    kind: "map",
    values: builder.typeOf(values, valuesPointer, builder.childHint(values, [...hint, "value"])),
  };
}

/** `oneOf`/`anyOf` with one non-null branch, or a one-member `allOf`: the branch's type (nullable if a null branch). */
function unwrapSingleBranch(
  builder: ModelBuilder,
  schema: Json,
  pointer: string,
  hint: string[],
): TypeRef | undefined {
  for (const combinator of ["oneOf", "anyOf", "allOf"] as const) {
    const branches = asList(schema[combinator]);
    if (branches.length === 0) continue;
    const index = branches.findIndex((branch) => !isNullSchema(branch));
    const branch = branches[index];
    if (index < 0) return { kind: "null" };
    const inner = builder.typeOf(
      branch,
      pointerJoin(pointer, combinator, index),
      builder.childHint(branch, hint),
    );
    const nullable =
      branches.length > 1 || (Array.isArray(schema["type"]) && schema["type"].includes("null"));
    return nullable && inner.kind !== "null" ? { ...inner, nullable: true } : inner;
  }
  return undefined;
}

function literal(value: unknown): TypeRef {
  if (value === null) return { kind: "null" };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return { kind: "literal", value };
  }
  return { kind: "unknown" };
}

function itemHint(builder: ModelBuilder, items: unknown, hint: string[]): string[] {
  return builder.childHint(items, [...hint, "item"]);
}
