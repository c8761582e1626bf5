import { singular } from "../../naming/words";
import type { Pagination, SuccessResponse } from "../types";
import { hasType, type ResponseField } from "./response-fields";

const CURSOR_PARAMS = [
  "starting_after",
  "cursor",
  "after",
  "after_id",
  "page_token",
  "next_token",
  "continuation_token",
];
const NEXT_CURSOR_FIELDS = [
  "next_cursor",
  "next_page_token",
  "next_token",
  "cursor",
  "starting_after",
  "after",
  "last_id",
  "next_page",
  "next",
];
/** Last segment of a response field holding the next page's URL (`meta.next_page_url`, `links.next`…). */
const NEXT_URL_FIELDS = ["next_page_url", "next_url", "next_link", "next_page_link", "next_href", "next"];
const LIMIT_PARAMS = ["limit", "per_page", "page_size", "size", "max_results", "count"];
const PAGE_PARAMS = ["page", "page_number"];
const HAS_MORE_FIELDS = ["has_more", "has_next", "has_next_page"];
/** Arrays that hold a page's items, by preference (`result` is Cloudflare's envelope). */
const ITEMS_FIELDS = ["data", "items", "results", "result", "records", "entries"];
/** Arrays beside the items in envelopes: never the items (`errors`/`messages` beside `result`). */
const NOT_ITEMS = new Set(["errors", "messages", "warnings", "error", "notices", "links"]);
/** Fields of an item whose value the next request's cursor takes (Stripe's `starting_after` = last `id`). */
const ITEM_CURSOR_FIELDS = ["id"];

/** A query parameter as pagination sees it: wire name and whether its schema is a string. */
export interface QueryParameter {
  name: string;
  string: boolean;
}

/**
 * Recognise, in order: cursor (cursor parameter — or a string `page` token — with a next-cursor field, else
 * with a `has_more` flag and items carrying an `id`, the last of which is the next cursor); link (a `Link`
 * response header, or a next-URL body field next to an items array) — both win over page/offset parameters,
 * which are often only client state (Twilio's `Page`); offset (offset + limit); page (page + page size).
 * A list whose items array cannot be identified (only `errors`/`messages` arrays) is not paged, rather than
 * paged over the wrong array. `recognisedBy` says which evidence was used.
 */
export function inferPagination(
  query: Map<string, QueryParameter>,
  fields: ResponseField[],
  success: SuccessResponse,
  bareArray: boolean,
  pathWords: string[] = [],
): Pagination | undefined {
  const pick = (names: string[]) => names.map((name) => query.get(name)).find(Boolean);
  const field = (names: string[], type?: string) =>
    names
      .map((name) =>
        fields.find((candidate) => candidate.key === name && (!type || hasType(candidate.schema, type))),
      )
      .find(Boolean);
  const items = bareArray ? undefined : itemsField(fields, pathWords);
  if (!bareArray && !items) return undefined;
  const limitParam = pick(LIMIT_PARAMS)?.name;
  const evidence: string[] = [];
  const shared = {
    origin: "inferred" as const,
    ...(items ? { items: items.path } : {}),
    ...(limitParam ? { limitParam } : {}),
  };
  const describe = (style: string, parts: string[]) => {
    const base = [...parts, ...(items ? [`items "${items.path}"`] : ["bare array response"])];
    if (limitParam) base.push(`page size "${limitParam}"`);
    return `${style}: ${base.join(", ")}`;
  };
  const pageParam = pick(PAGE_PARAMS);
  const cursorParam = pick(CURSOR_PARAMS) ?? (pageParam?.string ? pageParam : undefined);
  const hasMore = field(HAS_MORE_FIELDS, "boolean")?.path;
  if (cursorParam) {
    const nextCursor = field(NEXT_CURSOR_FIELDS, "string")?.path;
    const itemCursor = nextCursor || !hasMore ? undefined : itemCursorOf(items);
    if (nextCursor || itemCursor) {
      evidence.push(`query "${cursorParam.name}"`);
      evidence.push(
        nextCursor ? `next cursor "${nextCursor}"` : `last item's "${itemCursor}" as next cursor`,
      );
      if (hasMore) evidence.push(`"${hasMore}" flag`);
      return {
        style: "cursor",
        ...shared,
        cursorParam: cursorParam.name,
        ...(nextCursor ? { nextCursor } : { itemCursor }),
        ...(hasMore ? { hasMore } : {}),
        recognisedBy: describe("cursor", evidence),
      };
    }
  }
  if (success.headers.includes("link"))
    return { style: "link", ...shared, recognisedBy: describe("link", ["Link response header"]) };
  const nextUrl = items ? field(NEXT_URL_FIELDS, "string")?.path : undefined;
  if (nextUrl)
    return { style: "link", ...shared, nextUrl, recognisedBy: describe("link", [`next URL "${nextUrl}"`]) };
  const offsetParam = query.get("offset")?.name;
  if (offsetParam && limitParam) {
    const total = field(["total", "total_count", "count"], "integer")?.path;
    const parts = [`query "${offsetParam}"`, ...(total ? [`total "${total}"`] : [])];
    return {
      style: "offset",
      ...shared,
      offsetParam,
      ...(total ? { total } : {}),
      recognisedBy: describe("offset", parts),
    };
  }
  if (pageParam && !pageParam.string && limitParam) {
    const totalPages = field(["total_pages", "page_count", "pages", "num_pages"], "integer")?.path;
    const parts = [`query "${pageParam.name}"`, ...(totalPages ? [`page count "${totalPages}"`] : [])];
    return {
      style: "page",
      ...shared,
      pageParam: pageParam.name,
      ...(totalPages ? { totalPages } : {}),
      recognisedBy: describe("page", parts),
    };
  }
  return undefined;
}

/**
 * The items array: a preferred name (`data`, `items`, `result`…), else a top-level array named after a path
 * segment (`messages` of `/guilds/{id}/messages/search`), else the only top-level array that is not an envelope's
 * `errors`/`messages`; undefined when that leaves several candidates.
 */
function itemsField(fields: ResponseField[], pathWords: string[]): ResponseField | undefined {
  const arrays = fields.filter((field) => hasType(field.schema, "array"));
  const topLevel = arrays.filter((field) => !field.path.includes("."));
  for (const name of ITEMS_FIELDS) {
    const match = topLevel.find((field) => field.key === name) ?? arrays.find((field) => field.key === name);
    if (match) return match;
  }
  const named = topLevel.find((field) => pathWords.includes(singular(field.key)));
  if (named) return named;
  const plain = topLevel.filter((field) => !NOT_ITEMS.has(field.key));
  return plain.length === 1 ? plain[0] : undefined;
}

/** The item field that becomes the next cursor (`id`), when the items are objects that have one. */
function itemCursorOf(items: ResponseField | undefined): string | undefined {
  const properties = items?.itemProperties ?? [];
  return ITEM_CURSOR_FIELDS.find((name) => properties.includes(name));
}
