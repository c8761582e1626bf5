import { deref, type JsonSchema, loadSpec } from "./load";
import { compileSpecSchema } from "./validator";

/**
 * Strict conformance: an object may only carry the properties its schema declares, unless the schema
 * declares `additionalProperties`/`patternProperties` itself. JSON Schema allows extra keys by default, so a
 * plain validation would let a stray field (say `deleted: true` on a bot) through.
 */

/** The schema and every `allOf` part, plus the `oneOf`/`anyOf` branches the value actually matches. */
function applicableParts(schema: JsonSchema, value: unknown): JsonSchema[] {
  const resolved = deref<JsonSchema>(loadSpec(), schema);
  const parts = [resolved];
  for (const part of (resolved.allOf as JsonSchema[] | undefined) ?? [])
    parts.push(...applicableParts(part, value));
  for (const keyword of ["oneOf", "anyOf"] as const) {
    for (const branch of (resolved[keyword] as JsonSchema[] | undefined) ?? []) {
      if (compileSpecSchema(branch)(value)) parts.push(...applicableParts(branch, value));
    }
  }
  return parts;
}

function declaresOpenObject(part: JsonSchema): boolean {
  const extra = part.additionalProperties ?? part.unevaluatedProperties;
  return (extra !== undefined && extra !== false) || part.patternProperties !== undefined;
}

function declaresObject(part: JsonSchema): boolean {
  return part.properties !== undefined || [part.type].flat().includes("object");
}

function objectIssues(parts: JsonSchema[], value: Record<string, unknown>, path: string): string[] {
  const open = parts.some(declaresOpenObject);
  const closed = parts.some(declaresObject);
  const issues: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const schemas = parts.flatMap((part) => {
      const property = (part.properties as Record<string, JsonSchema> | undefined)?.[key];
      if (property) return [property];
      const extra = part.additionalProperties;
      return extra && typeof extra === "object" ? [extra as JsonSchema] : [];
    });
    if (schemas.length === 0 && closed && !open) issues.push(at);
    for (const schema of schemas) issues.push(...undeclaredProperties(schema, child, at));
  }
  return issues;
}

/** Dotted paths of every property in `value` that `schema` does not declare (empty when strictly conforming). */
export function undeclaredProperties(schema: JsonSchema, value: unknown, path = ""): string[] {
  if (value === null || typeof value !== "object") return [];
  const parts = applicableParts(schema, value);
  if (Array.isArray(value)) {
    const itemSchemas = parts.flatMap((part) => (part.items ? [part.items as JsonSchema] : []));
    return value.flatMap((item, index) =>
      itemSchemas.flatMap((items) => undeclaredProperties(items, item, `${path}[${index}]`)),
    );
  }
  return [...new Set(objectIssues(parts, value as Record<string, unknown>, path))];
}
