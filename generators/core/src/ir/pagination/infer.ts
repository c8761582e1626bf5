import type { Pagination, SuccessResponse } from "../types";
import { hasType, type ResponseField } from "./response-fields";

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
/** Last segment of a response field holding the next page's URL (`meta.next_page_url`, `links.next`…). */
const NEXT_URL_FIELDS = ["next_page_url", "next_url", "next_link", "next_page_link", "next_href", "next"];
const LIMIT_PARAMS = ["limit", "per_page", "page_size", "size", "max_results", "count"];
const PAGE_PARAMS = ["page", "page_number"];
const ITEMS_FIELDS = ["data", "items", "results"];

/**
 * Recognise, in order: cursor (cursor parameter + next-cursor field); link (a `Link` response header, or a
 * next-URL body field next to an items array) — both win over page/offset parameters, which are often only
 * client state (Twilio's `Page`); offset (offset + limit); page (page + page size).
 */
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
  if (success.headers.includes("link")) return { style: "link", ...shared };
  const nextUrl = items ? field(NEXT_URL_FIELDS, "string") : undefined;
  if (nextUrl) return { style: "link", ...shared, nextUrl };
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
  return undefined;
}
