import type { LanguageNaming, NameKind, Words } from "@embott/codegen-core";

/** Attributes of the runtime's BaseModel (and pydantic's) a field must not shadow. */
const MODEL_ATTRIBUTES = new Set([
  "request_id",
  "to_dict",
  "to_json",
  "copy",
  "dict",
  "json",
  "schema",
  "schema_json",
  "construct",
  "validate",
  "parse_obj",
  "parse_raw",
  "parse_file",
  "from_orm",
  "update_forward_refs",
  "fields",
  "model_config",
  "model_fields",
  "register",
  // Names the model modules use in annotations: a field called `date` would shadow the type for pydantic.
  "date",
  "datetime",
  "str",
  "int",
  "float",
  "bool",
  "list",
  "dict",
  "bytes",
]);

/** Keyword options every generated method accepts besides its params. */
export const REQUEST_OPTIONS = [
  "extra_headers",
  "extra_query",
  "extra_body",
  "timeout",
  "max_retries",
  "idempotency_key",
];

/** Python identifiers for the plan's neutral words. */
export class PythonNames {
  constructor(readonly naming: LanguageNaming) {}

  id(words: Words, kind: NameKind): string {
    return this.naming.identifier(words, kind);
  }

  type(words: Words): string {
    return this.id(words, "type");
  }

  module(words: Words): string {
    return this.id(words, "file");
  }

  /** A model field: snake_case, never a BaseModel attribute or `model_*` (pydantic's namespace). */
  field(words: Words): string {
    const name = this.id(words, "property");
    return MODEL_ATTRIBUTES.has(name) || name.startsWith("model_") ? `${name}_` : name;
  }

  /** A method param: snake_case, never one of the request options. */
  param(words: Words): string {
    const name = this.id(words, "parameter");
    return REQUEST_OPTIONS.includes(name) || name === "self" ? `${name}_` : name;
  }
}

/** A Python string literal (double quotes, escapes for quotes, backslashes, control and non-ASCII-safe). */
export function pyString(value: string): string {
  return JSON.stringify(value);
}

/** A Python literal for a JSON scalar. */
export function pyLiteral(value: string | number | boolean | null): string {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "None";
  return pyString(value);
}
