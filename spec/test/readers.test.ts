import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deref, loadSpec, parseEventStream, SpecLoadError, SpecRefError, SseParseError } from "../src/index";
import { doc } from "./support/spec";

function yamlFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "embott-spec-")), "spec.yaml");
  writeFileSync(path, text);
  return path;
}

describe("loadSpec", () => {
  it("loads the Embott spec by default", () => {
    expect(loadSpec().openapi).toBe("3.1.0");
  });

  it.each([
    ["a missing file", join(tmpdir(), "embott-no-such-spec.yaml"), /Cannot read/],
    ["invalid YAML", yamlFile("openapi: [3.1.0\n"), /Cannot read/],
    ["an OpenAPI 3.0 document", yamlFile("openapi: 3.0.3\ninfo: {}\n"), /not an OpenAPI 3.1 document/],
    [
      "a document without webhooks",
      yamlFile("openapi: 3.1.0\ninfo: {}\npaths: {}\ncomponents: {}\n"),
      /webhooks/,
    ],
  ])("rejects %s with a SpecLoadError", (_, path, message) => {
    expect(() => loadSpec(path)).toThrowError(SpecLoadError);
    expect(() => loadSpec(path)).toThrowError(message);
  });
});

describe("deref", () => {
  it("follows a component ref", () => {
    expect(deref(doc, { $ref: "#/components/schemas/Channel" })).toMatchObject({ enum: expect.any(Array) });
  });

  it("rejects unresolvable and remote refs with a SpecRefError", () => {
    expect(() => deref(doc, { $ref: "#/components/schemas/Nope" })).toThrowError(SpecRefError);
    expect(() => deref(doc, { $ref: "https://example.com/x.yaml" })).toThrowError(SpecRefError);
  });
});

describe("parseEventStream", () => {
  it("splits events, joins multi-line data and skips comments", () => {
    const body = ': keep-alive\n\nevent: a\ndata: {"x":1}\n\ndata: line 1\ndata:line 2\n\n';
    expect(parseEventStream(body)).toEqual([
      { event: "a", data: '{"x":1}' },
      { event: undefined, data: "line 1\nline 2" },
    ]);
  });

  it("rejects a line without a field name", () => {
    expect(() => parseEventStream("event: a\nnot a field\n\n")).toThrowError(SseParseError);
  });
});
