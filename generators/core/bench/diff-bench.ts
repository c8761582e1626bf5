/**
 * `embott-codegen diff` beside `generate`, on our spec and the largest corpus spec. For each: the spec → plan
 * time `generate` spends before emitting, the TypeScript emitter (the rest of `generate`), and `diff` against a
 * scripted older version (the first path removed): both specs to plans, both surfaces, the comparison.
 * Run: `pnpm bench:codegen` (root). Figures only; nothing is asserted.
 */
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { corpusSpecs } from "../../../testdata/corpus";
import { phpNaming } from "../../php/src/naming/index";
import { pythonNaming } from "../../python/src/naming/index";
import { rubyNaming } from "../../ruby/src/naming/index";
import { typescriptTarget } from "../../typescript/src/index";
import { typescriptNaming } from "../../typescript/src/naming/index";
import {
  buildIR,
  buildPlan,
  compareSurfaces,
  diffLanguage,
  loadSpec,
  type SdkPlan,
  surfaceFromPlan,
} from "../src/index";

const REPO_ROOT = resolve(import.meta.dirname, "../../..");
const LANGUAGES = [typescriptNaming, pythonNaming, phpNaming, rubyNaming].map(diffLanguage);

async function planOf(file: string): Promise<{ plan: SdkPlan; document: Record<string, unknown> }> {
  const spec = await loadSpec(file);
  return { plan: buildPlan(buildIR(spec), { document: spec.document }), document: spec.document };
}

/** The spec with its first path removed: a breaking "previous version" to diff against. */
function olderVersion(document: Record<string, unknown>): string {
  const older = structuredClone(document) as { paths?: Record<string, unknown> };
  const first = Object.keys(older.paths ?? {})[0];
  if (first) delete older.paths![first];
  const file = join(mkdtempSync(join(tmpdir(), "embott-diff-bench-")), "older.json");
  writeFileSync(file, JSON.stringify(older));
  return file;
}

async function measure(file: string, label: string): Promise<string> {
  let started = performance.now();
  const { plan, document } = await planOf(file);
  const toPlan = performance.now() - started;
  started = performance.now();
  const emitted = await typescriptTarget.emitter!.emit(plan, {
    specFile: file,
    document,
    outDir: join(tmpdir(), "embott-diff-bench-out"),
    generatorVersion: "bench",
  });
  const emit = performance.now() - started;
  const older = olderVersion(document);
  started = performance.now();
  const base = (await planOf(older)).plan;
  const head = (await planOf(file)).plan;
  const plans = performance.now() - started;
  started = performance.now();
  const report = compareSurfaces(surfaceFromPlan(base), surfaceFromPlan(head), LANGUAGES);
  const compare = performance.now() - started;
  const cells = [
    label,
    `${Math.round(statSync(file).size / 1024)} KB`,
    ms(toPlan),
    `${ms(emit)} (${emitted.length} files)`,
    ms(toPlan + emit),
    ms(plans),
    ms(compare),
    ms(plans + compare),
    report.changes.length,
  ];
  return cells
    .map((cell, index) =>
      index === 0 ? String(cell).padEnd(24) : String(cell).padStart(index === 3 ? 20 : 11),
    )
    .join(" ");
}

const ms = (value: number) => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  console.log(
    "\ndiff beside generate (generate = spec→plan + TypeScript emitter; diff = two specs→plans + compare)",
  );
  console.log(
    ["spec", "size", "spec→plan", "ts emit", "generate", "2× plan", "compare", "diff", "changes"]
      .map((h, i) => (i === 0 ? h.padEnd(24) : h.padStart(i === 3 ? 20 : 11)))
      .join(" "),
  );
  await planOf(join(REPO_ROOT, "spec/openapi.yaml")); // warm-up: the first load pays for JIT and module loading
  console.log(await measure(join(REPO_ROOT, "spec/openapi.yaml"), "spec/openapi.yaml"));
  const largest = corpusSpecs().sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  console.log(await measure(largest, basename(largest)));
}

await main();
