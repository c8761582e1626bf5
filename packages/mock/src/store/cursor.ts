import { createHash } from "node:crypto";
import { invalidRequest } from "../policies/errors";

export type Filters = Record<string, string | number | boolean>;

interface CursorState {
  /** The list the cursor was issued for (`bots`); another list rejects it. */
  list: string;
  /** Hash of `list` and `filters`, so an edited cursor is rejected rather than silently changing the page. */
  digest: string;
  /** Sort key and id of the last item of the previous page. */
  after: [string, string];
  /** Filters of the first page; later pages keep them. */
  filters: Filters;
}

export interface ListPage<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

/** Records in list order, read from a cursor's position without scanning what comes before it. */
export interface OrderedRecords<T> {
  /** The records after `position` in list order (from the first without one). */
  after(position?: [string, string]): Iterable<T>;
  /** The position a cursor records for `item`. */
  positionOf(item: T): [string, string];
}

export interface PageRequest<T> {
  /** Name of the list (`bots`, `conversations`); cursors are only valid for the list that issued them. */
  list: string;
  records: OrderedRecords<T>;
  limit: number;
  cursor: string | undefined;
  filters: Filters;
  matches: (item: T, filters: Filters) => boolean;
}

function digestOf(list: string, filters: Filters): string {
  const canonical = JSON.stringify([list, Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1))]);
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

export function encodeCursor(list: string, after: [string, string], filters: Filters): string {
  const state: CursorState = { list, digest: digestOf(list, filters), after, filters };
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

function malformed(): never {
  throw invalidRequest(
    "invalid_cursor",
    "The cursor is malformed; pass next_cursor from the previous page.",
    "cursor",
  );
}

export function decodeCursor(cursor: string): CursorState {
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    malformed();
  }
  const candidate = state as Partial<CursorState> | null;
  const after = candidate?.after;
  const valid =
    Array.isArray(after) &&
    after.length === 2 &&
    after.every((part) => typeof part === "string") &&
    typeof candidate?.list === "string" &&
    typeof candidate.filters === "object" &&
    candidate.filters !== null &&
    candidate.digest === digestOf(candidate.list, candidate.filters);
  if (!valid) malformed();
  return candidate as CursorState;
}

/** A cursor of another list (a `/conversations` cursor sent to `/bots`) is a 400 naming `cursor`. */
function assertSameList(state: CursorState, list: string): void {
  if (state.list !== list) {
    throw invalidRequest(
      "cursor_mismatch",
      `The cursor was issued for the ${state.list} list, not ${list}; pass next_cursor from this list.`,
      "cursor",
    );
  }
}

/** The cursor's filters apply to later pages; a request that sends different filters is rejected. */
function mergeFilters(requested: Filters, carried: Filters): Filters {
  for (const [name, value] of Object.entries(requested)) {
    if (name in carried && carried[name] !== value) {
      throw invalidRequest(
        "cursor_mismatch",
        `The cursor was issued for ${name}=${carried[name]}; drop the cursor to change filters.`,
        name,
      );
    }
  }
  return { ...carried, ...requested };
}

/**
 * One page after the cursor's position, with the next cursor. Cost: a binary search for the position plus the
 * records read until `limit + 1` match, never a sort or filter of the whole list.
 */
export function paginate<T>(page: PageRequest<T>): ListPage<T> {
  const state = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  if (state) assertSameList(state, page.list);
  const filters = state ? mergeFilters(page.filters, state.filters) : page.filters;
  const data: T[] = [];
  let hasMore = false;
  for (const item of page.records.after(state?.after)) {
    if (!page.matches(item, filters)) continue;
    if (data.length === page.limit) {
      hasMore = true;
      break;
    }
    data.push(item);
  }
  const last = data.at(-1);
  return {
    object: "list",
    data,
    has_more: hasMore,
    next_cursor: hasMore && last ? encodeCursor(page.list, page.records.positionOf(last), filters) : null,
  };
}
