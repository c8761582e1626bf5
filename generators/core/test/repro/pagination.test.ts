import { describe, expect, it } from "vitest";
import { irOf, jsonResponse, operations, query, spec } from "../helpers/build";
import { operationsById, reproIR } from "../helpers/repro";

describe("repro pagination.yaml: the shapes big APIs page with", async () => {
  const { ir } = await reproIR("pagination.yaml");
  const paging = (id: string) => operationsById(ir)[id]?.pagination;

  it("Stripe: starting_after + has_more + data, next cursor = the last item's id", () => {
    expect(paging("things.listStripeLike")).toEqual({
      style: "cursor",
      origin: "inferred",
      items: "data",
      limitParam: "limit",
      cursorParam: "starting_after",
      itemCursor: "id",
      hasMore: "has_more",
      recognisedBy:
        'cursor: query "starting_after", last item\'s "id" as next cursor, "has_more" flag, items "data", page size "limit"',
    });
  });

  it("OpenAI: after + last_id + has_more", () => {
    expect(paging("things.listOpenaiLike")).toMatchObject({
      style: "cursor",
      cursorParam: "after",
      nextCursor: "last_id",
      hasMore: "has_more",
      items: "data",
    });
  });

  it("a next cursor typed anyOf [string, null]", () => {
    expect(paging("things.listNullableNext")).toMatchObject({
      style: "cursor",
      cursorParam: "after",
      nextCursor: "next",
    });
  });

  it("an allOf envelope pages over `result`, never `errors`, with result_info's page count", () => {
    expect(paging("things.listEnvelope")).toMatchObject({
      style: "page",
      items: "result",
      pageParam: "page",
      limitParam: "per_page",
      totalPages: "result_info.total_pages",
      startPage: 1,
    });
  });

  it("a string `page` token fed from next_page is a cursor, not a number", () => {
    expect(paging("things.search")).toMatchObject({
      style: "cursor",
      cursorParam: "page",
      nextCursor: "next_page",
      hasMore: "has_more",
    });
  });
});

describe("pagination is not guessed over the wrong array", () => {
  const envelope = (properties: Record<string, unknown>) =>
    spec({
      "/things": {
        get: {
          operationId: "listThings",
          tags: ["things"],
          parameters: [query("page", "integer"), query("per_page", "integer")],
          responses: { 200: jsonResponse({ type: "object", properties }) },
        },
      },
    });
  const errors = { type: "array", items: { type: "object" } };

  it("a list whose only arrays are errors/messages is not paged", () => {
    const ir = irOf(envelope({ errors, messages: errors, success: { type: "boolean" } }));
    expect(operations(ir)["things.list"]?.pagination).toBeUndefined();
  });

  it("two unnamed arrays are ambiguous; one named after the path wins", () => {
    const two = irOf(envelope({ alpha: errors, beta: errors }));
    expect(operations(two)["things.list"]?.pagination).toBeUndefined();
    const named = irOf(envelope({ members: errors, things: errors }));
    expect(operations(named)["things.list"]?.pagination).toMatchObject({ items: "things" });
  });
});
