import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { corpusSpecs } from "../../../../testdata/corpus";
import { emitSpec, FEATURES_SPEC } from "./support";

const run = promisify(execFile);
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const EMBOTT_SPEC = join(import.meta.dirname, "../../../../spec/openapi.yaml");

/** Strict settings of the repo (tsconfig.base.json) applied to every generated SDK at once. */
const STRICT_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2023", "DOM", "DOM.Iterable"],
    module: "Preserve",
    moduleResolution: "Bundler",
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ["*/src/**/*.ts"],
};

const outRoot = await mkdtemp(join(tmpdir(), "embott-corpus-"));
afterAll(() => rm(outRoot, { recursive: true, force: true }));

async function writeSdk(name: string, files: Map<string, string>): Promise<void> {
  for (const [path, contents] of files) {
    const target = join(outRoot, name, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
}

describe("every corpus spec becomes an SDK that passes tsc --strict", () => {
  it("generates each spec, then type-checks all SDKs in one tsc run", async () => {
    const specs = [...corpusSpecs(), FEATURES_SPEC, EMBOTT_SPEC];
    expect(specs.length).toBeGreaterThanOrEqual(10);
    for (const spec of specs) {
      const { ir, files } = await emitSpec(spec);
      const apiMd = files.get("api.md") ?? "";
      const methods = ir.resources.flatMap((resource) => resource.operations);
      expect(apiMd.split("\n").filter((line) => line.startsWith("| `")).length, spec).toBe(methods.length);
      await writeSdk(spec.split("/").at(-1)!.replace(/\W+/g, "-"), files);
    }
    await writeFile(join(outRoot, "tsconfig.json"), JSON.stringify(STRICT_TSCONFIG));
    const result = await run(process.execPath, [TSC, "-p", outRoot], { maxBuffer: 64 * 1024 * 1024 }).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe("");
  }, 180_000);
});
