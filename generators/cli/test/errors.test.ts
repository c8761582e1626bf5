import { readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPRO_DIR } from "../../../testdata/corpus";
import { runCli } from "../src/index";
import { describeError } from "../src/run";
import { captureIO, tempDir } from "./helpers";

const STACK_FRAME = /\n\s+at /;

describe("errors name their cause, never with a stack trace", () => {
  it("prints warnings with file:line:pointer and one summary line, and --strict refuses them", async () => {
    const spec = join(REPRO_DIR, "validate31.yaml");
    const io = captureIO();
    expect(await runCli(["inspect", "--spec", spec], io)).toBe(0);
    expect(io.err()).toMatch(/validate31\.yaml:15:41 #\/paths\/.*\/name\/nullable warning: /);
    expect(io.err().match(/^⚠ .*$/gm)).toEqual([
      "⚠ 2 warnings in the spec (2 struct); generation continues; --strict makes structural ones errors",
    ]);
    const strict = captureIO();
    expect(await runCli(["inspect", "--strict", "--spec", spec], strict)).toBe(1);
    expect(strict.err()).toMatch(/validate31\.yaml:16:34 #\/paths\/.*\/model\/type error: /);
  });

  it("reports xref.yaml's unreadable extension $ref as a located warning and writes nothing into the cwd", async () => {
    const before = readdirSync(process.cwd());
    const io = captureIO();
    expect(await runCli(["inspect", "--spec", join(REPRO_DIR, "xref.yaml")], io)).toBe(0);
    expect(io.err()).toMatch(
      /xref\.yaml:5:14 #\/x-topics\/0\/content warning: external \$ref "\.\/docs\/missing\.md"/,
    );
    expect(readdirSync(process.cwd())).toEqual(before);
  });

  it.each([
    ["a directory", (dir: string) => dir],
    ["binary garbage", (dir: string) => write(dir, "x.yaml", "\u0000\u0001openapi")],
    ["a YAML list", (dir: string) => write(dir, "x.yaml", "- 1\n- 2\n")],
    ["a JSON string", (dir: string) => write(dir, "x.json", '"openapi"')],
    ["an unterminated flow map", (dir: string) => write(dir, "x.yaml", "openapi: 3.1.0\ninfo: {\n")],
    [
      "paths as a list",
      (dir: string) => write(dir, "x.yaml", 'openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: [1]\n'),
    ],
    [
      "a $ref cycle",
      (dir: string) =>
        write(
          dir,
          "x.yaml",
          'openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: {}\ncomponents: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } }\n',
        ),
    ],
  ])("%s", async (_label, make) => {
    const io = captureIO();
    const code = await runCli(["inspect", "--spec", make(tempDir())], io);
    expect(io.err()).not.toMatch(STACK_FRAME);
    if (code !== 0) expect(io.err()).toMatch(/error|embott-codegen: \w+/);
  });

  it("describes an unexpected error by its name, message and causes", () => {
    const inner = new Error("ENOENT: no such file ./docs/missing.md");
    expect(describeError(new TypeError("hey-api failed: ", { cause: inner }))).toBe(
      "TypeError: hey-api failed — caused by Error: ENOENT: no such file ./docs/missing.md",
    );
    expect(describeError(new Error(""))).toBe("failed with an error that carries no message");
  });
});

function write(dir: string, name: string, contents: string): string {
  const path = resolve(dir, name);
  writeFileSync(path, contents);
  return path;
}
