import { describe, expect, it } from "vitest";
import {
  componentName,
  createSchemaValidator,
  deref,
  isSuccessStatus,
  jsonPointer,
  type MediaEntry,
  namedExamples,
  operationMedia,
  parseEventStream,
} from "../src/index";
import { doc, operations, webhookOperations } from "./support/spec";

const validator = createSchemaValidator(doc);
const { schemas } = doc.components;

/** Every media type of every operation and webhook, each resolved object once (shared error responses too). */
function allMedia(): MediaEntry[] {
  const seen = new Set<object>();
  return [...operations, ...webhookOperations]
    .flatMap((entry) => operationMedia(doc, entry))
    .filter((entry) => {
      const isNew = !seen.has(entry.media);
      seen.add(entry.media);
      return isNew;
    });
}

const media = allMedia();
const jsonMedia = media.filter((entry) => entry.mediaType === "application/json");
const documentedJson = jsonMedia
  .filter((entry) => entry.status === "request" || isSuccessStatus(entry.status))
  .map((entry) => [entry.location, entry] as const);
const namedJsonExamples = jsonMedia.flatMap((entry) =>
  namedExamples(doc, entry.media).map(
    ([name, example]) => [`${entry.location} “${name}”`, entry, example] as const,
  ),
);
const schemaExamples = Object.entries(schemas).flatMap(([name, schema]) =>
  (Array.isArray(schema.examples) ? schema.examples : []).map(
    (value, index) => [`${name}[${index}]`, name, value] as const,
  ),
);
const parameterAndHeaderSchemas = (["parameters", "headers"] as const).flatMap((kind) =>
  Object.entries(doc.components[kind]).map(
    ([name, holder]) =>
      [
        `${kind}/${name}`,
        jsonPointer("components", kind, name, "schema"),
        deref(doc, holder.schema ?? {}),
      ] as const,
  ),
);

describe("examples", () => {
  it.each(documentedJson)("%s has named examples and a component schema", (_, entry) => {
    expect(Object.keys(entry.media.examples ?? {}).length).toBeGreaterThan(0);
    expect(componentName(entry.media.schema, "schemas")).toBeDefined();
  });

  it.each(namedJsonExamples)("%s validates against its schema", (_, entry, example) => {
    expect(validator.errorsFor(entry.media.schema!.$ref as string, example.value)).toEqual([]);
  });

  it.each(schemaExamples)("schema example %s validates", (_, name, value) => {
    expect(validator.errorsFor(jsonPointer("components", "schemas", name), value)).toEqual([]);
  });

  it.each(parameterAndHeaderSchemas)("%s schema has examples that validate", (_, pointer, schema) => {
    const examples = Array.isArray(schema.examples) ? schema.examples : [];
    expect(examples.length).toBeGreaterThan(0);
    for (const value of examples) expect(validator.errorsFor(pointer, value)).toEqual([]);
  });

  it("gives every schema examples, or shows it through a media type with examples", () => {
    const shown = new Set(
      media
        .filter((entry) => Object.keys(entry.media.examples ?? {}).length > 0)
        .map((entry) => componentName(entry.media.schema, "schemas")),
    );
    // An event stream's body is text; its events (x-embott-streaming.events) are shown by the stream's example,
    // which the sendMessage tests below validate event by event.
    for (const entry of operations) {
      const events = (entry.operation["x-embott-streaming"] as { events?: string } | undefined)?.events;
      if (events) shown.add(componentName({ $ref: events }, "schemas"));
    }
    const bare = Object.entries(schemas)
      .filter(([name, schema]) => !Array.isArray(schema.examples) && !shown.has(name))
      .map(([name]) => name);
    expect(bare).toEqual([]);
  });

  it("rejects an example that breaks its schema (the checks above can fail)", () => {
    const [bot] = schemas.Bot!.examples as Record<string, unknown>[];
    const broken = { ...bot, status: "deleted", created_at: "yesterday" };
    expect(validator.errorsFor("#/components/schemas/Bot", broken)).toEqual([
      "/status must be equal to one of the allowed values",
      '/created_at must match format "date-time"',
    ]);
  });
});

describe("the sendMessage event-stream example", () => {
  const stream = media.find((entry) => entry.mediaType === "text/event-stream")!;
  const firstExample = namedExamples(doc, stream.media)[0]?.[1];
  const events = parseEventStream(String(firstExample?.value));

  it("is a stream of MessageStreamEvents named after their type", () => {
    expect(events.length).toBeGreaterThan(2);
    for (const event of events) {
      const data: unknown = JSON.parse(event.data);
      expect(validator.errorsFor("#/components/schemas/MessageStreamEvent", data)).toEqual([]);
      expect(event.event).toBe((data as { type: string }).type);
    }
  });

  it("starts with message.started, streams deltas and ends with message.completed", () => {
    const names = events.map((event) => event.event);
    expect(names[0]).toBe("message.started");
    expect(names.at(-1)).toBe("message.completed");
    expect(names.slice(1, -1).every((name) => name === "message.delta")).toBe(true);
  });
});
