import { isJsonObject } from "./json";
import type { OpenApiDocument, RefObject } from "./types";

/** A `$ref` that is not a local JSON pointer or points at nothing. */
export class SpecRefError extends Error {
  override name = "SpecRefError";
}

export function isRef(value: unknown): value is RefObject {
  return isJsonObject(value) && typeof value.$ref === "string";
}

/** Follows a local `#/…` JSON pointer (RFC 6901) inside the document. */
export function resolvePointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new SpecRefError(`Only local refs are supported: ${ref}`);
  let node: unknown = doc;
  for (const token of ref.slice(2).split("/")) {
    const key = token.replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isJsonObject(node) || !(key in node)) throw new SpecRefError(`Unresolvable ref: ${ref}`);
    node = node[key];
  }
  return node;
}

/** Returns the value itself, or what its (possibly chained) `$ref` points at. */
export function deref<T>(doc: OpenApiDocument, value: T | RefObject): T {
  const seen = new Set<string>();
  let current: unknown = value;
  while (isRef(current)) {
    if (seen.has(current.$ref)) throw new SpecRefError(`Circular ref: ${current.$ref}`);
    seen.add(current.$ref);
    current = resolvePointer(doc, current.$ref);
  }
  return current as T;
}

/** Name of the component a `#/components/<kind>/<Name>` ref points at, else undefined. */
export function componentName(value: unknown, kind: string): string | undefined {
  const prefix = `#/components/${kind}/`;
  return isRef(value) && value.$ref.startsWith(prefix) ? value.$ref.slice(prefix.length) : undefined;
}

/** Every `$ref` string anywhere under `node`. */
export function collectRefs(node: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into);
  } else if (isJsonObject(node)) {
    for (const [key, child] of Object.entries(node)) {
      if (key === "$ref" && typeof child === "string") into.add(child);
      else collectRefs(child, into);
    }
  }
  return into;
}
