/**
 * Serialises query parameters: arrays repeat the key (`a=1&a=2`), dates become ISO 8601, nested objects use
 * brackets (`filter[status]=open`), and `undefined`/`null` values are left out.
 */
export function serializeQuery(params: Record<string, unknown>): string {
  return flattenParams(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join("&");
}

/** `[key, value]` pairs for query strings and form bodies. */
export function flattenParams(params: Record<string, unknown>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(params)) appendPairs(pairs, key, value);
  return pairs;
}

function appendPairs(pairs: [string, string][], key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendPairs(pairs, key, item);
  } else if (value instanceof Date) {
    pairs.push([key, value.toISOString()]);
  } else if (typeof value === "object") {
    for (const [child, childValue] of Object.entries(value))
      appendPairs(pairs, `${key}[${child}]`, childValue);
  } else {
    pairs.push([key, String(value)]);
  }
}

/** `YYYY-MM-DD` (UTC) for parameters declared `format: date`; generated code calls it for Date inputs. */
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
