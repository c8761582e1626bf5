import { splitWords } from "../../naming/words";
import type { BuildContext, SpecOperation } from "../context";
import { deref, objectAt, pointerJoin } from "../json";
import { responseFields } from "../pagination/response-fields";
import type { Name, Operation, Streaming } from "../types";
import { mediaKind } from "./media";
import type { StreamingExtension } from "./streaming";

/** Body fields that switch a response to server-sent events, by preference. */
const BOOLEAN_FLAGS = ["stream", "streaming"];
/** Enum values that select server-sent events (`stream_format: sse`). */
const STREAM_VALUES = ["sse", "event-stream", "text/event-stream", "stream", "streaming"];

/**
 * Streaming found by content negotiation, without `x-embott-streaming`: the success response offers
 * `text/event-stream` next to another media type. The plain method keeps the other type (JSON, or binary such
 * as audio, returned as bytes); a twin `<method>Stream` answers the events, typed from the event-stream schema.
 * The twin selects the stream through a boolean body field (`stream: true`) or an enum field documenting an
 * SSE value (`stream_format: sse`), else only through its `Accept: text/event-stream` header.
 */
export function negotiatedStream(
  context: BuildContext,
  spec: SpecOperation,
  plain: Operation,
  hint: string[],
): StreamingExtension | undefined {
  if (plain.response.kind === "event-stream" || plain.response.kind === "empty") return undefined;
  const responses = objectAt(spec.operation["responses"]);
  const status = plain.response.status;
  const { node: response, pointer } = deref(
    context.document,
    responses[status],
    pointerJoin(spec.pointer, "responses", status),
  );
  const content = objectAt(response["content"]);
  const mediaType = Object.keys(content).find((candidate) => mediaKind(candidate) === "event-stream");
  if (!mediaType) return undefined;
  const declared = objectAt(content[mediaType])["schema"];
  const named = untyped(declared) ? namedEventSchema(context, plain) : undefined;
  const schema = named ?? declared;
  const methodWords = plain.name.words;
  const events =
    schema === undefined
      ? undefined
      : context.models.typeOf(
          schema,
          pointerJoin(pointer, "content", mediaType, "schema"),
          context.models.childHint(schema, [...hint, "stream", "event"]),
        );
  const method: Name = { raw: `${plain.name.raw}Stream`, words: [...methodWords, "stream"] };
  const streaming: Streaming = { ...flagOf(context, spec), ...(events ? { events } : {}), negotiated: true };
  return { method, streaming };
}

/** No schema, or one that says only "a string" (each SSE `data:` line): not a usable event type. */
function untyped(schema: unknown): boolean {
  const node = objectAt(schema);
  return (
    schema === undefined || (node["type"] === "string" && !("$ref" in node)) || Object.keys(node).length === 0
  );
}

/** Suffixes of a component named for an operation's stream events (`CreateChatCompletionStreamResponse`). */
const EVENT_SUFFIXES = [
  ["stream", "response"],
  ["stream", "event"],
  ["stream", "chunk"],
  ["chunk"],
  ["event"],
];

/** A component schema named for the operation's stream events, as a $ref. */
function namedEventSchema(context: BuildContext, plain: Operation): { $ref: string } | undefined {
  const base = splitWords(plain.operationId ?? plain.name.raw);
  const schemas = Object.keys(objectAt(objectAt(context.document["components"])["schemas"]));
  const byWords = new Map(schemas.map((name) => [splitWords(name).join(" "), name]));
  for (const suffix of EVENT_SUFFIXES) {
    const name = byWords.get([...base, ...suffix].join(" "));
    if (name) return { $ref: pointerJoin("#/components/schemas", name) };
  }
  return undefined;
}

/** The body field the twin sets, and the value it sets it to. */
function flagOf(context: BuildContext, spec: SpecOperation): Pick<Streaming, "flag" | "flagValue"> {
  const body = deref(context.document, spec.operation["requestBody"], "#").node;
  const content = objectAt(body["content"]);
  const json = Object.keys(content).find((candidate) => mediaKind(candidate) === "json");
  if (!json) return {};
  const fields = responseFields(context.document, objectAt(content[json])["schema"], 1);
  for (const name of BOOLEAN_FLAGS) {
    const field = fields.find(
      (candidate) => candidate.path === name && candidate.schema["type"] === "boolean",
    );
    if (field) return { flag: field.path, flagValue: true };
  }
  for (const field of fields) {
    const values = Array.isArray(field.schema["enum"]) ? field.schema["enum"] : [];
    const value = STREAM_VALUES.find((candidate) => values.includes(candidate));
    if (value) return { flag: field.path, flagValue: value };
  }
  return {};
}
