import type { Problem } from "../problem";

/**
 * Which structural problems stop generation. JSON Schema 2020-12 ignores keywords it does not know and peers
 * (hey-api, openapi-typescript) generate from such documents, so inside a schema or a vendor extension every
 * structural complaint is a warning: `nullable`, `min_items`, `$recursiveRef`, `exclusiveMinimum: true`,
 * `type: null`. Outside schemas an unknown property is a warning too; a missing required field, a wrong value
 * type or an unknown enum value (`in: nowhere`) makes a correct SDK impossible and stays an error.
 * `strict` keeps every structural problem an error.
 */
export function structuralSeverity(problem: Problem, strict: boolean): Problem["severity"] {
  if (strict || problem.rule !== "struct") return problem.severity;
  const segments = problem.pointer.split("/").slice(1);
  if (insideSchemaOrExtension(segments)) return "warning";
  if (/^Property `.*` is not expected here\.?$/.test(problem.message)) return "warning";
  return "error";
}

function insideSchemaOrExtension(segments: string[]): boolean {
  return segments.some(
    (segment, index) =>
      segment === "schema" ||
      segment.startsWith("x-") ||
      (segment === "schemas" && segments[index - 1] === "components"),
  );
}
