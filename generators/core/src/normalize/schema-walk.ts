/** Visit every JSON Schema object of an OpenAPI document, parents before children. */
export type SchemaVisitor = (schema: Record<string, unknown>) => void;

type Json = Record<string, unknown>;

const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SCHEMA_SINGLES = [
  "items",
  "additionalProperties",
  "not",
  "contains",
  "if",
  "then",
  "else",
  "propertyNames",
];
const SCHEMA_LISTS = ["allOf", "oneOf", "anyOf", "prefixItems"];
/** Keys whose values are user data, never OpenAPI structure. */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const", "value"]);

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Walk the whole document: any `schema` / `schemas` entry starts a schema subtree. */
export function walkSchemas(document: Json, visit: SchemaVisitor): void {
  walkStructure(document, visit);
}

function walkStructure(node: unknown, visit: SchemaVisitor): void {
  if (Array.isArray(node)) {
    for (const item of node) walkStructure(item, visit);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (DATA_KEYS.has(key) || key.startsWith("x-")) continue;
    if (key === "schema") walkSchema(value, visit);
    else if (key === "schemas" && isObject(value))
      for (const schema of Object.values(value)) walkSchema(schema, visit);
    else walkStructure(value, visit);
  }
}

function walkSchema(schema: unknown, visit: SchemaVisitor): void {
  if (!isObject(schema)) return;
  visit(schema);
  for (const key of SCHEMA_MAPS) {
    const map = schema[key];
    if (isObject(map)) for (const child of Object.values(map)) walkSchema(child, visit);
  }
  for (const key of SCHEMA_SINGLES) walkSchema(schema[key], visit);
  for (const key of SCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) for (const child of list) walkSchema(child, visit);
  }
}
