import { wordsOr } from "../../naming/words";
import { isObject, type Json, objectAt, pointerJoin, resolvePointer } from "../json";
import type { ModelBase, ObjectModel, Property, TypeRef } from "../types";
import { asList, type ModelBuilder } from "./model-builder";

/** A property found on a schema or one of its allOf members, before its type is built. */
interface RawProperty {
  name: string;
  schema: unknown;
  pointer: string;
  required: boolean;
}

/** An object schema; allOf members are flattened in (referenced components are also listed in `extends`). */
export function objectModel(
  builder: ModelBuilder,
  schema: Json,
  pointer: string,
  base: ModelBase,
): ObjectModel {
  const extendsIds: string[] = [];
  const raw = collectProperties(builder.document, schema, pointer, extendsIds, new Set());
  const properties = raw.map((property) => buildProperty(builder, property, base.name.words));
  const additional = additionalPropertiesOf(builder, schema, pointer, base.name.words);
  return {
    ...base,
    kind: "object",
    properties,
    ...(additional === undefined ? {} : { additionalProperties: additional }),
    extends: extendsIds,
  };
}

function collectProperties(
  document: Json,
  schema: Json,
  pointer: string,
  extendsIds: string[],
  visited: Set<string>,
): RawProperty[] {
  if (visited.has(pointer)) return [];
  visited.add(pointer);
  const byName = new Map<string, RawProperty>();
  const add = (property: RawProperty) => {
    const existing = byName.get(property.name);
    byName.set(property.name, { ...property, required: property.required || existing?.required === true });
  };
  asList(schema["allOf"]).forEach((member, index) => {
    const ref = isObject(member) ? member["$ref"] : undefined;
    const memberPointer = typeof ref === "string" ? ref : pointerJoin(pointer, "allOf", index);
    const memberSchema = objectAt(typeof ref === "string" ? resolvePointer(document, ref) : member);
    if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) extendsIds.push(componentId(ref));
    for (const property of collectProperties(document, memberSchema, memberPointer, extendsIds, visited))
      add(property);
  });
  const required = new Set(asList(schema["required"]).filter((name) => typeof name === "string"));
  for (const [name, propertySchema] of Object.entries(objectAt(schema["properties"]))) {
    add({
      name,
      schema: propertySchema,
      pointer: pointerJoin(pointer, "properties", name),
      required: required.has(name),
    });
  }
  for (const name of required) {
    const existing = byName.get(name as string);
    if (existing) existing.required = true;
  }
  return [...byName.values()];
}

function buildProperty(builder: ModelBuilder, property: RawProperty, parentWords: string[]): Property {
  const schema = objectAt(property.schema);
  const words = wordsOr(property.name, ["value"]);
  const type = builder.typeOf(
    property.schema,
    property.pointer,
    builder.childHint(schema, [...parentWords, ...words]),
  );
  const description = typeof schema["description"] === "string" ? schema["description"] : undefined;
  return {
    name: property.name,
    words,
    type,
    required: property.required,
    readOnly: schema["readOnly"] === true,
    writeOnly: schema["writeOnly"] === true,
    deprecated: schema["deprecated"] === true,
    ...(description ? { description } : {}),
    ...("default" in schema ? { default: schema["default"] } : {}),
  };
}

function additionalPropertiesOf(
  builder: ModelBuilder,
  schema: Json,
  pointer: string,
  parentWords: string[],
): TypeRef | false | undefined {
  const additional = schema["additionalProperties"];
  if (additional === false) return false;
  if (additional === true) return { kind: "unknown" };
  if (!isObject(additional)) return undefined;
  return builder.typeOf(additional, pointerJoin(pointer, "additionalProperties"), [...parentWords, "value"]);
}

function componentId(ref: string): string {
  return decodeURIComponent(ref.slice("#/components/schemas/".length))
    .replace(/~1/g, "/")
    .replace(/~0/g, "~");
}
