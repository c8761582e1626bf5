import type { Pagination } from "../types";

/**
 * The fields of a pagination descriptor, in the order every runtime pager receives them: the same names as
 * `x-embott-pagination` (everything in `Pagination` but `origin` and `recognisedBy`). Emitters iterate this list, so a new field
 * reaches every language at once.
 */
export const PAGINATION_FIELDS = [
  "style",
  "items",
  "cursorParam",
  "nextCursor",
  "itemCursor",
  "hasMore",
  "offsetParam",
  "total",
  "pageParam",
  "totalPages",
  "startPage",
  "limitParam",
  "nextUrl",
] as const satisfies readonly Exclude<keyof Pagination, "origin" | "recognisedBy">[];

export type PaginationField = (typeof PAGINATION_FIELDS)[number];
