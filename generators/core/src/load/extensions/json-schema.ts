/**
 * A small JSON Schema (2020-12 subset) validator for the `x-embott-*` extension schemas: `type`, `enum`,
 * `const`, `pattern`, `minLength`, `minimum`, `properties`, `required`, `additionalProperties: false`, `allOf`
 * `anyOf` and `if`/`then`. `SUPPORTED_KEYWORDS` lists them; a test checks the schemas use nothing else.
 */
export type JsonSchema = {
  type?: "object" | "string" | "integer" | "number" | "boolean" | "array";
  enum?: readonly unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: false;
  allOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  description?: string;
};

export const SUPPORTED_KEYWORDS = new Set([
  "type",
  "enum",
  "const",
  "pattern",
  "minLength",
  "minimum",
  "properties",
  "required",
  "additionalProperties",
  "allOf",
  "anyOf",
  "if",
  "then",
  "description",
]);

/** One violation: `path` is a JSON pointer suffix relative to the validated value ("" = the value itself). */
export interface Violation {
  path: string;
  message: string;
}

/** Every violation of `schema` by `value`. */
export function validateJson(schema: JsonSchema, value: unknown, path = ""): Violation[] {
  const typeError = checkType(schema, value);
  if (typeError) return [{ path, message: typeError }];
  const violations: Violation[] = [];
  const add = (message: string) => violations.push({ path, message });
  if (schema.enum && !schema.enum.includes(value))
    add(`${JSON.stringify(value)} is not one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if ("const" in schema && value !== schema.const) add(`must be ${JSON.stringify(schema.const)}`);
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) add("must not be empty");
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      add(`${JSON.stringify(value)} does not match ${schema.pattern}`);
  }
  if (typeof value === "number" && schema.minimum !== undefined && value < schema.minimum)
    add(`must be at least ${schema.minimum}`);
  if (isObject(value)) violations.push(...objectViolations(schema, value, path));
  for (const member of schema.allOf ?? []) violations.push(...validateJson(member, value, path));
  if (schema.anyOf && !schema.anyOf.some((member) => validateJson(member, value, path).length === 0))
    add(schema.anyOf.map((member) => validateJson(member, value, path)[0]?.message).join(", or "));
  if (schema.if && schema.then && validateJson(schema.if, value, path).length === 0)
    violations.push(...validateJson(schema.then, value, path));
  return violations;
}

function objectViolations(schema: JsonSchema, value: Record<string, unknown>, path: string): Violation[] {
  const violations: Violation[] = [];
  for (const name of schema.required ?? [])
    if (!(name in value)) violations.push({ path, message: `"${name}" is required` });
  const properties = schema.properties ?? {};
  for (const [name, child] of Object.entries(value)) {
    const childSchema = properties[name];
    const childPath = `${path}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (childSchema) violations.push(...validateJson(childSchema, child, childPath));
    else if (schema.additionalProperties === false) {
      const known = Object.keys(properties).join(", ");
      violations.push({ path: childPath, message: `unknown field "${name}" (known: ${known})` });
    }
  }
  return violations;
}

function checkType(schema: JsonSchema, value: unknown): string | undefined {
  if (!schema.type) return undefined;
  const ok =
    schema.type === "object"
      ? isObject(value)
      : schema.type === "array"
        ? Array.isArray(value)
        : schema.type === "integer"
          ? Number.isInteger(value)
          : typeof value === schema.type;
  return ok ? undefined : `must be ${article(schema.type)} ${schema.type}, got ${describe(value)}`;
}

const article = (type: string): string => (/^[aeiou]/.test(type) ? "an" : "a");

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
