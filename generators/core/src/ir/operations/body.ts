import type { BuildContext, SpecOperation } from "../context";
import { deref, objectAt, pointerJoin, stringAt } from "../json";
import type { RequestBody, TypeRef } from "../types";
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
  return {
    encoding: encoding === "event-stream" ? "text" : encoding,
    mediaType,
    mediaTypes,
    type,
    required: body["required"] === true,
    ...(description ? { description } : {}),
  };
}
