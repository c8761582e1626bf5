import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/spec/load";
import type { Schemas } from "../../src/store/types";
import type { ErrorBody } from "../support/errors";
import { call, json, useMock } from "../support/in-process";

type ConversationPage = Schemas["ConversationList"];

async function collectPages(
  firstPath: string,
  nextPath: (cursor: string) => string,
): Promise<ConversationPage[]> {
  const pages = [await json<ConversationPage>(await call("GET", firstPath))];
  for (let page = pages[0]; page?.next_cursor; ) {
    page = await json<ConversationPage>(await call("GET", nextPath(page.next_cursor)));
    pages.push(page);
  }
  return pages;
}

describe("cursor pagination over the store", () => {
  const { mock } = useMock();

  it("walks every item exactly once, newest first", async () => {
    const pages = await collectPages(
      "/conversations?limit=1",
      (cursor) => `/conversations?limit=1&cursor=${cursor}`,
    );
    const ids = pages.flatMap((page) => page.data.map((conversation) => conversation.id));
    expect(ids).toHaveLength(mock.store.conversations.all().length);
    expect(new Set(ids).size).toBe(ids.length);
    const started = pages.flatMap((page) => page.data.map((conversation) => conversation.started_at));
    expect(started).toEqual([...started].sort().reverse());
    expect(pages.at(-1)).toMatchObject({ has_more: false, next_cursor: null });
  });

  it("keeps filters across pages, whether or not the client resends them", async () => {
    const resend = await collectPages(
      "/conversations?limit=1&status=open",
      (cursor) => `/conversations?limit=1&status=open&cursor=${cursor}`,
    );
    const carried = await collectPages(
      "/conversations?limit=1&status=open",
      (cursor) => `/conversations?limit=1&cursor=${cursor}`,
    );
    const statuses = [...resend, ...carried].flatMap((page) =>
      page.data.map((conversation) => conversation.status),
    );
    expect(new Set(statuses)).toEqual(new Set(["open"]));
    expect(resend.length).toBeGreaterThan(1);
    expect(carried.map((page) => page.data)).toEqual(resend.map((page) => page.data));
  });

  it("rejects a malformed cursor and a cursor reused with other filters", async () => {
    const malformed = await call("GET", "/conversations?cursor=not-a-cursor");
    expect(malformed.status).toBe(400);
    expect((await json<ErrorBody>(malformed)).error).toMatchObject({
      code: "invalid_cursor",
      param: "cursor",
    });
    const first = await json<ConversationPage>(await call("GET", "/conversations?limit=1&status=open"));
    const switched = await call("GET", `/conversations?limit=1&status=closed&cursor=${first.next_cursor}`);
    expect(switched.status).toBe(400);
    expect((await json<ErrorBody>(switched)).error.code).toBe("cursor_mismatch");
  });

  it("rejects a cursor issued by another list, naming cursor", async () => {
    const conversations = await json<ConversationPage>(await call("GET", "/conversations?limit=1"));
    const response = await call("GET", `/bots?limit=1&cursor=${conversations.next_cursor}`);
    expect(response.status).toBe(400);
    expect((await json<ErrorBody>(response)).error).toMatchObject({
      code: "cursor_mismatch",
      param: "cursor",
    });
  });

  it("rejects a cursor whose carried filters were edited", async () => {
    const first = await json<ConversationPage>(await call("GET", "/conversations?limit=1&status=open"));
    const state = JSON.parse(Buffer.from(first.next_cursor ?? "", "base64url").toString("utf8"));
    const edited = Buffer.from(JSON.stringify({ ...state, filters: { status: "closed" } })).toString(
      "base64url",
    );
    const response = await call("GET", `/conversations?limit=1&cursor=${edited}`);
    expect(response.status).toBe(400);
    expect((await json<ErrorBody>(response)).error).toMatchObject({
      code: "invalid_cursor",
      param: "cursor",
    });
  });

  it("sees items created between pages", async () => {
    const first = await json<Schemas["BotList"]>(await call("GET", "/bots?limit=1"));
    await call("POST", "/bots", { body: { name: "Created Later" } });
    const all = await json<Schemas["BotList"]>(await call("GET", "/bots?limit=100"));
    expect(all.data[0]?.name).toBe("Created Later");
    expect(all.data.map((bot) => bot.id)).toContain(first.data[0]?.id);
  });
});

describe("the spec's example cursors", () => {
  useMock();
  const spec = loadSpec() as unknown as {
    paths: Record<
      string,
      { get?: { responses?: Record<string, { content?: Record<string, ExampleMedia> }> } }
    >;
    components: { parameters: Record<string, { schema?: { examples?: unknown[] } }> };
  };
  type ExampleMedia = { examples?: Record<string, { value?: { next_cursor?: string | null } }> };

  const responseCursors = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.values(item.get?.responses?.["200"]?.content?.["application/json"]?.examples ?? {})
      .map((example) => example.value?.next_cursor)
      .filter((cursor): cursor is string => typeof cursor === "string")
      .map((cursor) => [path, cursor] as const),
  );

  it.each(responseCursors)(
    "GET %s accepts the next_cursor of its own response example",
    async (path, cursor) => {
      const response = await call("GET", `${path}?cursor=${encodeURIComponent(cursor)}`);
      expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
    },
  );

  it("GET /bots accepts the Cursor parameter's example", async () => {
    const [example] = spec.components.parameters.Cursor?.schema?.examples ?? [];
    expect(typeof example).toBe("string");
    expect((await call("GET", `/bots?cursor=${encodeURIComponent(String(example))}`)).status).toBe(200);
    expect(responseCursors.length).toBeGreaterThanOrEqual(2);
  });
});
