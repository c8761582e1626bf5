/** Small helpers for reading untyped OpenAPI JSON safely. */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `value` if it is an object, else an empty object. */
export const objectAt = (value: unknown): Json => (isObject(value) ? value : {});

/** `value` if it is an array, else an empty array. */
export const arrayAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** `value` if it is a non-empty string, else undefined. */
export const stringAt = (value: unknown): string | undefined =>
  typeof value === "string" && value.length > 0 ? value : undefined;

/** Escape one JSON pointer segment (RFC 6901). */
export const escapePointer = (segment: string): string => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/** Append segments to a JSON pointer such as "#/paths". */
export const pointerJoin = (base: string, ...segments: (string | number)[]): string =>
  [base, ...segments.map((segment) => escapePointer(String(segment)))].join("/");

/** Resolve an internal "#/a/b" pointer in `document`; undefined when it does not exist. */
export function resolvePointer(document: Json, pointer: string): unknown {
  if (!pointer.startsWith("#")) return undefined;
  const segments = pointer.slice(1).split("/").filter(Boolean);
  let node: unknown = document;
  for (const segment of segments) {
    const key = decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

/** Follow a chain of `$ref`s (objects only); returns the target and its pointer. */
export function deref(document: Json, node: unknown, pointer: string): { node: Json; pointer: string } {
  let current = node;
  let at = pointer;
  for (let hops = 0; hops < 32 && isObject(current) && typeof current["$ref"] === "string"; hops++) {
    at = current["$ref"] as string;
    current = resolvePointer(document, at);
  }
  return { node: objectAt(current), pointer: at };
}
