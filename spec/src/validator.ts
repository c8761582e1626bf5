import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { OpenApiDocument } from "./types";

const SPEC_ID = "https://api.embott.com/v1/openapi.yaml";

export interface SchemaValidator {
  /**
   * Validation errors of `value` against the schema at a local JSON pointer of the document
   * (e.g. "#/components/schemas/Bot" or "#/components/headers/RetryAfter/schema"); empty when valid.
   */
  errorsFor(pointer: string, value: unknown): string[];
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`);
}

/** Builds a local JSON pointer (RFC 6901) from unescaped segments, e.g. a path template. */
export function jsonPointer(...segments: string[]): string {
  return `#/${segments.map((segment) => segment.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;
}

/**
 * JSON Schema 2020-12 validation (with formats) against schemas of the document. The whole document is
 * registered so that `#/components/...` refs resolve exactly as they do in the spec.
 */
export function createSchemaValidator(doc: OpenApiDocument): SchemaValidator {
  // strict: false: the document root and OpenAPI's `discriminator` are not JSON Schema keywords.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: SPEC_ID });
  const compiled = new Map<string, ValidateFunction>();
  return {
    errorsFor(pointer, value) {
      let validate = compiled.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
        compiled.set(pointer, validate);
      }
      return validate(value) ? [] : describe(validate.errors);
    },
  };
}
