import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIO } from "../src/index";

/** A CliIO capturing stdout and stderr as strings. */
export function captureIO(): CliIO & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "embott-cli-test-"));

/** A valid spec with offset and page pagination and no x-embott extensions. */
export function writePagedSpec(dir: string): string {
  const list = (params: string[]) => ({
    tags: ["items"],
    parameters: params.map((name) => ({ name, in: "query", schema: { type: "integer" } })),
    responses: {
      200: {
        description: "ok",
        content: {
          "application/json": {
            schema: { type: "object", properties: { data: { type: "array", items: { type: "string" } } } },
          },
        },
      },
    },
  });
  const spec = {
    openapi: "3.0.3",
    info: { title: "Paged", version: "1" },
    paths: {
      "/items": { get: { operationId: "listItems", ...list(["offset", "limit"]) } },
      "/pages": { get: { operationId: "listPages", ...list(["page", "per_page"]) } },
    },
  };
  const path = join(dir, "paged.json");
  writeFileSync(path, JSON.stringify(spec));
  return path;
}
