import { SDKError } from "../core/error";
import type { RequestSpec } from "../core/options";

/** The fields of `x-embott-pagination`, passed by generated code for each paginated operation. */
export type PaginationDescriptor =
  | ({
      style: "cursor";
      items?: string;
      cursorParam: string;
      hasMore?: string;
      limitParam?: string;
    } & (
      | { /** Response field holding the next cursor. */ nextCursor: string; itemCursor?: undefined }
      | {
          nextCursor?: undefined;
          /** Field of the page's last item that is the next cursor (Stripe: `starting_after` = last `id`). */
          itemCursor: string;
        }
    ))
  | { style: "offset"; items?: string; offsetParam: string; total?: string; limitParam?: string }
  | {
      style: "page";
      items?: string;
      pageParam: string;
      totalPages?: string;
      limitParam?: string;
      /** Number of the first page (default 1; 0 for zero-based APIs), assumed when the caller gives no page. */
      startPage?: number;
    }
  | {
      style: "link";
      items?: string;
      limitParam?: string;
      /** Dotted body field holding the next page's URL (absolute or relative); default: the `Link` header. */
      nextUrl?: string;
    };

export interface PageSnapshot {
  spec: RequestSpec;
  body: unknown;
  response: Response;
  itemCount: number;
  baseURL: string;
}

/** The items of one page: the `items` field (dotted paths allowed), or the body itself when it is an array. */
export function extractItems<Item>(body: unknown, descriptor: PaginationDescriptor): Item[] {
  const path = descriptor.items ?? "data";
  const items = Array.isArray(body) && descriptor.items === undefined ? body : readPath(body, path);
  if (!Array.isArray(items)) {
    throw new SDKError(`Expected an array at "${path}" in the list response, got ${describe(items)}.`);
  }
  return items as Item[];
}

/**
 * The request for the next page, or null on the last page. It is the original request with only the
 * cursor/offset/page replaced, so filters and limit carry over.
 */
export function nextPageSpec(descriptor: PaginationDescriptor, page: PageSnapshot): RequestSpec | null {
  if (page.itemCount === 0) return null;
  if (descriptor.style === "link") return nextLinkSpec(descriptor, page);
  const next = nextQueryValue(descriptor, page);
  if (next === null) return null;
  return { ...page.spec, query: { ...page.spec.query, [next.param]: next.value } };
}

function nextQueryValue(
  descriptor: Exclude<PaginationDescriptor, { style: "link" }>,
  page: PageSnapshot,
): { param: string; value: string | number } | null {
  const query = page.spec.query ?? {};
  const limit = descriptor.limitParam ? toNumber(query[descriptor.limitParam]) : undefined;
  const fullPage = limit === undefined || page.itemCount >= limit;
  switch (descriptor.style) {
    case "cursor": {
      const hasMore = descriptor.hasMore ? readPath(page.body, descriptor.hasMore) : undefined;
      if (hasMore === false) return null;
      const cursor = cursorOf(descriptor, page.body);
      if (typeof cursor !== "string" || cursor === "") return null;
      return { param: descriptor.cursorParam, value: cursor };
    }
    case "offset": {
      const offset = (toNumber(query[descriptor.offsetParam]) ?? 0) + page.itemCount;
      const total = descriptor.total ? toNumber(readPath(page.body, descriptor.total)) : undefined;
      const more = total !== undefined ? offset < total : fullPage;
      return more ? { param: descriptor.offsetParam, value: offset } : null;
    }
    case "page": {
      const start = descriptor.startPage ?? 1;
      const current = toNumber(query[descriptor.pageParam]) ?? start;
      const totalPages = descriptor.totalPages
        ? toNumber(readPath(page.body, descriptor.totalPages))
        : undefined;
      const more = totalPages !== undefined ? current - start + 1 < totalPages : fullPage;
      return more ? { param: descriptor.pageParam, value: current + 1 } : null;
    }
  }
}

/** The next cursor: a response field, or (Stripe style) a field of the page's last item. */
function cursorOf(descriptor: Extract<PaginationDescriptor, { style: "cursor" }>, body: unknown): unknown {
  if (descriptor.nextCursor !== undefined) return readPath(body, descriptor.nextCursor);
  const items = extractItems<unknown>(body, descriptor);
  return readPath(items[items.length - 1], descriptor.itemCursor);
}

/**
 * Where a request points in the list: its cursor (cursor style) or URL (link style); undefined for offset and page
 * styles, whose positions only grow. Two requests of one iteration at the same position mean a cycle.
 */
export function pagePosition(descriptor: PaginationDescriptor, spec: RequestSpec): string | undefined {
  if (descriptor.style === "link") return spec.path;
  if (descriptor.style !== "cursor") return undefined;
  const cursor = spec.query?.[descriptor.cursorParam];
  return typeof cursor === "string" ? cursor : undefined;
}

/**
 * Follows the `nextUrl` body field, else `Link: <…>; rel="next"` — only to the API's own origin so the API key
 * never leaves it.
 */
function nextLinkSpec(
  descriptor: Extract<PaginationDescriptor, { style: "link" }>,
  page: PageSnapshot,
): RequestSpec | null {
  const target = descriptor.nextUrl
    ? readPath(page.body, descriptor.nextUrl)
    : parseNextLink(page.response.headers.get("link"));
  if (typeof target !== "string" || target === "") return null;
  const resolved = new URL(target, page.response.url || page.baseURL);
  if (resolved.origin !== new URL(page.baseURL).origin) {
    throw new SDKError(`Refusing to follow a pagination link to another origin (${resolved.origin}).`);
  }
  return { ...page.spec, path: resolved.toString(), query: {} };
}

/** The URL of the `rel="next"` entry of an RFC 8288 Link header. */
export function parseNextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rels = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(match[2] ?? "")?.[1];
    if (rels?.toLowerCase().split(/\s+/).includes("next")) return match[1];
  }
  return undefined;
}

function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function toNumber(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
