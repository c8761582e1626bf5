import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The parts of an OpenAPI 3.1 document the mock reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, JsonSchema> };
  webhooks?: Record<
    string,
    { post?: { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } }
  >;
  "x-embott-webhook-signature"?: { header?: string; tolerance?: number };
  [key: string]: unknown;
}

export type JsonSchema = Record<string, unknown>;

/**
 * The spec: the copy tsup puts next to the built module (`dist/openapi.yaml`) in the published package,
 * else the repository's `spec/openapi.yaml` (running from `src` in the workspace).
 */
export const SPEC_PATH = [
  new URL("./openapi.yaml", import.meta.url),
  new URL("../../../../spec/openapi.yaml", import.meta.url),
]
  .map((url) => fileURLToPath(url))
  .find((path) => existsSync(path)) as string;

let cached: OpenApiDocument | undefined;

/** Parses `spec/openapi.yaml` once per process. */
export function loadSpec(): OpenApiDocument {
  if (!cached) {
    if (!SPEC_PATH)
      throw new Error("@embott/mock: openapi.yaml not found next to the module or in the repository");
    const document = parse(readFileSync(SPEC_PATH, "utf8")) as OpenApiDocument;
    if (!document || typeof document.paths !== "object") {
      throw new Error(`${SPEC_PATH} is not an OpenAPI document (no "paths")`);
    }
    cached = document;
  }
  return cached;
}

/** Resolves a local `#/...` JSON pointer inside the spec. */
export function resolvePointer<T = unknown>(document: OpenApiDocument, ref: string): T {
  if (!ref.startsWith("#/")) throw new Error(`Only local references are supported, got ${ref}`);
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    node = (node as Record<string, unknown> | undefined)?.[key];
    if (node === undefined) throw new Error(`Unresolvable reference ${ref}`);
  }
  return node as T;
}

/** Follows `$ref` chains (parameters, request bodies, responses) until a concrete object. */
export function deref<T>(document: OpenApiDocument, node: T | { $ref: string }): T {
  let current: unknown = node;
  for (let depth = 0; depth < 20; depth++) {
    const ref = (current as { $ref?: unknown } | undefined)?.$ref;
    if (typeof ref !== "string") return current as T;
    current = resolvePointer(document, ref);
  }
  throw new Error("Reference chain too deep");
}
