import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { corpusSpecs, REPRO_DIR } from "../../../../testdata/corpus";
import { emitSpec, FEATURES_SPEC } from "./support";

const run = promisify(execFile);
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const EMBOTT_SPEC = join(import.meta.dirname, "../../../../spec/openapi.yaml");
const WIRE_SPEC = join(import.meta.dirname, "../../../../testdata/wire/features.yaml");
/** The issue-9 repro specs (pagination shapes, stream twins, raw names, auth alternatives, error envelopes…). */
const REPRO_SPECS = readdirSync(REPRO_DIR)
  .filter((name) => name.endsWith(".yaml"))
  .map((name) => join(REPRO_DIR, name));

const outRoot = await mkdtemp(join(tmpdir(), "embott-corpus-"));
afterAll(() => rm(outRoot, { recursive: true, force: true }));

/** Writes every emitted file (scaffold files included) under a folder named after the spec; returns it. */
async function writeSdk(spec: string, index: number, files: Map<string, string>): Promise<string> {
  const folder = join(outRoot, `${index}-${spec.split("/").at(-1)!.replace(/\W+/g, "-")}`);
  for (const [path, contents] of files) {
    const target = join(folder, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
  return folder;
}

describe("every corpus and repro spec becomes a package that builds with its own tsconfig", () => {
  it("generates each spec, then type-checks every output as emitted in one `tsc -b` run", async () => {
    const specs = [...corpusSpecs(), FEATURES_SPEC, EMBOTT_SPEC, WIRE_SPEC, ...REPRO_SPECS];
    expect(specs.length).toBeGreaterThanOrEqual(10);
    const folders: string[] = [];
    for (const [index, spec] of specs.entries()) {
      const { ir, files } = await emitSpec(spec);
      const apiMd = files.get("api.md") ?? "";
      const methods = ir.resources.flatMap((resource) => resource.operations);
      const methodRows = apiMd.split("\n").filter((line) => /^\| `client\.[^`(]*\(\)`/.test(line));
      expect(methodRows.length, spec).toBe(methods.length);
      folders.push(await writeSdk(spec, index, files));
    }
    // Each folder is built exactly as emitted: its own package.json (type: module) and strict NodeNext tsconfig.
    const result = await run(process.execPath, [TSC, "-b", "--noEmit", ...folders], {
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe("");
  }, 180_000);
});
