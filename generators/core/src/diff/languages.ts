import type { PrimitiveType } from "../ir/types";
import type { LanguageNaming } from "../naming/language";
import type { SurfaceMethod, SurfaceParam, SurfaceProperty } from "./surface";

/** How one language exposes the surface; what decides whether a change breaks its callers. */
export interface LanguageExposure {
  /**
   * How params are passed: `object` (TS: one flat object keyed by the cased words), `keywords` (Python, Ruby:
   * keyword arguments named by the cased words, so a renamed kwarg breaks) or `wireKeys` (PHP: an array keyed by
   * the wire names, so only a wire rename breaks).
   */
  params: "object" | "keywords" | "wireKeys";
  /** Path params are positional (Python: `get(bot_id, *, ...)`), so reordering them breaks callers. */
  positionalPath: boolean;
  /** Response fields are read by their wire name (TS types) or the cased name (pydantic fields, PHP, Ruby). */
  fields: "wire" | "identifier";
  /** Static types: a response field that may now be absent or null is a compile / type-check error. */
  staticTypes: boolean;
  /**
   * What the language's type printer makes of a scalar with a spec `format`: the types a caller may pass
   * (`input`) or receives (`output`), as a set. A format the printer ignores prints like no format.
   * test/diff/scalars.test.ts holds each table to the language's real type printer.
   */
  scalar: (type: PrimitiveType, format: string | undefined, side: Side) => string[];
}

/** Which way a value travels: passed by the caller, or received by it. */
export type Side = "input" | "output";

/** TS: bytes in are `Uploadable`, dates in may be a `Date`; what comes back is the JSON scalar. */
function typescriptScalar(type: PrimitiveType, format: string | undefined, side: Side): string[] {
  if (side === "input" && format === "binary") return ["Uploadable"];
  if (side === "input" && (format === "date" || format === "date-time")) return ["string", "Date"];
  return [type === "integer" ? "number" : type];
}

/** Python: pydantic parses dates into `date` / `datetime`; params take them or a `str`, and files as `FileContent`. */
function pythonScalar(type: PrimitiveType, format: string | undefined, side: Side): string[] {
  if (type !== "string") return [{ integer: "int", number: "float", boolean: "bool" }[type]];
  if (side === "input" && format === "binary") return ["FileContent"];
  const date = format === "date" ? "date" : format === "date-time" ? "datetime" : undefined;
  if (!date) return ["str"];
  return side === "input" ? ["str", date] : [date];
}

/** PHP: params document `\DateTimeInterface` beside a date string; responses keep the JSON scalar. */
function phpScalar(type: PrimitiveType, format: string | undefined, side: Side): string[] {
  if (side === "output")
    return [{ string: "string", integer: "int", number: "float", boolean: "bool" }[type]];
  if (type === "string")
    return format === "date" || format === "date-time" ? ["string", "\\DateTimeInterface"] : ["string"];
  return type === "integer" ? ["int"] : type === "number" ? ["float", "int"] : ["bool"];
}

/** Ruby: YARD types name the JSON scalar whatever the format. */
const rubyScalar = (type: PrimitiveType): string[] => [
  { string: "String", integer: "Integer", number: "Float", boolean: "Boolean" }[type],
];

/**
 * The four SDKs: TS (one params object, wire-named response types, strict tsc), Python (path params positional,
 * the rest keyword-only; pydantic fields snake_case with wire aliases; typed, checked by mypy/pyright), PHP
 * (arrays by wire key, camelCase readonly properties checked at run time only), Ruby (keyword arguments,
 * snake_case readers, no static types). `scalar` follows each language's type printer.
 */
export const EXPOSURES: Readonly<Record<string, LanguageExposure>> = {
  typescript: {
    params: "object",
    positionalPath: false,
    fields: "wire",
    staticTypes: true,
    scalar: typescriptScalar,
  },
  python: {
    params: "keywords",
    positionalPath: true,
    fields: "identifier",
    staticTypes: true,
    scalar: pythonScalar,
  },
  php: {
    params: "wireKeys",
    positionalPath: false,
    fields: "identifier",
    staticTypes: false,
    scalar: phpScalar,
  },
  ruby: {
    params: "keywords",
    positionalPath: false,
    fields: "identifier",
    staticTypes: false,
    scalar: rubyScalar,
  },
};

/** A language as `diff` sees it: its naming refiner and how it exposes params and fields. */
export interface DiffLanguage {
  language: string;
  naming: LanguageNaming;
  exposure: LanguageExposure;
}

/** The diff view of a language's naming; unknown languages are treated like TypeScript (the strictest). */
export function diffLanguage(naming: LanguageNaming): DiffLanguage {
  return {
    language: naming.language,
    naming,
    exposure: EXPOSURES[naming.language] ?? EXPOSURES["typescript"]!,
  };
}

/** `client.<resource>.<method>` as the language prints it. */
export function methodKey(language: DiffLanguage, method: Pick<SurfaceMethod, "resource" | "name">): string {
  const resource = method.resource.map((segment) => language.naming.identifier(segment, "resource"));
  return [...resource, language.naming.identifier(method.name, "method")].join(".");
}

/** The name a caller writes for a param. */
export function paramKey(language: DiffLanguage, param: Pick<SurfaceParam, "wire" | "words">): string {
  return language.exposure.params === "wireKeys"
    ? param.wire
    : language.naming.identifier(param.words, "parameter");
}

/** The name a caller writes for a field: request objects always use wire keys; responses follow the language. */
export function fieldKey(
  language: DiffLanguage,
  property: Pick<SurfaceProperty, "wire" | "words">,
  inputOnly: boolean,
): string {
  return inputOnly || language.exposure.fields === "wire"
    ? property.wire
    : language.naming.identifier(property.words, "property");
}

/** A model's type name in the language. */
export const typeKey = (language: DiffLanguage, words: string[]): string =>
  language.naming.identifier(words, "type");
