import { buildIR, type IR, normalizeDocument, type Operation } from "../../src/index";

/** IR of an in-memory spec, through the same normalise + build path as a file (validation skipped). */
export function irOf(document: Record<string, unknown>): IR {
  const copy = structuredClone(document);
  return buildIR({
    file: "test.yaml",
    openapi: String(copy["openapi"]),
    sha256: "0",
    document: normalizeDocument(copy),
  });
}

/** A minimal 3.1 document around `paths` (and optional components / extra root fields). */
export function spec(
  paths: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { openapi: "3.1.0", info: { title: "Test API", version: "1" }, paths, ...extra };
}

/** The operations of an IR, by id. */
export function operations(ir: IR): Record<string, Operation> {
  return Object.fromEntries(ir.resources.flatMap((resource) => resource.operations).map((op) => [op.id, op]));
}

/** `{ description, content: { application/json: { schema } } }`. */
export const jsonResponse = (schema: unknown) => ({
  description: "ok",
  content: { "application/json": { schema } },
});

/** A query parameter with a schema. */
export const query = (name: string, type = "string") => ({ name, in: "query", schema: { type } });

/** Walk plain JSON by keys (test convenience for untyped documents). */
export function at(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}
