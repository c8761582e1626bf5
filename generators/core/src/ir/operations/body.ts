import type { BuildContext, SpecOperation } from "../context";
import { deref, isObject, objectAt, pointerJoin, stringAt } from "../json";
import type { FieldEncoding, RequestBody, TypeRef } from "../types";
import { mediaKind, preferredMediaType } from "./media";

const BINARY: TypeRef = { kind: "primitive", type: "string", format: "binary" };

/** The request body in its preferred encoding, or undefined when the operation takes none. */
export function buildBody(
  context: BuildContext,
  spec: SpecOperation,
  methodWords: string[],
): RequestBody | undefined {
  if (!("requestBody" in spec.operation)) return undefined;
  const { node: body, pointer } = deref(
    context.document,
    spec.operation["requestBody"],
    pointerJoin(spec.pointer, "requestBody"),
  );
  const content = objectAt(body["content"]);
  const mediaTypes = Object.keys(content);
  const mediaType = preferredMediaType(mediaTypes);
  if (!mediaType) return undefined;
  const encoding = mediaKind(mediaType);
  const schema = objectAt(content[mediaType])["schema"];
  const schemaPointer = pointerJoin(pointer, "content", mediaType, "schema");
  const hint = context.models.childHint(schema, [...methodWords, "request"]);
  const type =
    schema === undefined && encoding === "binary"
      ? BINARY
      : context.models.typeOf(schema, schemaPointer, hint);
  const description = stringAt(body["description"]);
  const fieldEncodings = fieldEncodingsOf(objectAt(content[mediaType])["encoding"]);
  return {
    encoding: encoding === "event-stream" ? "text" : encoding,
    mediaType,
    mediaTypes,
    type,
    required: body["required"] === true,
    ...(fieldEncodings ? { fieldEncodings } : {}),
    ...(description ? { description } : {}),
  };
}

/** The media type's `encoding` object (form and multipart bodies), by field name. */
function fieldEncodingsOf(raw: unknown): Record<string, FieldEncoding> | undefined {
  const entries = Object.entries(objectAt(raw)).filter(([, value]) => isObject(value));
  if (entries.length === 0) return undefined;
  const result: Record<string, FieldEncoding> = {};
  for (const [field, value] of entries) {
    const entry = objectAt(value);
    const style = stringAt(entry["style"]);
    const contentType = stringAt(entry["contentType"]);
    result[field] = {
      ...(style ? { style } : {}),
      ...(typeof entry["explode"] === "boolean" ? { explode: entry["explode"] } : {}),
      ...(entry["allowReserved"] === true ? { allowReserved: true as const } : {}),
      ...(contentType ? { contentType } : {}),
    };
  }
  return result;
}
