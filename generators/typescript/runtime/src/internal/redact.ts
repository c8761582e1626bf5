/** Headers whose values are never logged (the transport adds its own auth header names). */
export const REDACTED_HEADERS = new Set([
  "authorization",
  "x-api-key",
  "cookie",
  "set-cookie",
  "proxy-authorization",
]);

const MASK = "***";
/** How deep `scrubValue` and `scrubError` look into nested objects and cause chains. */
const MAX_DEPTH = 5;

/** Each secret as it can appear in text: raw, URL-encoded (`%2B`) and form-encoded (`+` for spaces). */
function secretForms(secrets: readonly (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of each secret (raw or URL-encoded) in `text` with "***". */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const form of secretForms(secrets)) result = result.split(form).join(MASK);
  return result;
}

/** A plain-object copy of `headers` with secret values replaced by "***" (`extraNames`: more secret headers). */
export function redactHeaders(headers: Headers, extraNames: Iterable<string> = []): Record<string, string> {
  const names = new Set(REDACTED_HEADERS);
  for (const name of extraNames) names.add(name.toLowerCase());
  const copy: Record<string, string> = {};
  headers.forEach((value, name) => {
    copy[name] = names.has(name.toLowerCase()) ? MASK : value;
  });
  return copy;
}

/**
 * A response body (parsed JSON or text) with every secret removed at any depth; the same value when none
 * occurs. Used for the `body`/`error` of thrown errors, which `JSON.stringify` and `util.inspect` print.
 */
export function scrubBody(body: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0 || body === null || body === undefined) return body;
  if (typeof body === "string") return scrubSecrets(body, secrets);
  if (typeof body !== "object") return body;
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch {
    return scrubValue(body, secrets);
  }
  const scrubbed = scrubSecrets(text, secrets);
  return scrubbed === text ? body : (JSON.parse(scrubbed) as unknown);
}

/** A copy of response headers with every secret removed from their values; the same object when none occurs. */
export function scrubHeaders(headers: Headers, secrets: readonly string[]): Headers {
  if (secrets.length === 0) return headers;
  let changed = false;
  const copy = new Headers();
  headers.forEach((value, name) => {
    const scrubbed = scrubSecrets(value, secrets);
    if (scrubbed !== value) changed = true;
    copy.append(name, scrubbed);
  });
  return changed ? copy : headers;
}

/** A copy of a value about to be logged with the secrets removed from every string in it. */
export function scrubValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === "string") return scrubSecrets(value, secrets);
  if (value instanceof Error) return scrubError(value, secrets);
  if (value instanceof Headers) return scrubValue(redactHeaders(value), secrets, depth);
  if (typeof value !== "object" || value === null || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, secrets, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, scrubValue(item, secrets, depth + 1)]);
  return Object.fromEntries(entries);
}

/**
 * `error` with the secrets removed from its message, stack, other string fields (e.g. Node's `input` on an
 * invalid URL), `cause` chain and `errors` list. Returns the same object when nothing contained a secret;
 * otherwise a copy with the same prototype, so `instanceof` and `code` still work.
 */
export function scrubError<T>(error: T, secrets: readonly string[], depth = 0): T {
  if (secrets.length === 0 || depth >= MAX_DEPTH) return error;
  if (typeof error === "string") return scrubSecrets(error, secrets) as T;
  if (typeof error !== "object" || error === null) return error;
  let changed = false;
  const fields: PropertyDescriptorMap = {};
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (!descriptor || !("value" in descriptor)) continue;
    const original: unknown = descriptor.value;
    const scrubbed = scrubField(key, original, secrets, depth);
    if (scrubbed !== original) changed = true;
    fields[key] = { ...descriptor, value: scrubbed };
  }
  return changed ? (Object.create(Object.getPrototypeOf(error), fields) as T) : error;
}

function scrubField(
  key: string | symbol,
  value: unknown,
  secrets: readonly string[],
  depth: number,
): unknown {
  if (typeof value === "string") return scrubSecrets(value, secrets);
  if (key === "cause") return scrubError(value, secrets, depth + 1);
  if (key === "errors" && Array.isArray(value)) {
    const items = value.map((item: unknown) => scrubError(item, secrets, depth + 1));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  return value;
}
