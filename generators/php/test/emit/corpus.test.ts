import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { buildIR, buildPlan, type GeneratedFile, loadSpec } from "@embott/codegen-core";
import { afterAll, describe, expect, it } from "vitest";
import { corpusSpecs } from "../../../../testdata/corpus";
import { createPhpEmitter } from "../../src/emit/emitter";
import { phpNaming } from "../../src/naming";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../../../..");
const SPECS = [...corpusSpecs(), join(ROOT, "spec/openapi.yaml"), join(ROOT, "testdata/wire/features.yaml")];

const outRoot = await mkdtemp(join(tmpdir(), "embott-php-corpus-"));
afterAll(() => rm(outRoot, { recursive: true, force: true }));

async function emit(spec: string): Promise<GeneratedFile[]> {
  const loaded = await loadSpec(spec);
  const plan = buildPlan(buildIR(loaded), { document: loaded.document });
  return createPhpEmitter(phpNaming).emit(plan, {
    specFile: spec,
    outDir: outRoot,
    generatorVersion: "test",
    document: loaded.document,
  });
}

/** Writes the generated code of a spec; the runtime (the same for every spec) only for the first one. */
async function write(folder: string, files: GeneratedFile[], withRuntime: boolean): Promise<number> {
  const generated = files.filter(
    (file) => withRuntime || /^src\/(Client\.php|Model\/|Service\/)/.test(file.path),
  );
  for (const file of generated) {
    await mkdir(dirname(join(folder, file.path)), { recursive: true });
    await writeFile(join(folder, file.path), file.contents);
  }
  return generated.length;
}

async function failures(command: string, args: string[]): Promise<string> {
  return run(command, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).then(
    () => "",
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? String(error)}`,
  );
}

describe("PHP for every corpus spec is valid, PSR-12 code", () => {
  it("emits each spec; every file passes php -l and phpcs PSR-12 with strict types", async () => {
    expect(SPECS.length).toBeGreaterThanOrEqual(12);
    const folders: string[] = [];
    for (const [index, spec] of SPECS.entries()) {
      const folder = join(outRoot, spec.split("/").at(-1)!.replace(/\W+/g, "-"));
      const files = await emit(spec);
      expect(
        files.some((file) => file.path === "src/Client.php"),
        spec,
      ).toBe(true);
      expect(await write(folder, files, index === 0), spec).toBeGreaterThan(0);
      folders.push(folder);
    }
    expect(await failures("php", ["generators/php/tools/lint.php", ...folders])).toBe("");
    const phpcs = ["--standard=PSR12", "--sniffs=", "--extensions=php", "--parallel=2", "--report=emacs"];
    const standard = join(ROOT, "generators/php/test/emit/corpus-phpcs.xml");
    expect(
      await failures("phpcs", [`--standard=${standard}`, "--extensions=php", "--report=emacs", ...folders]),
    ).toBe("");
    expect(phpcs.length).toBeGreaterThan(0);
    const entries = await readdir(outRoot);
    expect(entries.length).toBe(SPECS.length);
  }, 300_000);
});
