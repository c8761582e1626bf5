import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPRO_DIR } from "../../../testdata/corpus";
import { generate } from "../src/commands/generate";
import { captureIO, tempDir } from "./helpers";

const BIN = resolve(import.meta.dirname, "../bin/embott-codegen.mjs");

/** Every file under `dir`, relative path → contents. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = readFileSync(path, "utf8");
  }
  return files;
}

describe("generate with emitters in worker threads", () => {
  it("writes exactly what the in-process emitter writes", async () => {
    const dir = tempDir();
    const spec = join(REPRO_DIR, "streaming.yaml");
    const run = async (name: string, parallel: boolean) => {
      const io = captureIO();
      const options = { spec, out: join(dir, name), check: false, generatorVersion: "0", parallel };
      expect(await generate({ ...options, languages: ["typescript"] }, io)).toBe(0);
      return tree(join(dir, name, "typescript"));
    };
    const inline = await run("inline", false);
    const worker = await run("worker", true);
    expect(Object.keys(worker).length).toBeGreaterThan(10);
    expect(worker).toEqual(inline);
  }, 180_000);
});

describe("generate through the build", () => {
  it("workers importing each language's bundle write exactly what the in-process emitters write", async () => {
    const dir = tempDir();
    const spec = join(REPRO_DIR, "streaming.yaml");
    const inline = join(dir, "inline");
    const options = { spec, out: inline, check: false, generatorVersion: "0.0.0", parallel: false };
    expect(await generate(options, captureIO())).toBe(0);
    const built = join(dir, "built");
    execFileSync(process.execPath, [BIN, "generate", "--spec", spec, "--out", built], { stdio: "ignore" });
    for (const language of ["typescript", "python", "php", "ruby"]) {
      const files = tree(join(built, language));
      expect(Object.keys(files).length).toBeGreaterThan(10);
      // The runtime sources are copied from disk: the bundles find them where the sources do.
      expect(files).toEqual(tree(join(inline, language)));
    }
  }, 180_000);
});
