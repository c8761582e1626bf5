import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { type JsonSchema, loadSpec } from "./load";

const SPEC_ID = "embott-spec";

/** One schema violation, phrased for the API error envelope. */
export interface SchemaIssue {
  code: "parameter_missing" | "parameter_unknown" | "parameter_invalid";
  /** Dotted location of the offending field (`persona.tone`, `limit`), null for the whole value. */
  param: string | null;
  message: string;
}

let ajv: Ajv2020 | undefined;
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function getAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats.default(ajv);
    for (const format of ["int32", "int64", "float", "double", "password"]) ajv.addFormat(format, true);
    ajv.addSchema(loadSpec() as unknown as JsonSchema, SPEC_ID);
  }
  return ajv;
}

/** Rewrites the spec's local `#/…` references so they resolve against the registered spec document. */
function anchorReferences(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(anchorReferences);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === "$ref" && typeof value === "string" && value.startsWith("#/")
        ? `${SPEC_ID}${value}`
        : anchorReferences(value),
    ]),
  );
}

/** Compiles (once) a schema taken from the spec; references inside it resolve against the whole spec. */
export function compileSpecSchema(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = getAjv().compile(anchorReferences(schema) as JsonSchema);
    compiled.set(schema, validate);
  }
  return validate;
}

function joinPath(prefix: string | null, instancePath: string, child?: string): string | null {
  const segments = instancePath.split("/").filter(Boolean);
  if (child !== undefined) segments.push(child);
  const parts = prefix ? [prefix, ...segments] : segments;
  return parts.length ? parts.join(".") : null;
}

/** Converts Ajv's first error into a field-level issue. `root` names the value (a parameter name or null for a body). */
export function describeIssue(error: ErrorObject, root: string | null): SchemaIssue {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required") {
    const param = joinPath(root, error.instancePath, String(params.missingProperty));
    return { code: "parameter_missing", param, message: `Missing required parameter: ${param}.` };
  }
  if (error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties") {
    const extra = String(params.additionalProperty ?? params.unevaluatedProperty);
    const param = joinPath(root, error.instancePath, extra);
    return { code: "parameter_unknown", param, message: `Received unknown parameter: ${param}.` };
  }
  const param = joinPath(root, error.instancePath);
  return {
    code: "parameter_invalid",
    param,
    message: `Invalid ${param ?? "request body"}: ${error.message}.`,
  };
}

/** Validates a value against a spec schema; returns the first issue or null when the value conforms. */
export function checkAgainstSchema(
  schema: JsonSchema,
  value: unknown,
  root: string | null,
): SchemaIssue | null {
  const validate = compileSpecSchema(schema);
  if (validate(value)) return null;
  const [first] = validate.errors ?? [];
  return first
    ? describeIssue(first, root)
    : { code: "parameter_invalid", param: root, message: "Invalid value." };
}
