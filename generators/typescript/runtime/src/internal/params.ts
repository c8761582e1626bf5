import { InvalidParameterError } from "../core/error";
import type { HttpMethod, RequestSpec } from "../core/options";
import { type BodyEncoding, type FieldSerialization, RequestBody } from "./body";
import { encodePath } from "./path";
import { encodeRFC3986, formatDateOnly, StyledQueryValue, scalarText } from "./query";

/** Where one flat param goes and how it is written; generated code prints one per param. */
export interface ParamTemplate extends FieldSerialization {
  in: "path" | "query" | "header" | "cookie" | "body";
  /** Name on the wire. */
  name: string;
  required?: boolean;
  /** `date`: a `Date` value is sent as `YYYY-MM-DD` (other dates go as full ISO 8601). */
  format?: "date";
}

/** Everything `buildRequest` needs to turn one method's flat params into a request. */
export interface RequestTemplate {
  /** How the method is called, for messages: `client.bots.create`. */
  call: string;
  method: HttpMethod;
  /** Path template with `{wire_name}` placeholders. */
  path: string;
  /** Flat params by the key the user writes. */
  params: Readonly<Record<string, ParamTemplate>>;
  body?: {
    encoding: BodyEncoding;
    /** Sent as `Content-Type` as declared (`application/merge-patch+json`). */
    mediaType: string;
    /** The key of the param that is the whole body; absent when body params are the body's fields. */
    whole?: string;
    /** The body allows more keys than its fields: unknown keys are sent in it instead of rejected. */
    extra?: boolean;
  };
  /** Body field the SDK sets itself to choose streaming, and its value (`stream: true`, `stream_format: "sse"`). */
  streamFlag?: { name: string; value: boolean | string };
  /** The response is bytes (`ArrayBuffer`). */
  binaryResponse?: boolean;
  /** The operation's own security alternatives, when they differ from the API's (`[]`: send no credentials). */
  security?: string[][];
}

/**
 * Checks the user's params against the template (nothing is dropped silently: a wire-name key names the JS key
 * to use, any other unknown key lists the accepted ones, a missing required param is named) and builds the
 * request: encoded path, styled query, header and cookie values, and the typed body.
 */
export function buildRequest(params: unknown, template: RequestTemplate): RequestSpec {
  const values = checkParams(params, template);
  const query: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  const fields: Record<string, unknown> = {};
  const fieldStyles: Record<string, FieldSerialization> = {};
  const pathKeys = new Map<string, string>();
  for (const [key, param] of Object.entries(template.params)) {
    const raw = values[key];
    const value = param.format === "date" && raw instanceof Date ? formatDateOnly(raw) : raw;
    if (param.in === "path") pathKeys.set(param.name, key);
    if (value === undefined) continue;
    switch (param.in) {
      case "query":
        query[param.name] = isDefaultQueryStyle(param) ? value : new StyledQueryValue(value, param);
        break;
      case "header":
        if (value !== null) headers[param.name] = simpleText(value);
        break;
      case "cookie":
        if (value !== null) cookies.push(`${param.name}=${encodeRFC3986(scalarText(value))}`);
        break;
      case "body":
        if (key !== template.body?.whole) fields[param.name] = value;
        if (param.style || param.explode !== undefined || param.contentType) fieldStyles[param.name] = param;
        break;
    }
  }
  if (cookies.length > 0) headers["Cookie"] = cookies.join("; ");
  const spec: RequestSpec = {
    method: template.method,
    path: template.path.replace(/\{([^}]+)\}/g, (_match, wire: string) => {
      const key = pathKeys.get(wire) ?? wire;
      const value = values[key];
      return encodePath(
        template.params[key]?.format === "date" && value instanceof Date ? formatDateOnly(value) : value,
        key,
      );
    }),
  };
  if (Object.keys(query).length > 0) spec.query = query;
  if (Object.keys(headers).length > 0) spec.headers = headers;
  const body = template.body;
  if (body) {
    if (body.extra) Object.assign(fields, extraKeys(values, template));
    if (template.streamFlag) fields[template.streamFlag.name] = template.streamFlag.value;
    const value = body.whole ? values[body.whole] : fields;
    if (value !== undefined) spec.body = new RequestBody(body.encoding, body.mediaType, value, fieldStyles);
  }
  if (template.binaryResponse) spec.asBinary = true;
  if (template.security) spec.security = template.security;
  return spec;
}

function isDefaultQueryStyle(param: ParamTemplate): boolean {
  return (param.style ?? "form") === "form" && param.explode !== false && !param.allowReserved;
}

/** `simple` style: arrays `a,b`, objects `k,v,k2,v2`. */
function simpleText(value: unknown): string {
  if (Array.isArray(value)) return value.map(scalarText).join(",");
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    return Object.entries(value)
      .flatMap(([key, item]) => [key, scalarText(item)])
      .join(",");
  }
  return scalarText(value);
}

/** The params object, after rejecting anything that would not reach the wire as the user meant it. */
function checkParams(params: unknown, template: RequestTemplate): Record<string, unknown> {
  if (params === undefined || params === null) params = {};
  if (typeof params !== "object" || Array.isArray(params)) throw notAnObject(params, template);
  const values = params as Record<string, unknown>;
  const accepted = Object.keys(template.params);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || key in template.params) continue;
    const intended = accepted.find((candidate) => template.params[candidate]!.name === key);
    if (intended) {
      throw new InvalidParameterError(
        key,
        `Unknown parameter "${key}" for ${template.call}(): use "${intended}" (the API's "${key}").`,
      );
    }
    if (template.body?.extra) continue;
    const suggestion = closest(key, accepted);
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : "";
    const list = accepted.length > 0 ? `accepted: ${accepted.join(", ")}` : "it takes no parameters";
    throw new InvalidParameterError(
      key,
      `Unknown parameter "${key}" for ${template.call}(); ${list}.${hint}`,
    );
  }
  for (const [key, param] of Object.entries(template.params)) {
    if (param.required && values[key] === undefined) {
      throw new InvalidParameterError(key, `Missing required parameter "${key}" for ${template.call}().`);
    }
  }
  return values;
}

/** Keys that are not params: sent in a body that allows additional properties. */
function extraKeys(values: Record<string, unknown>, template: RequestTemplate): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => value !== undefined && !(key in template.params)),
  );
}

function notAnObject(params: unknown, template: RequestTemplate): InvalidParameterError {
  const [first] = Object.entries(template.params).filter(([, param]) => param.required);
  const example =
    first && (typeof params === "string" || typeof params === "number")
      ? `{ ${first[0]}: ${JSON.stringify(params)} }`
      : `{ ${Object.keys(template.params).slice(0, 2).join(", ")} }`;
  return new InvalidParameterError(
    first?.[0] ?? "params",
    `${template.call}() takes an object of named parameters: pass ${example}, not a ${Array.isArray(params) ? "array" : typeof params}.`,
  );
}

/** The accepted key within two edits of `key` (a typo), if exactly one is closest. */
function closest(key: string, accepted: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of accepted) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
