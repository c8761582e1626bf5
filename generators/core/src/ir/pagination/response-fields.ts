import { deref, isObject, type Json, objectAt } from "../json";
import { asList } from "../models/model-builder";

/** A response field reachable through object properties, with its dotted path. */
export interface ResponseField {
  /** Dotted path, e.g. "pages.next.starting_after". */
  path: string;
  /** Last segment, normalised to snake_case words. */
  key: string;
  /** Resolved schema of the field. */
  schema: Json;
  /** For an array of objects: the property names of its items (allOf merged). */
  itemProperties?: string[];
}

/** Fields of a response schema down to `maxDepth` levels, breadth first ($refs and allOf followed). */
export function responseFields(document: Json, schema: unknown, maxDepth = 3): ResponseField[] {
  const fields: ResponseField[] = [];
  let level: { prefix: string; schema: Json }[] = [{ prefix: "", schema: deref(document, schema, "#").node }];
  for (let depth = 0; depth < maxDepth && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { prefix, schema: parent } of level) {
      for (const [name, child] of Object.entries(propertiesOf(document, parent))) {
        const resolved = deref(document, child, "#").node;
        const path = prefix ? `${prefix}.${name}` : name;
        const itemProperties = hasType(resolved, "array")
          ? Object.keys(propertiesOf(document, deref(document, resolved["items"], "#").node))
          : [];
        fields.push({
          path,
          key: normaliseKey(name),
          schema: resolved,
          ...(itemProperties.length > 0 ? { itemProperties } : {}),
        });
        next.push({ prefix: path, schema: resolved });
      }
    }
    level = next;
  }
  return fields;
}

/** Properties of an object schema, allOf members and single-branch unions merged in. */
function propertiesOf(document: Json, schema: Json, seen = new Set<Json>()): Json {
  if (seen.has(schema)) return {};
  seen.add(schema);
  const merged: Json = {};
  const members = [...asList(schema["allOf"]), ...asList(schema["anyOf"]), ...asList(schema["oneOf"])];
  for (const member of members)
    Object.assign(merged, propertiesOf(document, deref(document, member, "#").node, seen));
  return Object.assign(merged, objectAt(schema["properties"]));
}

/** "nextCursor", "next-cursor", "NextCursor" → "next_cursor". */
export function normaliseKey(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toLowerCase();
}

/**
 * Whether a resolved schema is (possibly nullable) of a JSON type: `type: T`, `type: [T, "null"]`, or an
 * `anyOf`/`oneOf` whose branches are T or null (`anyOf: [{ type: string }, { type: "null" }]`).
 */
export function hasType(schema: Json, type: string): boolean {
  const types = Array.isArray(schema["type"]) ? schema["type"] : [schema["type"]];
  if (types.includes(type)) return true;
  if (type === "array" && "items" in schema && schema["type"] === undefined && isObject(schema["items"]))
    return true;
  const branches = [...asList(schema["anyOf"]), ...asList(schema["oneOf"])].filter(isObject);
  const typed = branches.filter((branch) => branch["type"] !== "null");
  return typed.length > 0 && typed.every((branch) => hasType(branch, type));
}
