import type { RequestSpec } from "../core/options";
import { flattenPairs, type Serialization, scalarText } from "./query";

export interface EncodedBody {
  body: BodyInit | undefined;
  /** Undefined when fetch must choose it (multipart boundary) or there is no body. */
  contentType: string | undefined;
}

/** Bytes a user can send as a binary body or a file part. */
export type Uploadable = Blob | ArrayBuffer | ArrayBufferView;

/** How a body is put on the wire; `mediaType` is sent as `Content-Type` exactly as the spec declares it. */
export type BodyEncoding = "json" | "form" | "multipart" | "text" | "binary";

/** A form or multipart field's serialisation, plus a multipart part's declared content type. */
export interface FieldSerialization extends Serialization {
  contentType?: string;
}

/**
 * A request body with its encoding, built by generated code (`buildRequest`): JSON (any `*+json` media type
 * kept), form (`application/x-www-form-urlencoded` per field style), multipart, text or raw bytes.
 */
export class RequestBody {
  constructor(
    readonly encoding: BodyEncoding,
    readonly mediaType: string,
    readonly value: unknown,
    /** Form/multipart fields with a declared serialisation, by wire name. */
    readonly fields: Readonly<Record<string, FieldSerialization>> = {},
  ) {}
}

/** Encodes a request body: a `RequestBody`, raw `BodyInit`, or a value sent as JSON (or form/multipart). */
export function encodeBody(body: unknown, bodyType: RequestSpec["bodyType"] = "json"): EncodedBody {
  if (body === undefined) return { body: undefined, contentType: undefined };
  if (body instanceof RequestBody) return encodeTyped(body);
  if (isRawBody(body)) return { body, contentType: undefined };
  switch (bodyType) {
    case "json":
      return { body: JSON.stringify(body), contentType: "application/json" };
    case "form":
      return { body: formEncode(asRecord(body, bodyType), {}), contentType: FORM };
    case "multipart":
      return { body: toFormData(asRecord(body, bodyType), {}), contentType: undefined };
    default:
      throw new TypeError(`Unknown bodyType "${String(bodyType)}"`);
  }
}

const FORM = "application/x-www-form-urlencoded";

function encodeTyped(body: RequestBody): EncodedBody {
  const { value, mediaType } = body;
  switch (body.encoding) {
    case "json":
      return { body: JSON.stringify(value), contentType: mediaType };
    case "form":
      return { body: formEncode(asRecord(value, "form"), body.fields), contentType: mediaType };
    case "multipart":
      return { body: toFormData(asRecord(value, "multipart"), body.fields), contentType: undefined };
    case "text":
      if (typeof value !== "string") throw new TypeError(`A ${mediaType} body must be a string`);
      return { body: value, contentType: mediaType };
    case "binary":
      if (!isRawBody(value) && typeof value !== "string") {
        throw new TypeError(`A ${mediaType} body must be a Blob, an ArrayBuffer or a typed array`);
      }
      return { body: isBytes(value) ? toBytes(value) : value, contentType: mediaType };
  }
}

function isRawBody(body: unknown): body is BodyInit {
  return (
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    body instanceof Blob ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body)
  );
}

function isBytes(value: unknown): value is ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function asRecord(body: unknown, bodyType: string): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new TypeError(`A ${bodyType} body must be an object of fields`);
  }
  return body as Record<string, unknown>;
}

/**
 * `application/x-www-form-urlencoded`: scalar arrays repeat the key (form) or join with `,` (form, explode
 * false) or use `key[]` (deepObject); arrays of objects are indexed (`items[0][price]`); objects and maps nest
 * with brackets (`metadata[key]`). Names and values keep `A-Z a-z 0-9 - . _ ~`, space is `+`.
 */
export function formEncode(
  fields: Record<string, unknown>,
  styles: Readonly<Record<string, FieldSerialization>>,
): string {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    const style = styles[name]?.style ?? "form";
    const explode = styles[name]?.explode ?? style === "form";
    if (Array.isArray(value) && style === "form" && !explode && !value.some(isStructured)) {
      pairs.push([
        name,
        value
          .filter((item) => item !== undefined && item !== null)
          .map(scalarText)
          .join(","),
      ]);
    } else {
      pairs.push(...flattenPairs(name, value, style === "deepObject" ? "brackets" : "repeat"));
    }
  }
  return pairs.map(([key, text]) => `${formComponent(key)}=${formComponent(text)}`).join("&");
}

function isStructured(value: unknown): boolean {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

function formComponent(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

/**
 * Multipart fields: files (Blob/File, bytes) become parts with a filename (the File's name, else the field
 * name) and a content type (the Blob's, else the spec's part type); arrays repeat the field; objects nest.
 */
function toFormData(
  fields: Record<string, unknown>,
  styles: Readonly<Record<string, FieldSerialization>>,
): FormData {
  const form = new FormData();
  const append = (key: string, value: unknown, partType: string | undefined): void => {
    if (value === undefined || value === null) return;
    if (value instanceof Blob) {
      const typed = !value.type && partType ? new Blob([value], { type: partType }) : value;
      form.append(key, typed, value instanceof File ? value.name : key);
    } else if (isBytes(value)) {
      form.append(key, new Blob([toBytes(value)], { type: partType ?? "application/octet-stream" }), key);
    } else if (Array.isArray(value)) for (const item of value) append(key, item, partType);
    else if (value instanceof Date) form.append(key, value.toISOString());
    else if (typeof value === "object")
      for (const [child, item] of Object.entries(value)) append(`${key}[${child}]`, item, undefined);
    else form.append(key, String(value));
  };
  for (const [key, value] of Object.entries(fields)) append(key, value, styles[key]?.contentType);
  return form;
}

function toBytes(value: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  const copy = new Uint8Array(value.byteLength);
  copy.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  return copy;
}
