import { describe, expect, it } from "vitest";
import { reproIR } from "../helpers/repro";

describe("repro xref.yaml: an unreadable external $ref inside an extension the SDK does not use", () => {
  it("is a warning with file, line and pointer, and the bundled document no longer holds the ref", async () => {
    const { spec, ir } = await reproIR("xref.yaml");
    expect(spec.warnings).toEqual([
      expect.objectContaining({
        severity: "warning",
        file: expect.stringMatching(/xref\.yaml$/),
        line: 5,
        pointer: "#/x-topics/0/content",
        rule: "external-ref",
        message: expect.stringMatching(/"\.\/docs\/missing\.md" cannot be read.*x-topics/),
      }),
    ]);
    expect(spec.document["x-topics"]).toEqual([{ title: "Getting started", content: null }]);
    expect(JSON.stringify(spec.document)).not.toContain("missing.md");
    expect(ir.resources.map((resource) => resource.id)).toEqual(["x"]);
  });
});
