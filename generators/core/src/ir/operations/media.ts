import type { BodyEncoding } from "../types";

/** What a media type means to an SDK. */
export type MediaKind = BodyEncoding | "event-stream";

/** Classify a media type (parameters such as `; charset=utf-8` ignored). */
export function mediaKind(mediaType: string): MediaKind {
  const type = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "text/event-stream") return "event-stream";
  if (type === "application/json" || type.endsWith("+json") || type === "text/json" || type === "*/*")
    return "json";
  if (type === "application/x-www-form-urlencoded") return "form";
  if (type.startsWith("multipart/")) return "multipart";
  if (type.startsWith("text/")) return "text";
  return "binary";
}

const PREFERENCE: MediaKind[] = ["json", "form", "multipart", "event-stream", "binary", "text"];

/** The media type an SDK should use among the offered ones: JSON first, then form, multipart, … */
export function preferredMediaType(mediaTypes: string[]): string | undefined {
  for (const kind of PREFERENCE) {
    const match = mediaTypes.find((mediaType) => mediaKind(mediaType) === kind);
    if (match) return match;
  }
  return undefined;
}
