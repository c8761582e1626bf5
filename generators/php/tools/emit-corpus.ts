// Emits the PHP SDK of every corpus spec, the Embott spec, the wire features and every repro spec (the pagination
// one: the styles big APIs page with, Stripe's included) into one folder per spec; the runtime (the same for all) goes
// only into the first folder and the pagination repro's, whose SDK CorpusTest runs against a local server.
// For the corpus gate (packages/php/tests/Corpus).
// Usage: pnpm exec tsx generators/php/tools/emit-corpus.ts OUT_DIR
import { readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { buildIR, buildPlan, loadSpec } from "@embott/codegen-core";
import { corpusSpecs, REPRO_DIR } from "../../../testdata/corpus";
import { createPhpEmitter } from "../src/emit/emitter";
import { phpNaming } from "../src/naming";

const ROOT = resolve(import.meta.dirname, "../../..");
const out = process.argv[2];
if (!out) throw new Error("usage: emit-corpus.ts OUT_DIR");
const pagingRepro = join(REPRO_DIR, "pagination.yaml");
const specs = [
  ...corpusSpecs(),
  join(ROOT, "spec/openapi.yaml"),
  join(ROOT, "testdata/wire/features.yaml"),
  ...readdirSync(REPRO_DIR)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => join(REPRO_DIR, name)),
];
const emitter = createPhpEmitter(phpNaming);
for (const [index, spec] of specs.entries()) {
  const loaded = await loadSpec(spec);
  const plan = buildPlan(buildIR(loaded), { document: loaded.document });
  const files = await emitter.emit(plan, {
    specFile: relative(ROOT, spec), // as `pnpm codegen generate` names it: the header line is the same wherever the repo is
    outDir: out,
    generatorVersion: "corpus",
    document: loaded.document,
  });
  const folder = join(out, basename(spec).replace(/\W+/g, "-"));
  const kept = files.filter(
    (file) => index === 0 || spec === pagingRepro || /^src\/(Client\.php|Model\/|Service\/)/.test(file.path),
  );
  for (const file of kept) {
    await mkdir(dirname(join(folder, file.path)), { recursive: true });
    await writeFile(join(folder, file.path), file.contents);
  }
  console.log(`${folder}: ${kept.length} files`);
}
