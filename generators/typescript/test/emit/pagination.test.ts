import { describe, expect, it } from "vitest";
import { emitDocument, fileOf, response, tinySpec } from "./support";

const intQuery = (name: string, schema: Record<string, unknown> = {}) => ({
  name,
  in: "query",
  schema: { type: "integer", ...schema },
});
const list = (parameters: unknown[], properties: Record<string, unknown>) => ({
  get: {
    tags: ["items"],
    parameters,
    responses: {
      200: response({
        type: "object",
        properties: { data: { type: "array", items: { type: "string" } }, ...properties },
      }),
    },
  },
});

describe("pagination descriptors", () => {
  it("pass startPage for page style and nextUrl for a body next-page URL", async () => {
    const meta = { type: "object", properties: { next_page_url: { type: ["string", "null"] } } };
    const { files } = await emitDocument(
      tinySpec({
        "/pages": list([intQuery("page", { minimum: 0 }), intQuery("per_page")], {}),
        "/links": list([intQuery("Page", { minimum: 0 }), intQuery("PageSize")], { meta }),
      }),
    );
    const items = fileOf(files, "src/resources/items.ts");
    expect(items).toContain(
      '{ style: "page", items: "data", pageParam: "page", startPage: 0, limitParam: "per_page" }',
    );
    expect(items).toContain(
      '{ style: "link", items: "data", limitParam: "PageSize", nextUrl: "meta.next_page_url" }',
    );
  }, 30_000);
});
