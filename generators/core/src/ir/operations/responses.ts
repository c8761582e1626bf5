import type { BuildContext, SpecOperation } from "../context";
import { deref, type Json, objectAt, pointerJoin, stringAt } from "../json";
import type { ErrorResponse, SuccessResponse } from "../types";
import { mediaKind, preferredMediaType } from "./media";

const isSuccess = (status: string) => /^2(\d\d|XX)$/i.test(status);
const isError = (status: string) => /^[45](\d\d|XX)$/i.test(status) || status === "default";

/** The `content` of the lowest 2xx response, dereferenced; undefined when there is no 2xx (naming, pagination). */
export function successContent(document: Json, spec: SpecOperation): Json | undefined {
  const responses = objectAt(spec.operation["responses"]);
  const status = Object.keys(responses).sort().find(isSuccess);
  return status ? objectAt(deref(document, responses[status], "#").node["content"]) : undefined;
}

/** The lowest 2xx response (or `default` when there is no 2xx at all), in its preferred media type. */
export function buildSuccess(
  context: BuildContext,
  spec: SpecOperation,
  methodWords: string[],
): SuccessResponse {
  const responses = objectAt(spec.operation["responses"]);
  const statuses = Object.keys(responses).sort();
  const status = statuses.find(isSuccess) ?? (statuses.includes("default") ? "default" : undefined);
  if (!status) return { status: "204", kind: "empty", headers: [] };
  const pointer = pointerJoin(spec.pointer, "responses", status);
  const { node: response, pointer: at } = deref(context.document, responses[status], pointer);
  const content = objectAt(response["content"]);
  // `text/event-stream` beside another type is the stream twin's (see stream-negotiation.ts), not the default.
  const offered = Object.keys(content);
  const plainTypes = offered.filter((candidate) => mediaKind(candidate) !== "event-stream");
  const mediaType = preferredMediaType(plainTypes.length > 0 ? plainTypes : offered);
  const headers = Object.keys(objectAt(response["headers"]))
    .map((name) => name.toLowerCase())
    .sort();
  const description = stringAt(response["description"]);
  const base = { status, headers, ...(description ? { description } : {}) };
  if (!mediaType) return { ...base, kind: "empty" };
  const kind = mediaKind(mediaType);
  const schema = objectAt(content[mediaType])["schema"];
  if (kind !== "json" && kind !== "event-stream")
    return { ...base, kind: kind === "text" ? "text" : "binary", mediaType };
  if (schema === undefined) return { ...base, kind, mediaType };
  const hint = context.models.childHint(schema, [...methodWords, kind === "json" ? "response" : "event"]);
  const type = context.models.typeOf(schema, pointerJoin(at, "content", mediaType, "schema"), hint);
  return { ...base, kind, mediaType, type };
}

/** Every 4xx / 5xx / `default` response that has a JSON schema (default only when a 2xx exists). */
export function buildErrors(
  context: BuildContext,
  spec: SpecOperation,
  methodWords: string[],
): ErrorResponse[] {
  const responses = objectAt(spec.operation["responses"]);
  const statuses = Object.keys(responses).sort();
  const hasSuccess = statuses.some(isSuccess);
  const errors: ErrorResponse[] = [];
  for (const status of statuses.filter(
    (candidate) => isError(candidate) && (candidate !== "default" || hasSuccess),
  )) {
    const { node: response, pointer } = deref(
      context.document,
      responses[status],
      pointerJoin(spec.pointer, "responses", status),
    );
    const content = objectAt(response["content"]);
    const mediaType = Object.keys(content).find((candidate) => mediaKind(candidate) === "json");
    const schema = mediaType ? objectAt(content[mediaType])["schema"] : undefined;
    if (!mediaType || schema === undefined) continue;
    const hint = context.models.childHint(schema, [...methodWords, status.toLowerCase(), "error"]);
    const type = context.models.typeOf(schema, pointerJoin(pointer, "content", mediaType, "schema"), hint);
    const description = stringAt(response["description"]);
    errors.push({ status, mediaType, type, ...(description ? { description } : {}) });
  }
  return errors;
}
