/** OpenAPI serialisation of one parameter (see testdata/wire/README.md for the bytes each produces). */
export interface Serialization {
  style?: "form" | "simple" | "label" | "matrix" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  explode?: boolean;
  /** RFC 3986 reserved characters are sent unencoded. */
  allowReserved?: boolean;
}

/**
 * A query value with a non-default serialisation (a delimited or comma-joined array, a deepObject,
 * allowReserved). Generated code wraps such values; plain values use form style with explode.
 */
export class StyledQueryValue {
  constructor(
    readonly value: unknown,
    readonly serialization: Serialization,
  ) {}
}

/** RFC 3986 percent-encoding: everything but `A-Z a-z 0-9 - . _ ~`. */
export function encodeRFC3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Like `encodeRFC3986`, but reserved characters (`:/?#[]@!$&'()*+,;=`) are kept as they are. */
function encodeAllowReserved(text: string): string {
  return encodeURI(text).replace(/%5B/g, "[").replace(/%5D/g, "]");
}

/**
 * Serialises query parameters in order: arrays repeat the key (`a=1&a=2`) unless styled, objects nest with
 * brackets (`filter%5Bstatus%5D=open`), dates become ISO 8601, `undefined`/`null` values are left out. Names
 * and values are RFC 3986 percent-encoded; a `StyledQueryValue` follows its OpenAPI style.
 */
export function serializeQuery(params: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value instanceof StyledQueryValue) appendStyled(parts, name, value.value, value.serialization);
    else
      for (const [key, text] of flattenPairs(name, value))
        parts.push(`${encodeRFC3986(key)}=${encodeRFC3986(text)}`);
  }
  return parts.join("&");
}

function appendStyled(parts: string[], name: string, value: unknown, serialization: Serialization): void {
  if (value === undefined || value === null) return;
  const encode = serialization.allowReserved ? encodeAllowReserved : encodeRFC3986;
  const style = serialization.style ?? "form";
  const explode = serialization.explode ?? style === "form";
  if (Array.isArray(value) && !(style === "form" && explode) && style !== "deepObject") {
    const delimiter = style === "pipeDelimited" ? "|" : style === "spaceDelimited" ? "%20" : ",";
    const items = value.filter((item) => item !== undefined && item !== null);
    parts.push(`${encodeRFC3986(name)}=${items.map((item) => encode(scalarText(item))).join(delimiter)}`);
  } else if (isPlainObject(value) && style === "form" && !explode) {
    const items = Object.entries(value).filter(([, item]) => item !== undefined && item !== null);
    const text = items.flatMap(([key, item]) => [encode(key), encode(scalarText(item))]).join(",");
    parts.push(`${encodeRFC3986(name)}=${text}`);
  } else {
    for (const [key, text] of flattenPairs(name, value)) parts.push(`${encodeRFC3986(key)}=${encode(text)}`);
  }
}

/**
 * `[name, text]` pairs of one value: arrays of scalars repeat `name`, objects nest as `name[key]`, arrays of
 * objects as `name[0][key]`. Shared by query strings and form bodies.
 */
export function flattenPairs(
  name: string,
  value: unknown,
  arrays: "repeat" | "brackets" = "repeat",
): [string, string][] {
  const pairs: [string, string][] = [];
  const visit = (key: string, current: unknown, nested: boolean): void => {
    if (current === undefined || current === null) return;
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        if (isPlainObject(item) || Array.isArray(item)) visit(`${key}[${index}]`, item, true);
        else visit(nested || arrays === "brackets" ? `${key}[]` : key, item, nested);
      });
    } else if (isPlainObject(current)) {
      for (const [child, item] of Object.entries(current)) visit(`${key}[${child}]`, item, true);
    } else {
      pairs.push([key, scalarText(current)]);
    }
  };
  visit(name, value, false);
  return pairs;
}

/** `[key, value]` pairs of a whole params object (form style, explode), e.g. for `buildURL`. */
export function flattenParams(params: Record<string, unknown>): [string, string][] {
  return Object.entries(params).flatMap(([name, value]) =>
    value instanceof StyledQueryValue ? flattenPairs(name, value.value) : flattenPairs(name, value),
  );
}

/** The text of a scalar on the wire: dates as ISO 8601, everything else as `String()` does. */
export function scalarText(value: unknown): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError("Invalid Date passed as a parameter");
    return value.toISOString();
  }
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** `YYYY-MM-DD` (UTC) of a Date, for `format: date` values; strings pass through. */
export function formatDateOnly(value: Date | string): string {
  if (typeof value === "string") return value;
  if (Number.isNaN(value.getTime())) throw new TypeError("Invalid Date passed as a date parameter");
  return value.toISOString().slice(0, 10);
}

/** `base` with `query` merged in (values in `query` replace same-named ones). */
export function buildURL(baseURL: string, path: string, query: Record<string, unknown>): string {
  const url = isAbsoluteURL(path) ? path : `${baseURL.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  const serialized = serializeQuery(query);
  if (!serialized) return url;
  if (!url.includes("?")) return `${url}?${serialized}`;
  const parsed = new URL(url);
  for (const key of new Set(flattenParams(query).map(([name]) => name))) parsed.searchParams.delete(key);
  const existing = parsed.searchParams.toString();
  parsed.search = existing ? `${existing}&${serialized}` : serialized;
  return parsed.toString();
}

export function isAbsoluteURL(value: string): boolean {
  return /^https?:\/\//i.test(value);
}
