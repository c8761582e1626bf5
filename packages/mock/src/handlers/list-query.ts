import { invalidRequest } from "../policies/errors";
import type { ValidatedInput } from "../policies/pipeline";
import type { Filters } from "../store/cursor";

export const DEFAULT_PAGE_SIZE = 20;

/** `limit` and `cursor` of a validated list request. */
export function pageParams(input: ValidatedInput): { limit: number; cursor: string | undefined } {
  const { limit, cursor } = input.query;
  return {
    limit: typeof limit === "number" ? limit : DEFAULT_PAGE_SIZE,
    cursor: typeof cursor === "string" ? cursor : undefined,
  };
}

/** The validated query parameters named in `names` that the request sent. */
export function pickFilters(input: ValidatedInput, names: readonly string[]): Filters {
  const filters: Filters = {};
  for (const name of names) {
    const value = input.query[name];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      filters[name] = value;
  }
  return filters;
}

/** 422 when `created_after` is not before `created_before`. */
export function assertTimeRange(filters: Filters): void {
  const { created_after: after, created_before: before } = filters;
  if (typeof after === "string" && typeof before === "string" && Date.parse(after) >= Date.parse(before)) {
    throw invalidRequest(
      "invalid_time_range",
      "created_after must be earlier than created_before.",
      "created_after",
      422,
    );
  }
}

/** Shared filter semantics: exact match on plain fields, `created_after`/`created_before` on `timestamp`. */
export function matchesFilters(
  fields: Record<string, unknown>,
  timestamp: string,
  filters: Filters,
): boolean {
  return Object.entries(filters).every(([name, value]) => {
    if (name === "created_after") return Date.parse(timestamp) >= Date.parse(String(value));
    if (name === "created_before") return Date.parse(timestamp) < Date.parse(String(value));
    return fields[name] === value;
  });
}
