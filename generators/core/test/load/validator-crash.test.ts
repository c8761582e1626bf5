import { describe, expect, it, vi } from "vitest";
import { loadSpec, SpecError } from "../../src/index";
import { tempFile } from "../helpers/temp";

// Redocly throws plain Errors for documents it cannot classify; simulate one it has not thrown yet.
vi.mock("@redocly/openapi-core", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@redocly/openapi-core")>()),
  lint: () => Promise.reject(new Error("Unsupported specification")),
}));

describe("loadSpec when the validator throws", () => {
  it("turns the throw into a SpecError naming the file, not a stack trace", async () => {
    const path = tempFile("ok.yaml", 'openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: {}\n');
    const error = await loadSpec(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).problems).toEqual([
      expect.objectContaining({
        file: path,
        rule: "validator",
        message: expect.stringMatching(/Unsupported specification/),
      }),
    ]);
  });
});
