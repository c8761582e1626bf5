import { type Document, getLineColLocation, makeDocumentFromString } from "@redocly/openapi-core";
import type { Problem } from "./problem";

/** OpenAPI versions the generator understands. */
export const SUPPORTED_VERSION = /^3\.[01]\.\d+$/;

const EXPECTED = 'expected "3.0.x" or "3.1.x"';

/**
 * Check the root `openapi` field before the validator sees the document (Redocly throws on versions it does not
 * know). Returns the version, or a problem located at `#/openapi` (or the document root when it is missing).
 * A document that does not parse yields `undefined` version and no problem: the validator reports the syntax.
 * A supported one comes with the parsed `document`, which the validator reuses instead of parsing it again.
 */
export function checkOpenApiVersion(
  text: string,
  absolutePath: string,
  displayPath: string,
): { version?: string; problem?: Problem; document?: Document } {
  let document: ReturnType<typeof makeDocumentFromString>;
  try {
    document = makeDocumentFromString(text, absolutePath);
  } catch {
    return {};
  }
  const root = document.parsed;
  const at = (pointer: string, message: string): { problem: Problem } => {
    const exists = pointer === "#" || (isMapping(root) && pointer.slice(2) in root);
    const start = exists
      ? getLineColLocation({ source: document.source, pointer, reportOnKey: false }).start
      : { line: 1, col: 1 };
    return {
      problem: { severity: "error", file: displayPath, ...start, pointer, message, rule: "openapi-version" },
    };
  };
  if (!isMapping(root)) return at("#", "not an OpenAPI document: the root must be a mapping");
  const version = root["openapi"];
  if (version === undefined) {
    if (root["swagger"] !== undefined)
      return at("#/swagger", `Swagger ${String(root["swagger"])} is not supported; ${EXPECTED} in "openapi"`);
    return at("#/openapi", `the "openapi" field is missing; ${EXPECTED}`);
  }
  if (typeof version !== "string")
    return at("#/openapi", `"openapi" must be a quoted string, got ${JSON.stringify(version)}; ${EXPECTED}`);
  if (!SUPPORTED_VERSION.test(version))
    return at("#/openapi", `unsupported OpenAPI version "${version}"; ${EXPECTED}`);
  return { version, document };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
