import type { SpecOperation } from "../context";
import { deref, isObject, type Json, objectAt } from "../json";
import type { Pagination, Parameter, SuccessResponse } from "../types";
import { hasType, normaliseKey, type ResponseField, responseFields } from "./response-fields";

const STYLES = new Set(["cursor", "offset", "page", "link"]);
const FIELDS = [
  "items",
  "cursorParam",
  "nextCursor",
  "hasMore",
  "offsetParam",
  "total",
  "pageParam",
  "totalPages",
  "limitParam",
] as const;

const CURSOR_PARAMS = ["starting_after", "cursor", "after", "page_token", "next_token", "continuation_token"];
const NEXT_CURSOR_FIELDS = [
  "next_cursor",
  "next_page_token",
  "next_token",
  "cursor",
  "starting_after",
  "after",
  "next",
];
const LIMIT_PARAMS = ["limit", "per_page", "page_size", "size", "max_results", "count"];
const PAGE_PARAMS = ["page", "page_number"];
const ITEMS_FIELDS = ["data", "items", "results"];

/** `x-embott-pagination` when present, else the style recognised from parameters and response shape. */
export function buildPagination(
  document: Json,
  spec: SpecOperation,
  parameters: Parameter[],
  success: SuccessResponse,
): Pagination | undefined {
  const extension = spec.operation["x-embott-pagination"];
  if (isObject(extension) && STYLES.has(String(extension["style"]))) return fromExtension(extension);
  if (spec.httpMethod !== "get") return undefined;
  const query = new Map(
    parameters
      .filter((parameter) => parameter.in === "query")
      .map((parameter) => [normaliseKey(parameter.name), parameter.name]),
  );
  const fields = responseFields(document, successSchema(document, spec));
  return inferPagination(query, fields, success);
}

function fromExtension(extension: Json): Pagination {
  const pagination: Pagination = { style: extension["style"] as Pagination["style"], origin: "extension" };
  for (const field of FIELDS) {
    if (typeof extension[field] === "string") pagination[field] = extension[field];
  }
  return pagination;
}

/** Recognise cursor, then offset, then page, then Link-header pagination. */
export function inferPagination(
  query: Map<string, string>,
  fields: ResponseField[],
  success: SuccessResponse,
): Pagination | undefined {
  const pick = (names: string[]) => names.map((name) => query.get(name)).find(Boolean);
  const field = (names: string[], type?: string) =>
    names
      .map((name) =>
        fields.find((candidate) => candidate.key === name && (!type || hasType(candidate.schema, type))),
      )
      .find(Boolean)?.path;
  const limitParam = pick(LIMIT_PARAMS);
  const items =
    field(ITEMS_FIELDS, "array") ??
    fields.find((candidate) => hasType(candidate.schema, "array") && !candidate.path.includes("."))?.path;
  const shared = {
    origin: "inferred" as const,
    ...(items ? { items } : {}),
    ...(limitParam ? { limitParam } : {}),
  };
  const cursorParam = pick(CURSOR_PARAMS);
  const nextCursor = field(NEXT_CURSOR_FIELDS, "string");
  if (cursorParam && nextCursor) {
    const hasMore = field(["has_more", "has_next", "has_next_page"], "boolean");
    return { style: "cursor", ...shared, cursorParam, nextCursor, ...(hasMore ? { hasMore } : {}) };
  }
  const offsetParam = query.get("offset");
  if (offsetParam && limitParam) {
    const total = field(["total", "total_count", "count"], "integer");
    return { style: "offset", ...shared, offsetParam, ...(total ? { total } : {}) };
  }
  const pageParam = pick(PAGE_PARAMS);
  if (pageParam && limitParam) {
    const totalPages = field(["total_pages", "page_count", "pages", "num_pages"], "integer");
    return { style: "page", ...shared, pageParam, ...(totalPages ? { totalPages } : {}) };
  }
  if (success.headers.includes("link")) return { style: "link", ...shared };
  return undefined;
}

function successSchema(document: Json, spec: SpecOperation): unknown {
  const responses = objectAt(spec.operation["responses"]);
  const status = Object.keys(responses)
    .sort()
    .find((candidate) => candidate.startsWith("2"));
  if (!status) return undefined;
  const content = objectAt(deref(document, responses[status], "#").node["content"]);
  const json = Object.keys(content).find((mediaType) => mediaType.includes("json"));
  return json ? objectAt(content[json])["schema"] : undefined;
}
