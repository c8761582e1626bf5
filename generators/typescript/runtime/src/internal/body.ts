import type { RequestSpec } from "../core/options";
import { flattenParams } from "./query";

export interface EncodedBody {
  body: BodyInit | undefined;
  /** Undefined when fetch must choose it (multipart boundary) or there is no body. */
  contentType: string | undefined;
}

/** Encodes a request body as JSON, `application/x-www-form-urlencoded` or `multipart/form-data`. */
export function encodeBody(body: unknown, bodyType: RequestSpec["bodyType"] = "json"): EncodedBody {
  if (body === undefined) return { body: undefined, contentType: undefined };
  if (isRawBody(body)) return { body, contentType: undefined };
  switch (bodyType) {
    case "json":
      return { body: JSON.stringify(body), contentType: "application/json" };
    case "form":
      return {
        body: new URLSearchParams(flattenParams(asRecord(body, bodyType))).toString(),
        contentType: FORM,
      };
    case "multipart":
      return { body: toFormData(asRecord(body, bodyType)), contentType: undefined };
    default:
      throw new TypeError(`Unknown bodyType "${String(bodyType)}"`);
  }
}

const FORM = "application/x-www-form-urlencoded";

function isRawBody(body: unknown): body is BodyInit {
  return (
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    body instanceof Blob ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body)
  );
}

function asRecord(body: unknown, bodyType: string): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new TypeError(`A ${bodyType} body must be an object of fields`);
  }
  return body as Record<string, unknown>;
}

/** Files (Blob/File, bytes) become parts with a filename; arrays repeat the field; objects use brackets. */
function toFormData(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  const append = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (value instanceof Blob) form.append(key, value, value instanceof File ? value.name : key);
    else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value))
      form.append(key, new Blob([toBytes(value)]), key);
    else if (Array.isArray(value)) for (const item of value) append(key, item);
    else if (value instanceof Date) form.append(key, value.toISOString());
    else if (typeof value === "object")
      for (const [child, v] of Object.entries(value)) append(`${key}[${child}]`, v);
    else form.append(key, String(value));
  };
  for (const [key, value] of Object.entries(fields)) append(key, value);
  return form;
}

function toBytes(value: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  const copy = new Uint8Array(value.byteLength);
  copy.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  return copy;
}
