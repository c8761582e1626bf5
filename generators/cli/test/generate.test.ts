import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { allResources, type Emitter, generatedHeader, type LanguageTarget } from "@embott/codegen-core";
import { describe, expect, it } from "vitest";
import { generate } from "../src/commands/generate";
import { TARGETS } from "../src/index";
import { captureIO, tempDir, writePagedSpec } from "./helpers";

/** A real (tiny) emitter: one file per operation listing its id, plus an index. */
const listingEmitter: Emitter = {
  language: "listing",
  async emit(plan, context) {
    const header = generatedHeader(context.specFile, "hash");
    const methods = allResources(plan).flatMap((resource) => resource.methods);
    return [
      { path: "index.txt", contents: `${header}\n${methods.length} operations\n` },
      ...methods.map((method) => ({
        path: `ops/${method.id}.txt`,
        contents: `${header}\n${method.request.method} ${method.request.path}\n`,
      })),
    ];
  },
};
const targets: LanguageTarget[] = [
  { ...TARGETS[1]!, language: "listing", emitter: listingEmitter },
  { ...TARGETS[2]!, emitter: undefined },
];

const run = (spec: string, out: string, check = false, languages?: string[]) =>
  generate(
    { spec, out, check, generatorVersion: "0.0.0", ...(languages ? { languages } : {}) },
    captureIO(),
    targets,
  );

describe("embott-codegen generate", () => {
  it("writes one folder per language, then --check passes, then reports drift and stale files", async () => {
    const dir = tempDir();
    const spec = writePagedSpec(dir);
    const out = join(dir, "out");
    expect(await run(spec, out)).toBe(0);
    expect(readFileSync(join(out, "listing/index.txt"), "utf8")).toContain("2 operations");
    expect(await run(spec, out, true)).toBe(0);

    writeFileSync(join(out, "listing/index.txt"), "edited by hand\n");
    writeFileSync(join(out, "listing/ops/old.txt"), `${generatedHeader(spec, "hash")}\n`);
    const io = captureIO();
    const code = await generate({ spec, out, check: true, generatorVersion: "0.0.0" }, io, targets);
    expect(code).toBe(1);
    expect(io.out()).toMatch(/changed\s+.*listing\/index\.txt/);
    expect(io.out()).toMatch(/stale\s+.*listing\/ops\/old\.txt/);
  });

  it("exits 1 with a clear message when no selected language has an emitter yet", async () => {
    const dir = tempDir();
    const io = captureIO();
    const code = await generate(
      {
        spec: writePagedSpec(dir),
        out: join(dir, "out"),
        check: false,
        generatorVersion: "0",
        languages: ["php"],
      },
      io,
      targets,
    );
    expect(code).toBe(1);
    expect(io.err()).toContain("php: no emitter yet");
    expect(io.err()).toContain(
      "nothing generated: no emitter exists yet for php; languages with an emitter: listing",
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("skips a language without an emitter but still succeeds for the others", async () => {
    const dir = tempDir();
    const io = captureIO();
    const options = { spec: writePagedSpec(dir), out: join(dir, "out"), check: false, generatorVersion: "0" };
    expect(await generate({ ...options, languages: ["listing", "php"] }, io, targets)).toBe(0);
    expect(io.err()).toContain("php: no emitter yet");
  });
});
