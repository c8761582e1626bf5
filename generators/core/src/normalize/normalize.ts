import { walkSchemas } from "./schema-walk";

type Json = Record<string, unknown>;

/**
 * Give an OpenAPI 3.0 or 3.1 document its 3.1 meaning, in place, through one code path:
 * - `nullable: true` → `type: [T, "null"]`, or a `null` branch (`anyOf`) when there is no `type`;
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` → the numeric 3.1 form (the bound moves over);
 * - schema `example` → `examples: [example]`;
 * - mistakes peers tolerate: `type: null` (YAML null, not the string) and non-string `type` entries are dropped.
 * The same rewrites apply to 3.1 documents: a leftover `nullable: true` there still means nullable.
 */
export function normalizeDocument(document: Json): Json {
  walkSchemas(document, normalizeSchema);
  return document;
}

/** Rewrite one schema object's 3.0 idioms (children are visited separately). */
export function normalizeSchema(schema: Json): void {
  normalizeTypeMistakes(schema);
  normalizeNullable(schema);
  normalizeExclusiveBound(schema, "exclusiveMinimum", "minimum");
  normalizeExclusiveBound(schema, "exclusiveMaximum", "maximum");
  if ("example" in schema && !("examples" in schema)) {
    schema["examples"] = [schema["example"]];
    delete schema["example"];
  }
}

function normalizeNullable(schema: Json): void {
  if (!("nullable" in schema)) return;
  const nullable = schema["nullable"] === true;
  delete schema["nullable"];
  if (!nullable) return;
  const type = schema["type"];
  if (typeof type === "string") {
    schema["type"] = [type, "null"];
  } else if (Array.isArray(type)) {
    if (!type.includes("null")) type.push("null");
  } else {
    wrapInNullUnion(schema);
  }
  const values = schema["enum"];
  if (Array.isArray(values) && !values.includes(null)) values.push(null);
}

/** `{ $ref | allOf | oneOf …, nullable }` → `{ anyOf: [<the rest>, { type: "null" }] }` keeping docs fields. */
function wrapInNullUnion(schema: Json): void {
  const docs = new Set([
    "description",
    "title",
    "deprecated",
    "readOnly",
    "writeOnly",
    "default",
    "examples",
  ]);
  const rest: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (docs.has(key)) continue;
    rest[key] = value;
    delete schema[key];
  }
  schema["anyOf"] = [rest, { type: "null" }];
}

function normalizeExclusiveBound(schema: Json, exclusiveKey: string, boundKey: string): void {
  const exclusive = schema[exclusiveKey];
  if (typeof exclusive !== "boolean") return;
  if (exclusive && typeof schema[boundKey] === "number") {
    schema[exclusiveKey] = schema[boundKey];
    delete schema[boundKey];
  } else {
    delete schema[exclusiveKey];
  }
}

function normalizeTypeMistakes(schema: Json): void {
  const type = schema["type"];
  if (type === null || (type !== undefined && typeof type !== "string" && !Array.isArray(type))) {
    delete schema["type"];
  } else if (Array.isArray(type)) {
    const names = type.filter((entry) => typeof entry === "string");
    if (names.length === 0) delete schema["type"];
    else if (names.length !== type.length) schema["type"] = names;
  }
}
