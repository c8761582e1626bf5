import { describe, expect, it } from "vitest";
import { irOf, jsonResponse, operations, query, spec } from "../helpers/build";

const listOf = (parameters: unknown[], schema: unknown, extra: Record<string, unknown> = {}) =>
  spec({
    "/items": {
      get: {
        operationId: "listItems",
        tags: ["items"],
        parameters,
        responses: { 200: jsonResponse(schema) },
        ...extra,
      },
    },
  });

const page = (fields: Record<string, unknown>) => ({
  type: "object",
  properties: { data: { type: "array", items: { type: "string" } }, ...fields },
});

const paginationOf = (document: Record<string, unknown>) =>
  operations(irOf(document))["items.list"]?.pagination;

describe("pagination", () => {
  it("recognises cursor pagination from a cursor parameter and a next-cursor field", () => {
    const document = listOf(
      [query("starting_after"), query("limit", "integer")],
      page({ next_cursor: { type: ["string", "null"] }, has_more: { type: "boolean" } }),
    );
    expect(paginationOf(document)).toEqual({
      style: "cursor",
      origin: "inferred",
      recognisedBy:
        'cursor: query "starting_after", next cursor "next_cursor", "has_more" flag, items "data", page size "limit"',
      items: "data",
      limitParam: "limit",
      cursorParam: "starting_after",
      nextCursor: "next_cursor",
      hasMore: "has_more",
    });
  });

  it("finds a nested next cursor (Intercom-style pages.next.starting_after)", () => {
    const pages = {
      type: "object",
      properties: { next: { type: "object", properties: { starting_after: { type: "string" } } } },
    };
    const document = listOf([query("starting_after"), query("per_page", "integer")], page({ pages }));
    expect(paginationOf(document)).toMatchObject({
      style: "cursor",
      nextCursor: "pages.next.starting_after",
      limitParam: "per_page",
    });
  });

  it("recognises offset + limit with a total", () => {
    const document = listOf(
      [query("offset", "integer"), query("limit", "integer")],
      page({ total: { type: "integer" } }),
    );
    expect(paginationOf(document)).toEqual({
      style: "offset",
      origin: "inferred",
      recognisedBy: 'offset: query "offset", total "total", items "data", page size "limit"',
      items: "data",
      limitParam: "limit",
      offsetParam: "offset",
      total: "total",
    });
  });

  it("recognises page + per_page with a page count", () => {
    const document = listOf(
      [query("page", "integer"), query("per_page", "integer")],
      page({ total_pages: { type: "integer" } }),
    );
    expect(paginationOf(document)).toEqual({
      style: "page",
      origin: "inferred",
      recognisedBy: 'page: query "page", page count "total_pages", items "data", page size "per_page"',
      items: "data",
      limitParam: "per_page",
      pageParam: "page",
      totalPages: "total_pages",
      startPage: 1,
    });
  });

  it("takes the first page number from the page parameter's default, else its minimum", () => {
    const pageParam = (schema: Record<string, unknown>) => ({ name: "page", in: "query", schema });
    const startOf = (schema: Record<string, unknown>) =>
      paginationOf(listOf([pageParam(schema), query("per_page", "integer")], page({})))?.startPage;
    expect(startOf({ type: "integer", minimum: 0 })).toBe(0);
    expect(startOf({ type: "integer", minimum: 0, default: 1 })).toBe(1);
    expect(startOf({ type: "integer", default: 0 })).toBe(0);
  });

  it("follows a next-page URL in the body (Twilio meta.next_page_url) over page parameters", () => {
    const meta = {
      type: "object",
      properties: { next_page_url: { type: ["string", "null"], format: "uri" }, page: { type: "integer" } },
    };
    const parameters = [
      { name: "PageSize", in: "query", schema: { type: "integer" } },
      { name: "Page", in: "query", schema: { type: "integer", minimum: 0 } },
      query("PageToken"),
    ];
    expect(paginationOf(listOf(parameters, page({ meta })))).toEqual({
      style: "link",
      origin: "inferred",
      recognisedBy: 'link: next URL "meta.next_page_url", items "data", page size "PageSize"',
      items: "data",
      limitParam: "PageSize",
      nextUrl: "meta.next_page_url",
    });
    const links = { type: "object", properties: { next: { type: "string" } } };
    expect(paginationOf(listOf([], page({ links })))).toMatchObject({ style: "link", nextUrl: "links.next" });
  });

  it("lets a declared Link header win over page parameters", () => {
    const document = listOf([query("page", "integer"), query("per_page", "integer")], page({}));
    const operation = (document["paths"] as Record<string, Record<string, Record<string, unknown>>>)[
      "/items"
    ]!.get!;
    operation["responses"] = {
      200: { ...jsonResponse(page({})), headers: { Link: { schema: { type: "string" } } } },
    };
    expect(paginationOf(document)).toEqual({
      style: "link",
      origin: "inferred",
      recognisedBy: 'link: Link response header, items "data", page size "per_page"',
      items: "data",
      limitParam: "per_page",
    });
  });

  it("recognises Link-header pagination on a bare array", () => {
    const document = spec({
      "/items": {
        get: {
          tags: ["items"],
          operationId: "listItems",
          responses: {
            200: {
              ...jsonResponse({ type: "array", items: { type: "string" } }),
              headers: { Link: { schema: { type: "string" } } },
            },
          },
        },
      },
    });
    expect(paginationOf(document)).toEqual({
      style: "link",
      origin: "inferred",
      recognisedBy: "link: Link response header, bare array response",
    });
  });

  it("prefers x-embott-pagination over inference", () => {
    const extension = {
      style: "cursor",
      items: "results",
      cursorParam: "after",
      nextCursor: "meta.next",
      limitParam: "size",
    };
    const document = listOf([query("offset", "integer"), query("limit", "integer")], page({}), {
      "x-embott-pagination": extension,
    });
    expect(paginationOf(document)).toEqual({ ...extension, origin: "extension" });
  });

  it("reads startPage and nextUrl from x-embott-pagination", () => {
    const paged = { style: "page", pageParam: "Page", startPage: 0 };
    expect(paginationOf(listOf([], page({}), { "x-embott-pagination": paged }))).toEqual({
      ...paged,
      origin: "extension",
    });
    const linked = { style: "link", items: "data", nextUrl: "meta.next_page_url" };
    expect(paginationOf(listOf([], page({}), { "x-embott-pagination": linked }))).toEqual({
      ...linked,
      origin: "extension",
    });
  });

  it("does not guess pagination from a lone limit parameter or on non-GET operations", () => {
    expect(paginationOf(listOf([query("limit", "integer")], page({})))).toBeUndefined();
    const post = spec({
      "/items": {
        post: {
          tags: ["items"],
          operationId: "listItems",
          parameters: [query("offset", "integer"), query("limit", "integer")],
          responses: { 200: jsonResponse(page({})) },
        },
      },
    });
    expect(paginationOf(post)).toBeUndefined();
  });
});
