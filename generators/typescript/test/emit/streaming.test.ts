import { describe, expect, it } from "vitest";
import { emitDocument, fileOf, response, tinySpec } from "./support";

const stream = (schema?: unknown) => ({
  get: {
    tags: ["feeds"],
    responses: {
      200:
        schema === undefined
          ? { description: "ok", content: { "text/event-stream": {} } }
          : response(schema, "text/event-stream"),
    },
  },
});

describe("streams of events", () => {
  it("read text events (string or no schema) as strings and JSON events as their type", async () => {
    const { files } = await emitDocument(
      tinySpec({
        "/feeds/text": stream({ type: "string" }),
        "/feeds/raw": stream(),
        "/feeds/json": stream({ type: "object", properties: { n: { type: "integer" } } }),
      }),
    );
    const feeds = fileOf(files, "src/resources/feeds.ts");
    const method = (name: string) => feeds.slice(feeds.indexOf(`  ${name}(`)).split("\n  }\n")[0]!;
    // GET on a singular segment (/feeds/text) is named `get…`, not `list…` (core's naming rules).
    for (const name of ["getText", "getRaw"]) {
      expect(method(name)).toContain("APIPromise<Stream<string>>");
      expect(method(name)).toContain('{ parse: "text" }');
    }
    expect(method("getJson")).not.toContain("parse");
    expect(method("getJson")).not.toContain("Stream<string>");
  }, 30_000);
});
