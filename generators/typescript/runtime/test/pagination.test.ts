import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PaginationCycleError, SDKError } from "../src/core/error";
import type { PaginationDescriptor } from "../src/core/pagination";
import { parseNextLink } from "../src/internal/page-styles";
import { Embott } from "./helpers/embott-fixture";
import { type Handler, json, TestServer } from "./helpers/test-server";

type Item = { id: string };

/** A server-side list of `total` items answering cursor pages (`cursor` = index of the next item). */
function cursorList(total: number): Handler {
  return (request, response) => {
    const params = new URL(request.url, "http://x").searchParams;
    const start = Number(params.get("cursor") ?? 0);
    const limit = Number(params.get("limit") ?? 20);
    const data = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, i) => ({
      id: `bot_${start + i}`,
    }));
    const hasMore = start + data.length < total;
    json(200, {
      object: "list",
      data,
      has_more: hasMore,
      next_cursor: hasMore ? String(start + data.length) : null,
    })(request, response);
  };
}

const queryOf = (url: string) => Object.fromEntries(new URL(url, "http://x").searchParams);

describe("auto-pagination", () => {
  let server: TestServer;
  let client: Embott;

  beforeEach(async () => {
    server = await TestServer.start();
    client = new Embott({ baseURL: server.url });
  });
  afterEach(() => server.close());

  it("iterates every item with for await, without awaiting the call first, keeping filters", async () => {
    server.enqueue(cursorList(5));
    const ids: string[] = [];
    for await (const bot of client.bots.list({ limit: 2, status: "active" })) ids.push(bot.id);
    expect(ids).toEqual(["bot_0", "bot_1", "bot_2", "bot_3", "bot_4"]);
    expect(server.requests.map((request) => queryOf(request.url))).toEqual([
      { limit: "2", status: "active" },
      { limit: "2", status: "active", cursor: "2" },
      { limit: "2", status: "active", cursor: "4" },
    ]);
  });

  it("keeps per-call query options across pages too", async () => {
    server.enqueue(cursorList(3));
    await client.bots.list({ limit: 2 }, { query: { expand: "persona" } }).toArray();
    expect(server.requests.map((request) => queryOf(request.url).expand)).toEqual(["persona", "persona"]);
  });

  it("exposes pages: data, hasNextPage, getNextPage, iterPages and the request id", async () => {
    server.enqueue(cursorList(3));
    const first = await client.bots.list({ limit: 2 });
    expect(first.data.map((bot) => bot.id)).toEqual(["bot_0", "bot_1"]);
    expect(first._requestId).toBe("req_test");
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.hasNextPage()).toBe(false);
    await expect(second.getNextPage()).rejects.toThrow(/last page/);
    const sizes: number[] = [];
    for await (const page of first.iterPages()) sizes.push(page.data.length);
    expect(sizes).toEqual([2, 1]);
  });

  it("toArray({ limit }) stops early and fetches no more pages than needed", async () => {
    server.enqueue(cursorList(50));
    const items = await client.bots.list({ limit: 10 }).toArray({ limit: 15 });
    expect(items).toHaveLength(15);
    expect(server.requests).toHaveLength(2);
  });

  it("toArray() refuses to collect more than 10 000 items without a limit", async () => {
    server.enqueue(cursorList(10_050));
    await expect(client.bots.list({ limit: 100 }).toArray()).rejects.toThrow(
      /stopped at 10000 items; pass \{ limit \}/,
    );
    const all = await client.bots.list({ limit: 100 }).toArray({ limit: 10_050 });
    expect(all).toHaveLength(10_050);
  });

  it("throws PaginationCycleError when the server repeats a cursor instead of looping forever", async () => {
    server.enqueue(json(200, { data: [{ id: "a" }], has_more: true, next_cursor: "same" }));
    const error = await client.bots
      .list({ cursor: "same" })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationCycleError);
    expect(server.requests).toHaveLength(1);
  });

  it("detects a cycle through several cursors (A→B→A) with a typed error", async () => {
    const next: Record<string, string> = { "": "A", A: "B", B: "A" };
    server.enqueue((request, response) => {
      const cursor = queryOf(request.url).cursor ?? "";
      json(200, { data: [{ id: `item_${cursor}` }], has_more: true, next_cursor: next[cursor] })(
        request,
        response,
      );
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of client.bots.list()) seen.push((item as { id: string }).id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationCycleError);
    expect((error as Error).message).toMatch(/already sent for page 2 \("A"\)/);
    expect(seen).toEqual(["item_", "item_A", "item_B"]);
    expect(server.requests).toHaveLength(3);
  });

  it("does not call asking one page for its next page twice a cycle", async () => {
    server.enqueue(cursorList(3));
    const first = await client.bots.list({ limit: 1 });
    const second = await first.getNextPage();
    await expect(first.getNextPage()).resolves.toBeDefined();
    await expect(second.getNextPage()).resolves.toBeDefined();
  });

  it("reports a response without the items array clearly", async () => {
    server.enqueue(json(200, { object: "list", results: [] }));
    await expect(client.bots.list()).rejects.toThrow(/Expected an array at "data"/);
  });

  const collect = (descriptor: PaginationDescriptor, query: Record<string, unknown> = {}) =>
    client.requestPage<Item>({ method: "get", path: "/things", query }, descriptor).toArray();

  it("cursor style with itemCursor (Stripe): starting_after = the last item's id; has_more: false stops", async () => {
    server.enqueue((request, response) => {
      const after = queryOf(request.url).starting_after;
      const start = after === undefined ? 0 : Number(after.slice(1)) + 1;
      const data = [start, start + 1].filter((n) => n < 5).map((n) => ({ id: `s${n}` }));
      // has_more: false ends the list even though the last item still has an id.
      json(200, { object: "list", data, has_more: start + data.length < 5 })(request, response);
    });
    const descriptor = {
      style: "cursor",
      cursorParam: "starting_after",
      itemCursor: "id",
      hasMore: "has_more",
      limitParam: "limit",
    } as const;
    const items = await collect(descriptor, { limit: 2 });
    expect(items.map((item) => item.id)).toEqual(["s0", "s1", "s2", "s3", "s4"]);
    expect(server.requests.map((request) => queryOf(request.url).starting_after)).toEqual([
      undefined,
      "s1",
      "s3",
    ]);
  });

  it("offset style: advances by the page size until the total", async () => {
    server.enqueue((request, response) => {
      const offset = Number(queryOf(request.url).offset ?? 0);
      const data = [offset, offset + 1].filter((n) => n < 5).map((n) => ({ id: `t${n}` }));
      json(200, { data, total: 5 })(request, response);
    });
    const items = await collect(
      { style: "offset", offsetParam: "offset", total: "total", limitParam: "limit" },
      { limit: 2 },
    );
    expect(items.map((item) => item.id)).toEqual(["t0", "t1", "t2", "t3", "t4"]);
    expect(server.requests.map((request) => queryOf(request.url).offset)).toEqual([undefined, "2", "4"]);
  });

  it("page style: stops on a short page when no total is given", async () => {
    server.enqueue((request, response) => {
      const page = Number(queryOf(request.url).page ?? 1);
      json(200, { items: page < 3 ? [{ id: `p${page}a` }, { id: `p${page}b` }] : [{ id: "p3a" }] })(
        request,
        response,
      );
    });
    const items = await collect(
      { style: "page", items: "items", pageParam: "page", limitParam: "per_page" },
      { per_page: 2 },
    );
    expect(items.map((item) => item.id)).toEqual(["p1a", "p1b", "p2a", "p2b", "p3a"]);
  });

  it("page style: startPage 0 (Twilio) starts counting at 0 and reads totalPages accordingly", async () => {
    server.enqueue((request, response) => {
      const page = Number(queryOf(request.url).Page ?? 0);
      json(200, { items: [{ id: `p${page}` }], num_pages: 3 })(request, response);
    });
    const items = await collect({
      style: "page",
      items: "items",
      pageParam: "Page",
      totalPages: "num_pages",
      startPage: 0,
    });
    expect(items.map((item) => item.id)).toEqual(["p0", "p1", "p2"]);
    expect(server.requests.map((request) => queryOf(request.url).Page)).toEqual([undefined, "1", "2"]);
  });

  it("link style with nextUrl: follows a (relative) next URL from the body until it is null", async () => {
    server.enqueue((request, response) => {
      const page = Number(queryOf(request.url).Page ?? 0);
      const next = page < 2 ? `/v1/things?Page=${page + 1}&PageToken=t${page}` : null;
      json(200, { items: [{ id: `n${page}` }], meta: { next_page_url: next } })(request, response);
    });
    const descriptor = { style: "link", items: "items", nextUrl: "meta.next_page_url" } as const;
    const items = await collect(descriptor, { PageSize: 1 });
    expect(items.map((item) => item.id)).toEqual(["n0", "n1", "n2"]);
    expect(server.requests.map((request) => request.url)).toEqual([
      "/things?PageSize=1",
      "/v1/things?Page=1&PageToken=t0",
      "/v1/things?Page=2&PageToken=t1",
    ]);
    expect(server.requests[2]?.headers.authorization).toMatch(/^Bearer /);
  });

  it("link style with nextUrl: refuses another origin and stops on an empty page", async () => {
    const descriptor = { style: "link", nextUrl: "next" } as const;
    server.enqueue(json(200, { data: [{ id: "x" }], next: "https://evil.example/things?page=2" }));
    await expect(collect(descriptor)).rejects.toThrow(/another origin \(https:\/\/evil.example\)/);
    server.enqueue(json(200, { data: [], next: `${server.url}/things?page=2` }));
    await expect(collect(descriptor)).resolves.toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it("link style: follows rel=next on the API's origin", async () => {
    server.enqueue((request, response) => {
      const page = Number(queryOf(request.url).page ?? 1);
      const link: Record<string, string> = {};
      if (page < 2)
        link.link = `<${server.url}/things?page=${page + 1}>; rel="next", <${server.url}/things?page=9>; rel="last"`;
      json(200, [{ id: `l${page}` }], link)(request, response);
    });
    const items = await collect({ style: "link" });
    expect(items.map((item) => item.id)).toEqual(["l1", "l2"]);
    expect(server.requests[1]?.headers.authorization).toMatch(/^Bearer /);
  });

  it("link style: refuses to send the API key to another origin", async () => {
    server.enqueue(json(200, [{ id: "x" }], { link: '<https://evil.example/things?page=2>; rel="next"' }));
    await expect(collect({ style: "link" })).rejects.toThrow(SDKError);
    expect(server.requests).toHaveLength(1);
  });

  it("parses RFC 8288 Link headers", () => {
    expect(parseNextLink('<https://a/x?page=1>; rel="prev", <https://a/x?page=3>; rel="next"')).toBe(
      "https://a/x?page=3",
    );
    expect(parseNextLink("<https://a/x?page=3>; rel=next")).toBe("https://a/x?page=3");
    expect(parseNextLink('<https://a/x?page=3>; rel="last"')).toBeUndefined();
    expect(parseNextLink(null)).toBeUndefined();
  });
});
