import { describe, expect, it } from "vitest";
import {
  CodeWriter,
  escapeTemplate,
  memberAccess,
  objectLiteral,
  propertyKey,
  valueLiteral,
} from "../../src/printer";

describe("CodeWriter", () => {
  it("indents blocks and lays out JSDoc", () => {
    const writer = new CodeWriter();
    writer.doc("Does a thing.\nSecond line with */ inside.", ["@deprecated"]);
    writer.block("class A", () => writer.line("x = 1;"));
    expect(writer.toString()).toBe(
      [
        "/**",
        " * Does a thing.",
        " * Second line with *\\/ inside.",
        " *",
        " * @deprecated",
        " */",
        "class A {",
        "  x = 1;",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("writes one-line docs, skips empty ones and collapses blank lines", () => {
    const writer = new CodeWriter().doc("Short.").doc(undefined).blank().blank().line("end");
    expect(writer.toString()).toBe("/** Short. */\n\nend\n");
  });
});

describe("literals", () => {
  it("quotes keys that are not identifiers", () => {
    expect(propertyKey("page_size")).toBe("page_size");
    expect(propertyKey("X-Trace")).toBe('"X-Trace"');
    expect(memberAccess("params", "a-b")).toBe('params["a-b"]');
  });

  it("prints object literals and plain data", () => {
    expect(
      objectLiteral([
        ["limit", "params.limit"],
        ["cursor", "cursor"],
      ]),
    ).toBe("{ limit: params.limit, cursor }");
    expect(valueLiteral({ kind: "header", name: "X-Key", skip: undefined, list: [1, true] })).toBe(
      '{ kind: "header", name: "X-Key", list: [1, true] }',
    );
  });

  it("escapes template literal text", () => {
    const dollarBrace = "$" + "{";
    expect(escapeTemplate(`a\`b${dollarBrace}c}\\`)).toBe(`a\\\`b\\${dollarBrace}c}\\\\`);
  });
});
