import { type JsonSchema, loadSpec } from "../spec/load";
import { undeclaredProperties } from "../spec/strict";
import { compileSpecSchema } from "../spec/validator";

type Example = Record<string, unknown>;

function isResource(value: unknown): value is Example & { id: string; object: string } {
  const candidate = value as Example | null;
  return (
    !!candidate &&
    typeof candidate === "object" &&
    typeof candidate.id === "string" &&
    typeof candidate.object === "string"
  );
}

/** Every object with `id` and `object` found (at any depth) in an example value. */
function collectResources(value: unknown, found: Example[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectResources(item, found);
  } else if (value && typeof value === "object") {
    if (isResource(value)) found.push(value);
    for (const child of Object.values(value)) collectResources(child, found);
  }
}

/** Example values of the spec, in document order: `example`, `examples: [..]` and `examples: {name: {value}}`. */
function exampleValues(node: unknown, values: unknown[] = []): unknown[] {
  if (Array.isArray(node)) {
    for (const item of node) exampleValues(item, values);
  } else if (node && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) {
      if (key === "example") values.push(child);
      else if (key === "examples" && Array.isArray(child)) values.push(...child);
      else if (key === "examples" && child && typeof child === "object") {
        values.push(...Object.values(child).map((entry) => (entry as { value?: unknown }).value));
      } else exampleValues(child, values);
    }
  }
  return values;
}

/**
 * The spec's example records of `schemaName`, merged by id (the first example to set a field wins). An
 * example counts only when its `object` is `objectType` and it carries no property outside the schema, so a
 * `DeletedBot` example (same id and `object`, plus `deleted`) never leaks into the bot. `complete` may fill
 * defaults before the merged record is kept, which happens only when it validates against the schema.
 */
export function specExamples<T>(
  objectType: string,
  schemaName: string,
  complete: (record: Example) => Example = (record) => record,
): T[] {
  const key = `${objectType} ${schemaName}`;
  let records = computed.get(key);
  if (!records) {
    records = collectExamples(objectType, schemaName, complete);
    computed.set(key, records);
  }
  // Every seed gets its own copy: handlers mutate stored records.
  return structuredClone(records) as T[];
}

/** The spec never changes while the process runs: examples are collected once per resource. */
const computed = new Map<string, Example[]>();

function collectExamples(
  objectType: string,
  schemaName: string,
  complete: (record: Example) => Example,
): Example[] {
  const schema = { $ref: `#/components/schemas/${schemaName}` } as JsonSchema;
  const found: Example[] = [];
  collectResources(exampleValues(loadSpec()), found);
  const merged = new Map<string, Example>();
  for (const record of found) {
    if (record.object !== objectType || undeclaredProperties(schema, record).length > 0) continue;
    merged.set(record.id as string, { ...structuredClone(record), ...merged.get(record.id as string) });
  }
  const validate = compileSpecSchema(schema);
  return [...merged.values()].map(complete).filter((record) => validate(record));
}
